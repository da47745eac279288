import { describe, expect, it } from 'vitest';
import { Prng } from '../../generator/sim/prng.js';

describe('Prng', () => {
  it('repeats a sequence for a seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const first = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(first);
    expect(first.every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32)).toBe(true);
  });

  it('differs between seeds', () => {
    expect(new Prng(1).nextUint32()).not.toBe(new Prng(2).nextUint32());
    expect(new Prng(1).nextUint32()).not.toBe(new Prng(1 + 2 ** 32).nextUint32());
  });

  it('stays below the bound and covers it', () => {
    const prng = new Prng(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i += 1) counts[prng.nextBelow(6)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });

  it('fills roughly half the bits', () => {
    const bits = new Prng(3).fillBits(new Uint8Array(10_000));
    const ones = bits.reduce((sum, bit) => sum + bit, 0);
    expect(ones).toBeGreaterThan(4700);
    expect(ones).toBeLessThan(5300);
  });

  it('rejects invalid seeds and bounds', () => {
    expect(() => new Prng(-1)).toThrow(RangeError);
    expect(() => new Prng(1).nextBelow(0)).toThrow(RangeError);
  });
});
