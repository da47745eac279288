#!/usr/bin/env node
// Measures the network flow on the shipped MNIST model: golden-model speed, RTL generation,
// and build and run time of each simulator with simulated cycles per second. Prints a
// Markdown table. Run after `npm run build`: node scripts/bench-network.mjs [images]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../dist/config/load.js';
import { loadDataset } from '../dist/data/load.js';
import { takeImages } from '../dist/data/dataset.js';
import { GoldenNetwork } from '../dist/golden/network.js';
import { buildNetworkOutput } from '../dist/pipeline/generate.js';
import { runNetworkBench, writeNetworkBench } from '../dist/sim/network/bench.js';
import { NO_STALLS } from '../dist/sim/network/vectors.js';

const images = Number(process.argv[2] ?? 200);
const network = await loadConfig('examples/mnist-mlp.json');
const dataset = await loadDataset('mnist-digits');
const test = takeImages(dataset.test, dataset.features, images);
const inputs = Array.from({ length: test.count }, (_, i) => Array.from(test.pixels.subarray(i * 784, (i + 1) * 784)));

const rows = [];
const time = async (label, work) => {
  const start = performance.now();
  const detail = await work();
  rows.push([label, ((performance.now() - start) / 1000).toFixed(2), detail ?? '']);
};

await time(`golden model, ${images} images`, () => {
  const golden = new GoldenNetwork(network);
  for (const input of inputs) golden.forward(input);
  return '';
});
await time('render RTL and memory files', () => {
  const output = buildNetworkOutput(network);
  return `${output.rtl.size} modules, ${output.memories.size} memory files`;
});

for (const [simulator, count] of [['verilator', images], ['icarus', Math.min(images, 20)]]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'flexor-bench-'));
  try {
    const bench = await writeNetworkBench(dir, [{ network, inputs: inputs.slice(0, count), stalls: NO_STALLS }]);
    const run = await runNetworkBench(bench, simulator, { timeoutMs: 3_600_000 });
    const cycles = run.results.get(network.name).cycles;
    const runSeconds = run.seconds - run.buildSeconds;
    rows.push([`${simulator} build`, run.buildSeconds.toFixed(2), '']);
    rows.push([`${simulator} run, ${count} images`, runSeconds.toFixed(2), `${cycles} cycles, ${Math.round(cycles / runSeconds)} cycles/s`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`| stage (${network.name}) | seconds | detail |\n|---|---|---|`);
for (const [label, seconds, detail] of rows) console.log(`| ${label} | ${seconds} | ${detail} |`);
