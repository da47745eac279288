import { describe, expect, it } from 'vitest';
import { QuantizedRelu } from '../../generator/train/quantized-relu.js';

describe('QuantizedRelu', () => {
  it('quantizes to clamp(roundHalfUp(z / s), 0, 255) * s', () => {
    const relu = new QuantizedRelu(true);
    // The first training batch sets max(z) = 25.5, so s = 0.1.
    const z = Float64Array.from([25.5, -1, 0.05, 0.049, 1.25, 0.35]);
    const h = new Float64Array(z.length);
    const mask = new Uint8Array(z.length);
    relu.forward(z, z.length, true, h, mask);
    expect(relu.scale).toBeCloseTo(0.1, 15);
    const codes = Array.from(h, (value) => Math.round(value / relu.scale));
    // 0.05 / 0.1 = 0.5 rounds up to 1; 0.049 rounds to 0; 1.25 / 0.1 = 12.5 (in doubles just below or at it).
    expect(codes.slice(0, 4)).toEqual([255, 0, 1, 0]);
    expect([12, 13]).toContain(codes[4]);
    expect(codes[5]).toBe(Math.floor(0.35 / relu.scale + 0.5));
    expect(Array.from(mask)).toEqual([1, 0, 1, 1, 1, 1]);
  });

  it('saturates at 255 and stops the gradient there', () => {
    const relu = new QuantizedRelu(true);
    relu.forward(Float64Array.from([2.55]), 1, true, new Float64Array(1), new Uint8Array(1));
    const h = new Float64Array(2);
    const mask = new Uint8Array(2);
    relu.forward(Float64Array.from([100, 2.5]), 2, false, h, mask);
    expect(h[0]! / relu.scale).toBeCloseTo(255, 9);
    expect(Array.from(mask)).toEqual([0, 1]);
    const dz = new Float64Array(2);
    relu.backward(Float64Array.from([3, 4]), mask, 2, dz);
    expect(Array.from(dz)).toEqual([0, 4]);
  });

  it('keeps the scale when not training', () => {
    const relu = new QuantizedRelu(true);
    relu.forward(Float64Array.from([5.1]), 1, true, new Float64Array(1), new Uint8Array(1));
    relu.forward(Float64Array.from([1000]), 1, false, new Float64Array(1), new Uint8Array(1));
    expect(relu.scale).toBeCloseTo(0.02, 15);
  });
});
