// Requantization of one accumulator to the next layer's activation, as docs/arithmetic.md
// states it: out = saturate(relu?(floor((acc * M + 2^(S-1)) / 2^S))).

import type { DenseLayerSpec } from '../config/model.js';
import { activationRange } from '../quant/ranges.js';
import { clampBigInt, roundShiftHalfUp } from '../quant/rounding.js';

export function requantize(layer: DenseLayerSpec, acc: bigint): bigint {
  const requant = layer.integer.requant;
  if (layer.output === 'accumulator' || requant === undefined) return acc;
  let value = roundShiftHalfUp(acc * BigInt(requant.multiplier), requant.shift);
  if (layer.activation === 'relu' && value < 0n) value = 0n;
  const range = activationRange(layer.output);
  return clampBigInt(value, range.min, range.max);
}
