// The data sets `flexor train --dataset` accepts, by name.

import { FlexorError } from '../errors.js';
import type { Dataset } from './dataset.js';
import { loadFashionMnist } from './fashion-mnist.js';
import { loadMnistDigits } from './mnist-digits.js';

export const DATASET_LOADERS: Record<string, () => Promise<Dataset>> = {
  'mnist-digits': () => loadMnistDigits(),
  'fashion-mnist': () => loadFashionMnist(),
};

/** Pixels per image and classes of every data set above (28 x 28 grey images, 10 classes). */
export const IMAGE_FEATURES = 28 * 28;
export const IMAGE_CLASSES = 10;

export const DATASET_NAMES = Object.keys(DATASET_LOADERS);

/** Other names accepted for a data set on the command line. */
export const DATASET_ALIASES: Record<string, string> = { mnist: 'mnist-digits' };

/** Every name `--dataset` accepts. */
export const DATASET_CHOICES = [...DATASET_NAMES, ...Object.keys(DATASET_ALIASES)];

/** Returns the data set name that a command-line name denotes. */
export function canonicalDatasetName(name: string): string {
  return DATASET_ALIASES[name] ?? name;
}

export async function loadDataset(name: string): Promise<Dataset> {
  const loader = DATASET_LOADERS[canonicalDatasetName(name)];
  if (loader === undefined) {
    throw new FlexorError('USAGE', `unknown dataset ${JSON.stringify(name)}; expected one of ${DATASET_NAMES.join(', ')}. Fix: pass --dataset ${DATASET_NAMES[0]}`);
  }
  return loader();
}
