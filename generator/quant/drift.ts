// Whether a config's integer block still matches its real values. A hand edit of alpha, bias
// or a scale changes the float model but not the hardware, because the hardware's integers
// come from the block. This check finds such a config so that the user can re-derive it.

import type { DenseLayerSpec } from '../config/model.js';
import { deriveIntegers, DerivationError } from './derive.js';

/** Number of integers (alpha codes, bias codes, M and S) that differ from a fresh derivation, or undefined when none were block. */
export function integerDrift(layer: DenseLayerSpec): { differing: number; total: number } | undefined {
  if (!layer.integer.fromConfig) return undefined;
  let derived;
  try {
    derived = deriveIntegers({ alpha: layer.planes.map((p) => p.alpha), bias: layer.bias, input: layer.input, output: layer.output }, `layers[${layer.index}]`);
  } catch (error) {
    if (error instanceof DerivationError) return { differing: 1, total: 1 };
    throw error;
  }
  const block = layer.integer;
  let differing = 0;
  let total = 0;
  const compare = (a: number | undefined, b: number | undefined) => {
    total += 1;
    if (a !== b) differing += 1;
  };
  compare(block.alphaFracBits, derived.alphaFracBits);
  block.alphaQ.forEach((row, p) => row.forEach((code, o) => compare(code, derived.alphaQ[p]?.[o])));
  block.biasQ.forEach((code, o) => compare(code, derived.biasQ[o]));
  compare(block.requant?.multiplier, derived.requant?.multiplier);
  compare(block.requant?.shift, derived.requant?.shift);
  return { differing, total };
}

/** Warning lines for the layers whose integers no longer match their real values. */
export function driftWarnings(layers: readonly DenseLayerSpec[], source: string): string[] {
  const lines: string[] = [];
  for (const layer of layers) {
    const drift = integerDrift(layer);
    if (drift !== undefined && drift.differing > 0) {
      lines.push(
        `${source}: layer ${layer.name}: ${drift.differing} of ${drift.total} integers in the integer block differ from those derived from alpha, bias and the scales; ` +
          'the hardware and the golden model use the block. Run `flexor quantize` on a copy without the block to re-derive them.',
      );
    }
  }
  return lines;
}
