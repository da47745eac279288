// Integer ranges and the two's-complement widths that hold them.

import type { ActivationFormat } from '../config/model.js';

export interface IntRange {
  readonly min: bigint;
  readonly max: bigint;
}

export function activationRange(format: ActivationFormat): IntRange {
  const bits = BigInt(format.bits);
  return format.signed ? { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n } : { min: 0n, max: (1n << bits) - 1n };
}

/** Smallest two's-complement width w with -2^(w-1) <= min and max <= 2^(w-1) - 1. */
export function signedWidth(range: IntRange): number {
  let width = 1;
  while (-(1n << BigInt(width - 1)) > range.min || (1n << BigInt(width - 1)) - 1n < range.max) width += 1;
  return width;
}

/** Smallest unsigned width that represents 0 ... max (at least 1). */
export function unsignedWidth(max: bigint): number {
  return Math.max(max.toString(2).length, 1);
}

/** Largest magnitude in a range. */
export function magnitude(range: IntRange): bigint {
  const low = range.min < 0n ? -range.min : range.min;
  const high = range.max < 0n ? -range.max : range.max;
  return low > high ? low : high;
}

export function symmetricRange(bound: bigint): IntRange {
  return { min: -bound, max: bound };
}

export function fits(value: bigint, width: number): boolean {
  const half = 1n << BigInt(width - 1);
  return value >= -half && value < half;
}
