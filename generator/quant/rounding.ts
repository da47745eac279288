// The rounding rules of docs/arithmetic.md, written once. The golden model and the
// integer derivation both call these; the RTL implements the same rules in templates.

/**
 * Rounds a real number half up: to the nearest integer, ties toward +infinity.
 * Splits off the fraction first, because floor(x + 0.5) in doubles rounds 0.49999999999999994 to 1.
 */
export function roundHalfUp(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const whole = Math.floor(x);
  return x - whole >= 0.5 ? whole + 1 : whole;
}

/** Floor of value / 2^shift, as Verilog's arithmetic shift `>>>` computes it (BigInt `>>` floors). */
export function shiftRightFloor(value: bigint, shift: number): bigint {
  return value >> BigInt(shift);
}

/** Rounds value / 2^shift half up: adds 2^(shift - 1), then shifts arithmetically. Exact for any size. */
export function roundShiftHalfUp(value: bigint, shift: number): bigint {
  if (shift === 0) return value;
  return (value + (1n << BigInt(shift - 1))) >> BigInt(shift);
}

export function clampBigInt(value: bigint, min: bigint, max: bigint): bigint {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}
