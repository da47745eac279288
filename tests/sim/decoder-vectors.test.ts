import { describe, expect, it } from 'vitest';
import { decryptWord } from '../../generator/golden/xor-matrix.js';
import { decoderVectors } from '../../generator/sim/decoder-vectors.js';

const PAPER = { nIn: 4, nOut: 6, rows: [[0, 2, 3], [0, 1], [0, 1, 2], [2, 3], [1, 3], [1, 2, 3]] };

describe('decoderVectors', () => {
  it('covers every input up to 16 bits', () => {
    const vectors = decoderVectors(PAPER, { registered: false, seed: 1, randomVectors: 5 });
    expect(vectors.exhaustive).toBe(true);
    expect(vectors.stimulus).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i)));
    expect(vectors.expected[0]).toBe(0n);
    vectors.stimulus.forEach((input, c) => expect(vectors.expected[c + 1]).toBe(decryptWord(PAPER, input)));
  });

  it('draws seeded random inputs above 16 bits', () => {
    const wide = { nIn: 40, nOut: 2, rows: [[0, 39], [7]] };
    const a = decoderVectors(wide, { registered: false, seed: 9, randomVectors: 300 });
    const b = decoderVectors(wide, { registered: false, seed: 9, randomVectors: 300 });
    expect(a.exhaustive).toBe(false);
    expect(a.stimulus).toHaveLength(300);
    expect(a.stimulus).toEqual(b.stimulus);
    expect(new Set(a.stimulus).size).toBe(300);
    expect(a.stimulus.every((word) => word >= 0n && word < 1n << 40n)).toBe(true);
    expect(a.stimulus.some((word) => word >= 1n << 39n)).toBe(true);
  });

  it('models the output register with bubbles', () => {
    const vectors = decoderVectors(PAPER, { registered: true, seed: 1, randomVectors: 5 });
    expect(vectors.stimulusWidth).toBe(5);
    expect(vectors.expectedWidth).toBe(7);
    expect(vectors.expected).toHaveLength(vectors.stimulus.length + 1);
    expect(vectors.expected[0]).toBe(0n);
    let held = 0n;
    let bubbles = 0;
    vectors.stimulus.forEach((word, c) => {
      const valid = (word >> 4n) & 1n;
      if (valid === 1n) held = decryptWord(PAPER, word & 15n);
      else bubbles += 1;
      expect(vectors.expected[c + 1]).toBe((valid << 6n) | held);
    });
    expect(bubbles).toBeGreaterThan(0);
    expect(vectors.stimulus.filter((word) => word >> 4n === 1n).map((word) => word & 15n)).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i)));
  });
});
