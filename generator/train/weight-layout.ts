// Moving weight values between a config's flattened weight order (docs/config.md) and the
// trainer's input-major storage w[i * outFeatures + o]. For output-fastest order the two are
// the same; for input-fastest order the move is a transpose, done in square tiles so that
// both sides stay in cache.

import type { WeightOrder } from '../config/model.js';

const TILE = 32;

/** Writes the transpose of the rows x cols matrix `source` to `target`, in cache-sized tiles. */
function transposeTiled(source: Float64Array, target: Float64Array, rows: number, cols: number): void {
  for (let r0 = 0; r0 < rows; r0 += TILE) {
    const rEnd = Math.min(r0 + TILE, rows);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const cEnd = Math.min(c0 + TILE, cols);
      for (let r = r0; r < rEnd; r += 1) {
        for (let c = c0; c < cEnd; c += 1) target[c * rows + r] = source[r * cols + c]!;
      }
    }
  }
}

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
    transposeTiled(flat, stored, outFeatures, inFeatures);
  }

  /** Copies `stored` (input-major) into the first inFeatures * outFeatures values of `flat` (weight order). */
  fromStorage(stored: Float64Array, flat: Float64Array): void {
    const { inFeatures, outFeatures } = this;
    if (this.order === 'output-fastest') {
      flat.set(stored.subarray(0, inFeatures * outFeatures));
      return;
    }
    transposeTiled(stored, flat, inFeatures, outFeatures);
  }
}
