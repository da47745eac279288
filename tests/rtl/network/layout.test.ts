import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptPlaneBits } from '../../../generator/golden/decrypt.js';
import { decryptSlice } from '../../../generator/golden/xor-matrix.js';
import { laneBanks, laneGeometry, sliceWord } from '../../../generator/rtl/network/layout.js';
import { buildNetwork, PIXELS } from '../../helpers/networks.js';

/**
 * Replays a bank the way the weight lane walks it: each row starts r0 bits into its first
 * slice, r0 advances by r0Step per row (mod nOut), and the row takes ceil((r0 + rowLength) / nOut)
 * slices. Returns the rows' weight bits.
 */
function replayBank(words: bigint[], r0First: number, r0Step: number, rows: number, rowLength: number, decrypt: (w: bigint) => Uint8Array, nOut: number): number[][] {
  const result: number[][] = [];
  let address = 0;
  let r0 = r0First;
  for (let row = 0; row < rows; row += 1) {
    const count = Math.ceil((r0 + rowLength) / nOut);
    const bits: number[] = [];
    for (let s = 0; s < count; s += 1) bits.push(...decrypt(words[address + s]!));
    address += count;
    result.push(bits.slice(r0, r0 + rowLength));
    r0 = (r0 + r0Step) % nOut;
  }
  expect(address).toBe(words.length);
  return result;
}

const shapeArbitrary = fc.record({
  nIn: fc.integer({ min: 1, max: 9 }),
  extra: fc.integer({ min: 0, max: 12 }),
  inFeatures: fc.integer({ min: 1, max: 30 }),
  outFeatures: fc.integer({ min: 1, max: 30 }),
  pe: fc.integer({ min: 1, max: 30 }),
  simd: fc.integer({ min: 1, max: 30 }),
  outputFastest: fc.boolean(),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('laneBanks', () => {
  it('gives every lane the weight bits of its rows', () => {
    fc.assert(
      fc.property(shapeArbitrary, (s) => {
        const nOut = s.nIn + s.extra;
        const network = buildNetwork({
          name: 'layout',
          seed: s.seed,
          decoders: [{ name: 'd', nIn: s.nIn, nOut, taps: 2 }],
          input: { ...PIXELS, features: s.inFeatures },
          layers: [
            {
              name: 'fc',
              outFeatures: s.outFeatures,
              planes: ['d'],
              output: 'accumulator',
              weightOrder: s.outputFastest ? 'output-fastest' : 'input-fastest',
              pe: Math.min(s.pe, s.outFeatures),
              simd: Math.min(s.simd, s.inFeatures),
            },
          ],
        });
        const layer = network.layers[0]!;
        const plane = layer.planes[0]!;
        const geometry = laneGeometry(layer);
        const stream = decryptPlaneBits(plane, layer.inFeatures * layer.outFeatures);
        const decrypt = (word: bigint) => decryptSlice(plane.decoder, Array.from({ length: s.nIn }, (_, i) => Number((word >> BigInt(i)) & 1n)));

        const banks = laneBanks(geometry, nOut);
        expect(banks.length).toBe(geometry.lanes);
        const served = banks.flatMap((b) => b.rows).sort((a, b) => a - b);
        expect(served).toEqual(Array.from({ length: geometry.rowCount }, (_, r) => r));
        for (const bank of banks) {
          const words = bank.slices.map((slice) => sliceWord(plane, slice));
          const rows = replayBank(words, bank.r0First, bank.r0Step, bank.rows.length, geometry.rowLength, decrypt, nOut);
          bank.rows.forEach((row, k) => {
            const expected = [...stream.subarray(row * geometry.rowLength, (row + 1) * geometry.rowLength)];
            expect(rows[k]).toEqual(expected);
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
