import { describe, expect, it } from 'vitest';
import { denseForward, denseInputGrad, denseWeightGrad } from '../../generator/train/matmul.js';

const shape = { inFeatures: 7, outFeatures: 5 };
const batch = 3;
/** Inputs with zeros in them, because the kernels skip zero inputs. */
const x = Float64Array.from({ length: batch * 7 }, (_, k) => (k % 3 === 0 ? 0 : Math.sin(k)));
const w = Float64Array.from({ length: 7 * 5 }, (_, k) => Math.cos(0.7 * k));
const bias = Float64Array.from([0.1, -0.2, 0.3, 0, 0.5]);
const dz = Float64Array.from({ length: batch * 5 }, (_, k) => Math.sin(0.3 * k + 1));

describe('dense kernels', () => {
  it('forward equals the plain sum', () => {
    const z = new Float64Array(batch * 5);
    denseForward(shape, x, w, bias, batch, z);
    for (let b = 0; b < batch; b += 1) {
      for (let o = 0; o < 5; o += 1) {
        let sum = bias[o]!;
        for (let i = 0; i < 7; i += 1) sum += x[b * 7 + i]! * w[i * 5 + o]!;
        expect(z[b * 5 + o]).toBeCloseTo(sum, 12);
      }
    }
  });

  it('weight gradient equals the plain sum', () => {
    const dw = new Float64Array(7 * 5);
    const dBias = new Float64Array(5);
    denseWeightGrad(shape, x, dz, batch, dw, dBias);
    for (let i = 0; i < 7; i += 1) {
      for (let o = 0; o < 5; o += 1) {
        let sum = 0;
        for (let b = 0; b < batch; b += 1) sum += x[b * 7 + i]! * dz[b * 5 + o]!;
        expect(dw[i * 5 + o]).toBeCloseTo(sum, 12);
      }
    }
    expect(dBias[2]).toBeCloseTo(dz[2]! + dz[7]! + dz[12]!, 12);
  });

  it('input gradient equals the plain sum', () => {
    const dx = new Float64Array(batch * 7);
    denseInputGrad(shape, dz, w, batch, dx);
    for (let b = 0; b < batch; b += 1) {
      for (let i = 0; i < 7; i += 1) {
        let sum = 0;
        for (let o = 0; o < 5; o += 1) sum += dz[b * 5 + o]! * w[i * 5 + o]!;
        expect(dx[b * 7 + i]).toBeCloseTo(sum, 12);
      }
    }
  });
});
