import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_DIR, loadFashionMnist } from '../../generator/data/fashion-mnist.js';
import { FlexorError } from '../../generator/errors.js';

describe('loadFashionMnist', () => {
  it('names the install command when files are missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'fashion-'));
    const error = await loadFashionMnist(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlexorError);
    expect((error as FlexorError).code).toBe('DATASET_MISSING');
    expect((error as FlexorError).exitCode).toBe(2);
    expect((error as FlexorError).message).toContain('sudo apt-get install dataset-fashion-mnist');
  });

  // Needs Debian's dataset-fashion-mnist package, which scripts/setup.sh installs.
  it.skipIf(!existsSync(FASHION_MNIST_DIR))('reads the published 60,000 / 10,000 split', async () => {
    const data = await loadFashionMnist();
    expect(data.train.count).toBe(60_000);
    expect(data.test.count).toBe(10_000);
    expect(data.train.pixels.length).toBe(60_000 * 784);
    expect(data.test.labels.length).toBe(10_000);
    expect(Math.max(...data.test.labels)).toBe(9);
    // The published test set has exactly 1,000 images of each class.
    const perClass = new Array<number>(10).fill(0);
    for (const label of data.test.labels) perClass[label]! += 1;
    expect(perClass).toEqual(new Array(10).fill(1000));
  });
});
