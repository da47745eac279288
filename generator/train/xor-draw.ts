// Drawing the fixed XOR matrix M of a plane. FleXOR keeps M fixed during training and only
// learns the encrypted bits, so M is chosen once from the seed: either N_tap ones per row at
// distinct random columns, or every entry 1 with probability 1/2. Empty rows are redrawn,
// because an empty row would pin its weight bit to -1.

import type { XorMatrix } from '../config/model.js';
import type { Random } from '../random.js';

/** Number of ones per row, or 'random' for a fill with probability 1/2. */
export type TapRule = number | 'random';

function drawTapRow(random: Random, nIn: number, taps: number): number[] {
  const columns = Array.from({ length: nIn }, (_, column) => column);
  // Partial Fisher-Yates: the first `taps` entries become a uniform choice of distinct columns.
  for (let k = 0; k < taps; k += 1) {
    const j = random.integer(k, nIn - 1);
    const swap = columns[k]!;
    columns[k] = columns[j]!;
    columns[j] = swap;
  }
  return columns.slice(0, taps).sort((a, b) => a - b);
}

function drawFilledRow(random: Random, nIn: number): number[] {
  for (;;) {
    const row: number[] = [];
    for (let column = 0; column < nIn; column += 1) if (random.uniform() < 0.5) row.push(column);
    if (row.length > 0) return row;
  }
}

/** Draws an nOut x nIn XOR matrix; `taps` must lie in 1 ... nIn when it is a number. */
export function drawXorMatrix(random: Random, nIn: number, nOut: number, taps: TapRule): XorMatrix {
  const rows: number[][] = [];
  for (let r = 0; r < nOut; r += 1) rows.push(taps === 'random' ? drawFilledRow(random, nIn) : drawTapRow(random, nIn, taps));
  return { nIn, nOut, rows };
}
