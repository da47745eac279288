#!/usr/bin/env node
// Measures training speed: seconds per epoch of a 784-256-10 MLP, float and FleXOR at
// 0.8 bits per weight (q 1, nIn 16, nOut 20, N_tap 2), on one thread, plus the time to
// evaluate the test images afterwards. Run `npm run build` first.
//
//   node scripts/bench-train.mjs [dataset] [epochs]     (defaults: fashion-mnist 1)

import os from 'node:os';
import { loadDataset } from '../dist/data/load.js';
import { resolveTrainOptions } from '../dist/train/options.js';
import { runTraining, secondsPerEpoch } from '../dist/train/run.js';

const dataset = process.argv[2] ?? 'fashion-mnist';
const epochs = process.argv[3] ?? '1';
const data = await loadDataset(dataset);
console.log(`dataset ${dataset}: ${data.train.count} training images; node ${process.version}; ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`);

for (const weights of ['float', 'flexor']) {
  const options = resolveTrainOptions({ dataset, hidden: '256', epochs, nIn: '16', nOut: '20', q: '1' });
  const started = performance.now();
  const result = await runTraining(options, weights, { dataset: data });
  const total = (performance.now() - started) / 1000;
  const perEpoch = secondsPerEpoch(result.epochs);
  const evaluation = total - perEpoch * result.epochs.length;
  console.log(
    `${weights.padEnd(6)} 784-256-10: ${perEpoch.toFixed(2)} s per epoch, ` +
      `${evaluation.toFixed(2)} s to evaluate ${result.testImages} test images${weights === 'flexor' ? ' (float and integer golden model)' : ''}, ` +
      `test accuracy ${(100 * result.floatAccuracy).toFixed(2)}%`,
  );
}
