// Moving weight values between a config's flattened weight order (docs/config.md) and the
// trainer's input-major storage w[i * outFeatures + o]. For output-fastest order the two are
// the same; for input-fastest order the move is a transpose, done in square tiles so that
// both sides stay in cache.

import type { WeightOrder } from '../config/model.js';

const TILE = 32;

export class WeightLayout {
  constructor(
    readonly order: WeightOrder,
    readonly inFeatures: number,
    readonly outFeatures: number,
  ) {}

  /** Copies the first inFeatures * outFeatures values of `flat` (weight order) into `stored` (input-major). */
  toStorage(flat: Float64Array, stored: Float64Array): void {
    const { inFeatures, outFeatures } = this;
    if (this.order === 'output-fastest') {
      stored.set(flat.subarray(0, inFeatures * outFeatures));
      return;
    }
    // input-fastest: flat[o * inFeatures + i] -> stored[i * outFeatures + o].
    for (let o0 = 0; o0 < outFeatures; o0 += TILE) {
      const oEnd = Math.min(o0 + TILE, outFeatures);
      for (let i0 = 0; i0 < inFeatures; i0 += TILE) {
        const iEnd = Math.min(i0 + TILE, inFeatures);
        for (let o = o0; o < oEnd; o += 1) {
          for (let i = i0; i < iEnd; i += 1) stored[i * outFeatures + o] = flat[o * inFeatures + i]!;
        }
      }
    }
  }

  /** Copies `stored` (input-major) into the first inFeatures * outFeatures values of `flat` (weight order). */
  fromStorage(stored: Float64Array, flat: Float64Array): void {
    const { inFeatures, outFeatures } = this;
    if (this.order === 'output-fastest') {
      flat.set(stored.subarray(0, inFeatures * outFeatures));
      return;
    }
    for (let o0 = 0; o0 < outFeatures; o0 += TILE) {
      const oEnd = Math.min(o0 + TILE, outFeatures);
      for (let i0 = 0; i0 < inFeatures; i0 += TILE) {
        const iEnd = Math.min(i0 + TILE, inFeatures);
        for (let o = o0; o < oEnd; o += 1) {
          for (let i = i0; i < iEnd; i += 1) flat[o * inFeatures + i] = stored[i * outFeatures + o]!;
        }
      }
    }
  }
}
