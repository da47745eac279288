import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexWord, memoryFile } from '../../generator/emit/hex.js';
import { FlexorError } from '../../generator/errors.js';

describe('hexWord', () => {
  it('writes negative values in two\'s complement', () => {
    expect(hexWord(-59n, 8)).toBe('c5');
    expect(hexWord(-1n, 4)).toBe('f');
    expect(hexWord(-128n, 8)).toBe('80');
  });

  it('keeps 64-bit words exact', () => {
    expect(hexWord(18446744073709551615n, 64)).toBe('ffffffffffffffff');
    expect(hexWord(-1n, 64)).toBe('ffffffffffffffff');
    expect(hexWord(9007199254740993n, 64)).toBe('0020000000000001');
  });

  it('pads to ceil(width / 4) digits', () => {
    expect(hexWord(0n, 1)).toBe('0');
    expect(hexWord(1n, 5)).toBe('01');
    expect(hexWord(-16n, 5)).toBe('10');
    expect(hexWord(5n, 13)).toBe('0005');
  });

  it('rejects values outside the width', () => {
    expect(() => hexWord(256n, 8)).toThrow(/does not fit a 8-bit memory word/);
    expect(() => hexWord(-129n, 8)).toThrow(FlexorError);
    expect(() => hexWord(2n, 1)).toThrow(FlexorError);
    expect(() => hexWord(0n, 0)).toThrow(/width 0/);
  });

  it('round-trips any in-range value', () => {
    const wordAndValue = fc.integer({ min: 1, max: 200 }).chain((width) =>
      fc.tuple(fc.constant(width), fc.bigInt({ min: -(1n << BigInt(width - 1)), max: (1n << BigInt(width)) - 1n })),
    );
    fc.assert(
      fc.property(wordAndValue, ([width, value]) => {
        const modulus = 1n << BigInt(width);
        const text = hexWord(value, width);
        expect(text).toHaveLength(Math.ceil(width / 4));
        expect(BigInt(`0x${text}`)).toBe(((value % modulus) + modulus) % modulus);
      }),
    );
  });
});

describe('memoryFile', () => {
  it('ends every line, the last included, with a newline', () => {
    expect(memoryFile([0x11n, 0x22n, 0x33n, 0x44n], 8)).toBe('11\n22\n33\n44\n');
  });

  it('pads to the declared depth with zero words', () => {
    expect(memoryFile([-59n], 8, 3)).toBe('c5\n00\n00\n');
  });

  it('rejects more words than the depth', () => {
    expect(() => memoryFile([1n, 2n], 4, 1)).toThrow(/do not fit depth 1/);
    expect(() => memoryFile([], 4, 0)).toThrow(/depth 0/);
  });
});
