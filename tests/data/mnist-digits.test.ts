import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistDigits, mnistDigitsDir } from '../../generator/data/mnist-digits.js';

/** Images per digit, counted straight from the package's files. */
function imagesPerDigit(): number[] {
  return Array.from({ length: 10 }, (_, d) => {
    const data = (JSON.parse(readFileSync(path.join(mnistDigitsDir(), `${d}.json`), 'utf8')) as { data: number[] }).data;
    return data.length / 784;
  });
}

function countLabels(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]! += 1;
  return counts;
}

describe('loadMnistDigits', () => {
  it('splits each digit 80 / 20 in file order', async () => {
    const perDigit = imagesPerDigit();
    const data = await loadMnistDigits();
    expect(perDigit.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(countLabels(data.train.labels)).toEqual(perDigit.map((n) => Math.floor(0.8 * n)));
    expect(countLabels(data.test.labels)).toEqual(perDigit.map((n) => n - Math.floor(0.8 * n)));
    expect(data.train.count + data.test.count).toBe(10_000);
    expect(data.train.pixels.length).toBe(data.train.count * 784);
  });

  it('recovers the pixel bytes of the files', async () => {
    const data = await loadMnistDigits();
    const raw = (JSON.parse(readFileSync(path.join(mnistDigitsDir(), '3.json'), 'utf8')) as { data: number[] }).data;
    // Round robin: training image 3 is the first image of digit 3.
    expect(data.train.labels[3]).toBe(3);
    const image = data.train.pixels.subarray(3 * 784, 4 * 784);
    for (let k = 0; k < 784; k += 1) expect(Math.abs(image[k]! / 255 - raw[k]!)).toBeLessThanOrEqual(0.0005);
    // Test image 3 is the first test image of digit 3: file image floor(0.8 * 1032) = 825.
    const first = 825 * 784;
    const testImage = data.test.pixels.subarray(3 * 784, 4 * 784);
    for (let k = 0; k < 784; k += 1) expect(Math.abs(testImage[k]! / 255 - raw[first + k]!)).toBeLessThanOrEqual(0.0005);
  });

  it('takes the digits round robin', async () => {
    const data = await loadMnistDigits();
    expect(Array.from(data.train.labels.subarray(0, 20))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(countLabels(data.test.labels.subarray(0, 500))).toEqual(new Array(10).fill(50));
  });

  it('loads the same bytes twice', async () => {
    const first = await loadMnistDigits();
    const second = await loadMnistDigits();
    expect(Buffer.compare(first.train.pixels, second.train.pixels)).toBe(0);
    expect(Buffer.compare(first.test.labels, second.test.labels)).toBe(0);
  });
});
