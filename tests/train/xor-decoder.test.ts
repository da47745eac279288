import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XorMatrix } from '../../generator/config/model.js';
import { decryptSlice } from '../../generator/golden/xor-matrix.js';
import { XorDecoder } from '../../generator/train/xor-decoder.js';

/** A random XOR matrix with nonempty rows, and latents for `weights` weights. */
const decoderCase = fc
  .record({ nIn: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 0, max: 8 }), weights: fc.integer({ min: 1, max: 60 }) })
  .chain(({ nIn, extra, weights }) => {
    const nOut = nIn + extra;
    const row = fc.uniqueArray(fc.integer({ min: 0, max: nIn - 1 }), { minLength: 1, maxLength: nIn }).map((taps) => taps.sort((a, b) => a - b));
    const slices = Math.ceil(weights / nOut);
    return fc.record({
      matrix: fc.array(row, { minLength: nOut, maxLength: nOut }).map((rows): XorMatrix => ({ nIn, nOut, rows })),
      weights: fc.constant(weights),
      latent: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: slices * nIn, maxLength: slices * nIn }),
    });
  });

describe('XorDecoder.forward', () => {
  it('equals GF(2) decryption of the sign bits', () => {
    fc.assert(
      fc.property(decoderCase, ({ matrix, weights, latent }) => {
        const decoder = new XorDecoder(matrix, weights);
        const y = new Float64Array(decoder.slices * matrix.nOut);
        decoder.forward(Float64Array.from(latent), 10, false, y);
        for (let s = 0; s < decoder.slices; s += 1) {
          const bits = latent.slice(s * matrix.nIn, (s + 1) * matrix.nIn).map((l) => (l >= 0 ? 1 : 0));
          const expected = decryptSlice(matrix, bits);
          for (let r = 0; r < matrix.nOut; r += 1) expect(y[s * matrix.nOut + r]).toBe(expected[r] === 1 ? 1 : -1);
        }
      }),
    );
  });
});

/** Loss sum_k c_k * y_k of the relaxed forward pass, for finite differences. */
function relaxedLoss(decoder: XorDecoder, latent: Float64Array, sTanh: number, coefficients: Float64Array): number {
  const y = new Float64Array(coefficients.length);
  decoder.forward(latent, sTanh, true, y);
  return y.reduce((sum, value, k) => sum + value * coefficients[k]!, 0);
}

describe('XorDecoder.backward', () => {
  it('matches finite differences of the relaxed forward pass', () => {
    const matrix: XorMatrix = { nIn: 4, nOut: 6, rows: [[0], [0, 1], [1, 2, 3], [0, 2], [0, 1, 2, 3], [3]] };
    const decoder = new XorDecoder(matrix, 10);
    const sTanh = 3;
    const latent = Float64Array.from({ length: decoder.latentCount }, (_, k) => 0.4 * Math.sin(1.7 * k + 0.3));
    const coefficients = Float64Array.from({ length: decoder.slices * matrix.nOut }, (_, k) => Math.cos(0.9 * k));

    const y = new Float64Array(coefficients.length);
    decoder.forward(latent, sTanh, true, y);
    const grad = new Float64Array(decoder.latentCount);
    decoder.backward(latent, y, coefficients, sTanh, true, grad);

    const h = 1e-6;
    for (let j = 0; j < latent.length; j += 1) {
      const plus = Float64Array.from(latent);
      const minus = Float64Array.from(latent);
      plus[j]! += h;
      minus[j]! -= h;
      const numeric = (relaxedLoss(decoder, plus, sTanh, coefficients) - relaxedLoss(decoder, minus, sTanh, coefficients)) / (2 * h);
      expect(grad[j]).toBeCloseTo(numeric, 6);
    }
  });

  it('uses the signs of the other taps in sign mode', () => {
    // Row 0 = x0 XOR x1: y = -x0 * x1, so dy/dl0 = -S (1 - tanh^2(S l0)) * sign(l1).
    const matrix: XorMatrix = { nIn: 2, nOut: 2, rows: [[0, 1], [1]] };
    const decoder = new XorDecoder(matrix, 2);
    const latent = Float64Array.from([0.05, -0.2]);
    const sTanh = 4;
    const y = new Float64Array(2);
    decoder.forward(latent, sTanh, false, y);
    expect(Array.from(y)).toEqual([1, -1]);
    const grad = new Float64Array(2);
    decoder.backward(latent, y, Float64Array.from([1, 0]), sTanh, false, grad);
    const slope = (l: number) => sTanh * (1 - Math.tanh(sTanh * l) ** 2);
    expect(grad[0]).toBeCloseTo(-slope(0.05) * -1, 12);
    expect(grad[1]).toBeCloseTo(-slope(-0.2) * 1, 12);
  });

  it('adds the gradients of a bit that feeds several rows', () => {
    // Bit 0 feeds rows 0 and 1 directly: dL/dl0 = slope * (c0 + c1).
    const matrix: XorMatrix = { nIn: 1, nOut: 2, rows: [[0], [0]] };
    const decoder = new XorDecoder(matrix, 2);
    const latent = Float64Array.from([0.1]);
    const y = new Float64Array(2);
    decoder.forward(latent, 2, false, y);
    const grad = new Float64Array(1);
    decoder.backward(latent, y, Float64Array.from([0.5, 0.25]), 2, false, grad);
    expect(grad[0]).toBeCloseTo(2 * (1 - Math.tanh(0.2) ** 2) * 0.75, 12);
  });
});
