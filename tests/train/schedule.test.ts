import { describe, expect, it } from 'vitest';
import { learningRate, sTanhAt } from '../../generator/train/schedule.js';

const options = { epochs: 11, lr: 0.01, lrWarmupEpochs: 1, sTanh: 20, sTanhStart: 5, sTanhWarmupEpochs: 3 };

describe('learningRate', () => {
  it('warms up linearly from 0', () => {
    expect(learningRate(options, 0)).toBe(0);
    expect(learningRate(options, 0.25)).toBeCloseTo(0.0025, 15);
  });

  it('decays by a cosine to 0', () => {
    expect(learningRate(options, 1)).toBeCloseTo(0.01, 15);
    // Halfway through the 10 decay epochs the cosine factor is 1/2.
    expect(learningRate(options, 6)).toBeCloseTo(0.005, 15);
    expect(learningRate(options, 11)).toBeCloseTo(0, 15);
  });

  it('stays at lr without decay epochs', () => {
    expect(learningRate({ ...options, epochs: 1 }, 1)).toBe(0.01);
  });
});

describe('sTanhAt', () => {
  it('grows linearly during its warm-up', () => {
    expect(sTanhAt(options, 0)).toBe(5);
    expect(sTanhAt(options, 1.5)).toBeCloseTo(12.5, 12);
    expect(sTanhAt(options, 3)).toBe(20);
    expect(sTanhAt(options, 9)).toBe(20);
  });

  it('is constant without warm-up', () => {
    expect(sTanhAt({ ...options, sTanhWarmupEpochs: 0 }, 0)).toBe(20);
  });
});
