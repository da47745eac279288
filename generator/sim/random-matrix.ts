// Seeded random XOR matrices for regression cases: the FleXOR construction with exactly
// N_tap distinct taps per row, and random fill with a given density.

import type { XorMatrix } from '../config/model.js';
import { Prng } from './prng.js';

export type MatrixRecipe =
  | { kind: 'taps'; nOut: number; nIn: number; taps: number; seed: number }
  | { kind: 'fill'; nOut: number; nIn: number; densityPercent: number; seed: number };

/** Returns rows that each tap `taps` distinct inputs, chosen uniformly by a partial Fisher-Yates shuffle. */
function tapMatrix(nOut: number, nIn: number, taps: number, prng: Prng): number[][] {
  if (taps < 1 || taps > nIn) throw new RangeError(`taps ${taps} is outside 1 ... nIn = ${nIn}`);
  return Array.from({ length: nOut }, () => {
    const columns = Array.from({ length: nIn }, (_, i) => i);
    for (let i = 0; i < taps; i += 1) {
      const j = i + prng.nextBelow(nIn - i);
      [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    }
    return columns.slice(0, taps).sort((a, b) => a - b);
  });
}

/** Returns rows whose entries are 1 with probability densityPercent / 100 each. */
function fillMatrix(nOut: number, nIn: number, densityPercent: number, prng: Prng): number[][] {
  return Array.from({ length: nOut }, () => {
    const taps: number[] = [];
    for (let column = 0; column < nIn; column += 1) if (prng.nextBelow(100) < densityPercent) taps.push(column);
    return taps;
  });
}

export function randomMatrix(recipe: MatrixRecipe): XorMatrix {
  const prng = new Prng(recipe.seed);
  const rows = recipe.kind === 'taps' ? tapMatrix(recipe.nOut, recipe.nIn, recipe.taps, prng) : fillMatrix(recipe.nOut, recipe.nIn, recipe.densityPercent, prng);
  return { nIn: recipe.nIn, nOut: recipe.nOut, rows };
}
