import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decoderStats } from '../../generator/golden/decoder-stats.js';
import { decryptSlice, decryptWord, tapsFromRowString } from '../../generator/golden/xor-matrix.js';
import { bitSerialGroupSum } from '../../generator/golden/bit-serial.js';
import { planeSigns } from '../../generator/golden/decrypt.js';
import { buildNetwork, PIXELS } from '../helpers/networks.js';

// The 6x4 example network of the FleXOR paper's appendix, column 0 first.
const PAPER = { nIn: 4, nOut: 6, rows: ['1011', '1100', '1110', '0011', '0101', '0111'].map(tapsFromRowString) };

describe('decryptSlice', () => {
  it('decrypts the paper example by hand', () => {
    // x0..x3 = 1, 0, 1, 1: row 1011 gives 1^1^1 = 1, 1100 gives 1^0 = 1, 1110 gives 0,
    // 0011 gives 0, 0101 gives 1, 0111 gives 0.
    expect([...decryptSlice(PAPER, [1, 0, 1, 1])]).toEqual([1, 1, 0, 0, 1, 0]);
  });

  it('agrees with the word form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), (x) => {
        const bits = [0, 1, 2, 3].map((i) => (x >> i) & 1);
        const y = decryptSlice(PAPER, bits);
        const word = decryptWord(PAPER, BigInt(x));
        return y.every((bit, r) => BigInt(bit) === ((word >> BigInt(r)) & 1n));
      }),
    );
  });
});

describe('decoderStats', () => {
  it('counts gates, depth and rank of the paper example', () => {
    const stats = decoderStats(PAPER);
    // Taps per row 3, 2, 3, 2, 2, 3: (3-1) + (2-1) + ... = 9 gates; three taps need two levels.
    expect(stats.xor2Gates).toBe(9);
    expect(stats.depth).toBe(2);
    // 1100 + 1110 = 0010, 0011 + 0010 = 0001, 0101 + 0001 = 0100, 1100 + 0100 = 1000: full rank.
    expect(stats.rank).toBe(4);
    expect(stats.unusedInputs).toEqual([]);
  });

  it('limits rank for even tap counts', () => {
    const even = { nIn: 4, nOut: 6, rows: [[0, 1], [1, 2], [2, 3], [0, 3], [0, 2], [1, 3]] };
    expect(decoderStats(even).rank).toBe(3);
  });
});

describe('bitSerialGroupSum', () => {
  it('equals the dot product for any activations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (bits, signed, pairs) => {
          const low = signed ? -(2 ** (bits - 1)) : 0;
          const high = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
          const y = pairs.map(([w]) => w);
          const a = pairs.map(([, r]) => Math.min(high, low + Math.floor(r * (high - low + 1))));
          const direct = a.reduce((sum, value, j) => sum + (y[j] ? value : -value), 0);
          return bitSerialGroupSum(y, a, bits, signed) === direct;
        },
      ),
    );
  });
});

describe('planeSigns', () => {
  it('reads output-fastest streams transposed', () => {
    const shape = {
      name: 'order',
      seed: 5,
      decoders: [{ name: 'd', nIn: 3, nOut: 5 }],
      input: { ...PIXELS, features: 7 },
      layers: [{ name: 'fc', outFeatures: 4, planes: ['d'], output: 'accumulator' as const }],
    };
    const inputFastest = buildNetwork(shape).layers[0]!;
    const outputFastest = buildNetwork({ ...shape, layers: [{ ...shape.layers[0]!, weightOrder: 'output-fastest' as const }] }).layers[0]!;
    const a = planeSigns(inputFastest, 0);
    const b = planeSigns(outputFastest, 0);
    // Same stream, other order: element k is weight (k div 7, k mod 7) in one and (k mod 4, k div 4) in the other.
    for (let k = 0; k < 28; k += 1) {
      expect(b[(k % 4) * 7 + Math.floor(k / 4)]).toBe(a[Math.floor(k / 7) * 7 + (k % 7)]);
    }
  });
});
