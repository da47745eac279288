// Fashion-MNIST (Xiao et al., 2017): 60,000 training and 10,000 test images of 28 x 28
// pixels in 10 clothing classes, read from the IDX files of Debian's dataset-fashion-mnist
// package. The published split is used as it is, in file order.

import { access } from 'node:fs/promises';
import path from 'node:path';
import { FlexorError } from '../errors.js';
import type { Dataset, ImageSet } from './dataset.js';
import { readIdxFile } from './idx.js';

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
const INSTALL_HINT = 'sudo apt-get install dataset-fashion-mnist';
const FEATURES = 28 * 28;

async function readSplit(dir: string, prefix: 'train' | 't10k'): Promise<ImageSet> {
  const imageFile = path.join(dir, `${prefix}-images-idx3-ubyte.gz`);
  const labelFile = path.join(dir, `${prefix}-labels-idx1-ubyte.gz`);
  for (const file of [imageFile, labelFile]) {
    try {
      await access(file);
    } catch {
      throw new FlexorError('DATASET_MISSING', `Fashion-MNIST file ${file} not found. Install the data set with: ${INSTALL_HINT}`);
    }
  }
  const images = await readIdxFile(imageFile);
  const labels = await readIdxFile(labelFile);
  const count = images.shape[0]!;
  if (images.shape.length !== 3 || images.shape[1]! * images.shape[2]! !== FEATURES) {
    throw new FlexorError('DATASET_MISSING', `${imageFile} has shape ${images.shape.join(' x ')}; expected N x 28 x 28. Reinstall with: ${INSTALL_HINT}`);
  }
  if (labels.shape.length !== 1 || labels.shape[0] !== count) {
    throw new FlexorError('DATASET_MISSING', `${labelFile} has ${labels.shape.join(' x ')} labels for ${count} images. Reinstall with: ${INSTALL_HINT}`);
  }
  return { count, pixels: images.data, labels: labels.data };
}

/** Loads Fashion-MNIST from `dir` (the Debian package's folder by default). */
export async function loadFashionMnist(dir: string = FASHION_MNIST_DIR): Promise<Dataset> {
  const train = await readSplit(dir, 'train');
  const test = await readSplit(dir, 't10k');
  return {
    name: 'fashion-mnist',
    features: FEATURES,
    classes: 10,
    split: `published split: ${train.count} training images (train-*-ubyte), ${test.count} test images (t10k-*-ubyte), file order`,
    train,
    test,
  };
}
