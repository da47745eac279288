// Worst-case ranges and widths of every integer a dense layer computes. The RTL declares
// exactly these widths, and the golden model asserts that each value it computes fits them.
// Bounds hold for every legal input and every weight sign pattern; the alpha and bias terms
// use the layer's actual codes.

import type { DenseLayerSpec } from '../config/model.js';
import { activationRange, magnitude, signedWidth, symmetricRange, unsignedWidth, type IntRange } from './ranges.js';

export interface LayerWidths {
  /** Input activation range and width. */
  input: IntRange;
  inputWidth: number;
  /** Largest |activation|: 2^(A-1) when signed (from -2^(A-1)), 2^A - 1 when unsigned. */
  inputMagnitude: bigint;
  /** Bits of popcount(y AND a_k) over one SIMD group: 0 ... simd. */
  popcountWidth: number;
  /** Per-cycle term 2 * popcount(y AND a_k) - popcount(a_k), in [-simd, simd]. */
  termWidth: number;
  /** Sum over one SIMD group of b * a, in [-simd * |a|max, simd * |a|max]. */
  groupRange: IntRange;
  groupWidth: number;
  /** Plane sum P = sum over all inputs of b * a, in [-in * |a|max, in * |a|max]. */
  planeRange: IntRange;
  planeWidth: number;
  alphaWidth: number;
  biasWidth: number;
  /** acc[o] = sum_p alphaQ[p][o] * P[p][o] + biasQ[o], over the worst output channel. */
  accRange: IntRange;
  accWidth: number;
  requant?: RequantWidths;
}

export interface RequantWidths {
  multiplierWidth: number;
  /** acc * M. */
  productRange: IntRange;
  productWidth: number;
  /** acc * M + 2^(S-1): one guard bit more where the rounding constant can carry out. */
  roundedRange: IntRange;
  roundedWidth: number;
  /** (acc * M + 2^(S-1)) >>> S, before ReLU and saturation. */
  shiftedRange: IntRange;
  shiftedWidth: number;
  output: IntRange;
  outputWidth: number;
}

function floorShift(value: bigint, shift: number): bigint {
  return value >> BigInt(shift);
}

function requantWidths(layer: DenseLayerSpec, acc: IntRange): RequantWidths | undefined {
  const requant = layer.integer.requant;
  if (requant === undefined || layer.output === 'accumulator') return undefined;
  const m = BigInt(requant.multiplier);
  const productRange = { min: acc.min * m, max: acc.max * m };
  const half = requant.shift === 0 ? 0n : 1n << BigInt(requant.shift - 1);
  const roundedRange = { min: productRange.min + half, max: productRange.max + half };
  const shiftedRange = { min: floorShift(roundedRange.min, requant.shift), max: floorShift(roundedRange.max, requant.shift) };
  const output = activationRange(layer.output);
  return {
    multiplierWidth: unsignedWidth(m),
    productRange,
    productWidth: signedWidth(productRange),
    roundedRange,
    roundedWidth: signedWidth(roundedRange),
    shiftedRange,
    shiftedWidth: signedWidth(shiftedRange),
    output,
    outputWidth: layer.output.bits,
  };
}

export function layerWidths(layer: DenseLayerSpec): LayerWidths {
  const input = activationRange(layer.input);
  const inputMagnitude = magnitude(input);
  const simd = BigInt(layer.hardware.simd);
  const groupRange = symmetricRange(simd * inputMagnitude);
  const planeRange = symmetricRange(BigInt(layer.inFeatures) * inputMagnitude);

  const { alphaQ, biasQ } = layer.integer;
  let accMin = 0n;
  let accMax = 0n;
  let alphaMax = 0n;
  let biasMax = 0n;
  for (let o = 0; o < layer.outFeatures; o += 1) {
    let spread = 0n;
    for (const row of alphaQ) {
      const a = BigInt(Math.abs(row[o]!));
      spread += a * planeRange.max;
      if (a > alphaMax) alphaMax = a;
    }
    const bias = BigInt(biasQ[o]!);
    const biasMagnitude = bias < 0n ? -bias : bias;
    if (biasMagnitude > biasMax) biasMax = biasMagnitude;
    const low = bias - spread;
    const high = bias + spread;
    if (o === 0 || low < accMin) accMin = low;
    if (o === 0 || high > accMax) accMax = high;
  }
  const accRange = { min: accMin, max: accMax };
  const requant = requantWidths(layer, accRange);

  return {
    input,
    inputWidth: layer.input.bits,
    inputMagnitude,
    popcountWidth: unsignedWidth(simd),
    termWidth: signedWidth(symmetricRange(simd)),
    groupRange,
    groupWidth: signedWidth(groupRange),
    planeRange,
    planeWidth: signedWidth(planeRange),
    alphaWidth: signedWidth(symmetricRange(alphaMax)),
    biasWidth: signedWidth(symmetricRange(biasMax)),
    accRange,
    accWidth: signedWidth(accRange),
    ...(requant && { requant }),
  };
}
