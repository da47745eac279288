import { describe, expect, it } from 'vitest';
import { clipLatents, createOptimizer } from '../../generator/train/optimizer.js';
import { createParameter } from '../../generator/train/parameter.js';

describe('createOptimizer', () => {
  it('moves Adam by lr against the gradient sign first', () => {
    const p = createParameter('w', 'weight', 3);
    p.value.set([1, 2, 3]);
    p.grad.set([0.5, -20, 0.001]);
    createOptimizer('adam', [p]).step(0.1);
    // After bias correction the first step is lr * g / (|g| + 1e-8).
    expect(p.value[0]).toBeCloseTo(0.9, 6);
    expect(p.value[1]).toBeCloseTo(2.1, 6);
    expect(p.value[2]).toBeCloseTo(2.9, 4);
    expect(Array.from(p.grad)).toEqual([0, 0, 0]);
  });

  it('accumulates SGD momentum', () => {
    const p = createParameter('w', 'weight', 1);
    const sgd = createOptimizer('sgd', [p]);
    p.grad[0] = 1;
    sgd.step(0.5);
    expect(p.value[0]).toBeCloseTo(-0.5, 12);
    p.grad[0] = 1;
    sgd.step(0.5);
    // Velocity 0.9 * 1 + 1 = 1.9, so the second step is 0.95.
    expect(p.value[0]).toBeCloseTo(-1.45, 12);
  });
});

describe('clipLatents', () => {
  it('clips latents only', () => {
    const latent = createParameter('l', 'latent', 3);
    latent.value.set([0.5, -0.9, 0.1]);
    const alpha = createParameter('a', 'alpha', 1);
    alpha.value[0] = 5;
    clipLatents([latent, alpha], 0.2);
    expect(Array.from(latent.value)).toEqual([0.2, -0.2, 0.1]);
    expect(alpha.value[0]).toBe(5);
  });
});
