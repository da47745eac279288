import { describe, expect, it } from 'vitest';
import { weightIndex } from '../../generator/golden/decrypt.js';
import { WeightLayout } from '../../generator/train/weight-layout.js';

// Sizes that are not multiples of the 32 x 32 transpose tile.
const inFeatures = 37;
const outFeatures = 45;

describe('WeightLayout', () => {
  for (const order of ['input-fastest', 'output-fastest'] as const) {
    it(`places flattened weights input-major (${order})`, () => {
      const layout = new WeightLayout(order, inFeatures, outFeatures);
      // One spare value past the last weight, as in a plane whose last slice is partial.
      const flat = Float64Array.from({ length: inFeatures * outFeatures + 1 }, (_, e) => e + 0.5);
      const stored = new Float64Array(inFeatures * outFeatures);
      layout.toStorage(flat, stored);
      for (let o = 0; o < outFeatures; o += 1) {
        for (let i = 0; i < inFeatures; i += 1) {
          expect(stored[i * outFeatures + o]).toBe(weightIndex(order, inFeatures, outFeatures, o, i) + 0.5);
        }
      }
    });

    it(`round-trips through storage (${order})`, () => {
      const layout = new WeightLayout(order, inFeatures, outFeatures);
      const flat = Float64Array.from({ length: inFeatures * outFeatures + 3 }, (_, e) => Math.sin(e));
      const stored = new Float64Array(inFeatures * outFeatures);
      layout.toStorage(flat, stored);
      const back = new Float64Array(flat.length);
      layout.fromStorage(stored, back);
      expect(Array.from(back.subarray(0, inFeatures * outFeatures))).toEqual(Array.from(flat.subarray(0, inFeatures * outFeatures)));
      expect(Array.from(back.subarray(inFeatures * outFeatures))).toEqual([0, 0, 0]);
    });
  }
});
