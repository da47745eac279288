import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigValue } from '../../generator/config/load.js';
import { FASHION_MNIST_DIR } from '../../generator/data/fashion-mnist.js';
import { loadDataset } from '../../generator/data/load.js';
import { accuracy, predictGolden } from '../../generator/train/evaluate.js';

/** The shipped example configs and the data sets they were trained on. */
const EXAMPLES = [
  { file: 'examples/mnist-mlp.json', dataset: 'mnist-digits', available: true },
  { file: 'examples/fashion-mlp.json', dataset: 'fashion-mnist', available: existsSync(FASHION_MNIST_DIR) },
];

describe('example configs', () => {
  for (const example of EXAMPLES) {
    it.skipIf(!example.available)(`${example.file} reproduces its golden accuracy`, async () => {
      const document = JSON.parse(readFileSync(example.file, 'utf8')) as { training: { dataset: string; integerAccuracy: number; testImages: number } };
      const spec = loadConfigValue(document, example.file);
      expect(spec.layers.every((layer) => layer.integer.fromConfig)).toBe(true);
      expect(document.training.dataset).toBe(example.dataset);

      const data = await loadDataset(example.dataset);
      expect(document.training.testImages).toBe(data.test.count);
      const measured = accuracy(predictGolden(spec, data.test), data.test.labels);
      expect(measured).toBe(document.training.integerAccuracy);
    });
  }
});
