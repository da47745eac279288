import { describe, expect, it } from 'vitest';
import { ALPHA_BITS, chooseAlphaFracBits, chooseMultiplier, deriveIntegers, MULTIPLIER_BITS } from '../../generator/quant/derive.js';

describe('chooseAlphaFracBits', () => {
  it('picks the largest F whose codes fit', () => {
    // 0.3 * 2^16 = 19660.8 fits 15 bits of magnitude; 0.3 * 2^17 does not.
    expect(chooseAlphaFracBits([[0.3, -0.3]])).toBe(16);
    expect(chooseAlphaFracBits([[1.0]])).toBe(14);
    expect(chooseAlphaFracBits([[0.999]])).toBe(15);
  });

  it('keeps every code inside the alpha width', () => {
    const alpha = [[0.7, -1.3, 0.02], [2.5, 0.0001, -0.4]];
    const f = chooseAlphaFracBits(alpha);
    const limit = 2 ** (ALPHA_BITS - 1) - 1;
    for (const row of alpha) for (const a of row) expect(Math.abs(Math.round(a * 2 ** f))).toBeLessThanOrEqual(limit);
    expect(Math.round(2.5 * 2 ** (f + 1))).toBeGreaterThan(limit);
  });
});

describe('chooseMultiplier', () => {
  it('normalizes M into its range', () => {
    const { multiplier, shift } = chooseMultiplier(0.000123)!;
    expect(multiplier).toBeGreaterThanOrEqual(2 ** (MULTIPLIER_BITS - 1));
    expect(multiplier).toBeLessThan(2 ** MULTIPLIER_BITS);
    expect(Math.abs(multiplier / 2 ** shift - 0.000123) / 0.000123).toBeLessThan(2 ** -(MULTIPLIER_BITS - 1));
  });

  it('rejects a ratio too large for any shift', () => {
    expect(chooseMultiplier(2 ** MULTIPLIER_BITS)).toBeUndefined();
  });
});

describe('deriveIntegers', () => {
  it('puts the bias in accumulator units', () => {
    const derived = deriveIntegers({ alpha: [[0.5]], bias: [0.25], input: { bits: 8, signed: false, scale: 0.5 }, output: 'accumulator' }, 'layers[0]');
    // F = 15 for alpha 0.5; bias 0.25 * 2^15 / 0.5 = 16384.
    expect(derived.alphaFracBits).toBe(15);
    expect(derived.alphaQ).toEqual([[16384]]);
    expect(derived.biasQ).toEqual([16384]);
    expect(derived.requant).toBeUndefined();
  });

  it('names the output scale when no multiplier fits', () => {
    const layer = { alpha: [[0.5]], bias: [0], input: { bits: 8, signed: false, scale: 1e6 }, output: { bits: 8, signed: false, scale: 1e-12 } };
    expect(() => deriveIntegers(layer, 'layers[2]')).toThrow(/layers\[2\]\.output\.scale/);
  });
});
