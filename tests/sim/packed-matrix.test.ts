import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptWord, reduceTaps } from '../../generator/golden/xor-matrix.js';
import { PackedMatrix, packWord, unpackWord } from '../../generator/sim/packed-matrix.js';

const matrixArbitrary = fc
  .record({ nIn: fc.integer({ min: 1, max: 100 }), nOut: fc.integer({ min: 1, max: 70 }) })
  .chain(({ nIn, nOut }) =>
    fc.record({
      matrix: fc.constant({ nIn, nOut }).chain(() => fc.array(fc.array(fc.integer({ min: 0, max: nIn - 1 }), { maxLength: nIn }), { minLength: nOut, maxLength: nOut })),
      input: fc.bigInt({ min: 0n, max: (1n << BigInt(nIn)) - 1n }),
      nIn: fc.constant(nIn),
      nOut: fc.constant(nOut),
    }),
  );

describe('PackedMatrix', () => {
  it('agrees with the golden decryptWord', () => {
    fc.assert(
      fc.property(matrixArbitrary, ({ matrix, input, nIn, nOut }) => {
        const xor = { nIn, nOut, rows: matrix.map(reduceTaps) };
        expect(new PackedMatrix(xor).decodeWord(input)).toBe(decryptWord(xor, input));
      }),
      { numRuns: 300 },
    );
  });

  it('packs words least significant first', () => {
    expect([...packWord(0x1_0000_0002n, 33)]).toEqual([2, 1]);
    expect(unpackWord(Uint32Array.from([2, 1]))).toBe(0x1_0000_0002n);
  });
});
