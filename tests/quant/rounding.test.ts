import { describe, expect, it } from 'vitest';
import { clampBigInt, roundHalfUp, roundShiftHalfUp, shiftRightFloor } from '../../generator/quant/rounding.js';

describe('roundShiftHalfUp', () => {
  // Accumulators -5, -3, -1, 1, 3, 5 shifted right by one are -2.5 ... 2.5: ties everywhere.
  const ties: [bigint, bigint][] = [
    [-5n, -2n],
    [-3n, -1n],
    [-1n, 0n],
    [1n, 1n],
    [3n, 2n],
    [5n, 3n],
  ];
  for (const [acc, rounded] of ties) {
    it(`rounds ${acc} / 2 to ${rounded}`, () => {
      expect(roundShiftHalfUp(acc, 1)).toBe(rounded);
    });
  }

  it('leaves values alone for shift 0', () => {
    expect(roundShiftHalfUp(-7n, 0)).toBe(-7n);
  });

  it('rounds before saturating', () => {
    // A 10-bit accumulator +511 shifted by 2 is 127.75; rounding in 10 bits would wrap.
    expect(clampBigInt(roundShiftHalfUp(511n, 2), -128n, 127n)).toBe(127n);
    expect(roundShiftHalfUp(511n, 2)).toBe(128n);
    // -515 / 4 = -128.75 rounds to -129, then saturates to -128.
    expect(roundShiftHalfUp(-515n, 2)).toBe(-129n);
    expect(clampBigInt(roundShiftHalfUp(-515n, 2), -128n, 127n)).toBe(-128n);
    // -512 / 4 = -128 exactly.
    expect(clampBigInt(roundShiftHalfUp(-512n, 2), -128n, 127n)).toBe(-128n);
  });
});

describe('shiftRightFloor', () => {
  it('floors negative values like an arithmetic shift', () => {
    expect(shiftRightFloor(-3n, 2)).toBe(-1n);
    expect(shiftRightFloor(-7n, 1)).toBe(-4n);
  });

  it('shifts by 32 or more as Verilog does', () => {
    expect(shiftRightFloor(5n, 32)).toBe(0n);
    expect(shiftRightFloor(-(2n ** 47n), 40)).toBe(-128n);
    expect(shiftRightFloor(2n ** 47n - 1n, 40)).toBe(127n);
  });

  it('keeps 2^34 exact', () => {
    expect(roundShiftHalfUp(2n ** 34n, 15)).toBe(524288n);
  });
});

describe('roundHalfUp', () => {
  it('rounds ties toward +infinity', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-2);
    expect(roundHalfUp(-0.5)).toBe(0);
  });

  it('does not round the double just below one half up', () => {
    expect(roundHalfUp(0.49999999999999994)).toBe(0);
  });

  it('converts alpha 0.3 and -0.3 with 16 fractional bits', () => {
    expect(roundHalfUp(0.3 * 65536)).toBe(19661);
    expect(roundHalfUp(-0.3 * 65536)).toBe(-19661);
  });

  it('rejects non-finite values', () => {
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
