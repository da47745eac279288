// ReLU followed by the 8-bit unsigned fake quantization the hardware applies to a hidden
// layer's output: h = clamp(roundHalfUp(z / s), 0, 255) * s. The scale s is calibrated during
// training as max(z) / 255, with max(z) an exponential moving average of the batch maxima,
// so that the largest outputs are not clipped. The backward pass is a straight-through
// estimator: gradient 1 where 0 < z / s < 255.5 (the code is not clamped), 0 elsewhere.

import { roundHalfUp } from '../quant/rounding.js';

export const ACTIVATION_BITS = 8;
const LEVELS = 2 ** ACTIVATION_BITS - 1;
/** Weight of the old value in the moving average of the batch maxima. */
const MAX_MOMENTUM = 0.95;

export class QuantizedRelu {
  /** Moving average of the batch maxima of z, undefined before the first training batch. */
  private runningMax: number | undefined;

  constructor(
    /** When false, a plain ReLU (used by gradient checks). */
    readonly quantize: boolean,
  ) {}

  /** Real value of one output step: max(z) / 255 (1 / 255 before any training batch). */
  get scale(): number {
    return this.runningMax !== undefined && this.runningMax > 0 ? this.runningMax / LEVELS : 1 / LEVELS;
  }

  /** Writes h for `count` values of z and the straight-through mask; updates the scale when training. */
  forward(z: Float64Array, count: number, training: boolean, h: Float64Array, mask: Uint8Array): void {
    if (training && this.quantize) this.observe(z, count);
    if (!this.quantize) {
      for (let k = 0; k < count; k += 1) {
        const value = z[k]!;
        h[k] = value > 0 ? value : 0;
        mask[k] = value > 0 ? 1 : 0;
      }
      return;
    }
    const scale = this.scale;
    for (let k = 0; k < count; k += 1) {
      const ratio = z[k]! / scale;
      if (ratio <= 0) {
        h[k] = 0;
        mask[k] = 0;
        continue;
      }
      const code = roundHalfUp(ratio);
      h[k] = (code > LEVELS ? LEVELS : code) * scale;
      mask[k] = ratio < LEVELS + 0.5 ? 1 : 0;
    }
  }

  backward(dh: Float64Array, mask: Uint8Array, count: number, dz: Float64Array): void {
    for (let k = 0; k < count; k += 1) dz[k] = mask[k] ? dh[k]! : 0;
  }

  private observe(z: Float64Array, count: number): void {
    let max = 0;
    for (let k = 0; k < count; k += 1) if (z[k]! > max) max = z[k]!;
    this.runningMax = this.runningMax === undefined ? max : MAX_MOMENTUM * this.runningMax + (1 - MAX_MOMENTUM) * max;
  }
}
