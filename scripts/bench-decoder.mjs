#!/usr/bin/env node
// Times each stage of the decoder regression for one matrix file, one stage at a time (no
// parallel runs), and prints the figures. Needs `npm run build` first.
// Usage: node scripts/bench-decoder.mjs MATRIX_FILE [--form auto|taps|masks] [--vectors N] [--registered] [--synth full|coarse|elaborate|none]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderStandaloneDecoder } from '../dist/decoder/standalone.js';
import { lintRegression, prepareDecoderRegression, simulateRegression } from '../dist/sim/decoder-regression.js';
import { lintVerilog } from '../dist/sim/lint.js';
import { synthCheck } from '../dist/synth/yosys.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    form: { type: 'string', default: 'auto' },
    vectors: { type: 'string', default: '10000' },
    registered: { type: 'boolean', default: false },
    synth: { type: 'string', default: 'full' },
    keep: { type: 'boolean', default: false },
  },
});
const matrixFile = positionals[0];
if (matrixFile === undefined) {
  process.stderr.write('usage: node scripts/bench-decoder.mjs MATRIX_FILE [--form F] [--vectors N] [--registered] [--synth full|coarse|elaborate|none]\n');
  process.exit(2);
}

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(2);
const dir = await mkdtemp(path.join(tmpdir(), 'flexor-bench-'));
const name = 'bench_decoder';
let start = performance.now();
const rendered = await renderStandaloneDecoder({ name, matrixFile, registered: values.registered, form: values.form });
const modules = [{ name, matrix: rendered.matrix, registered: values.registered, text: rendered.text }];
const prepared = await prepareDecoderRegression({ modules, buildDir: dir, seed: 1, randomVectors: Number(values.vectors), source: 'bench', verilatorSeeds: [1], lint: true });
const rows = [['render + vectors', seconds(start)]];

start = performance.now();
await lintVerilog([path.join(prepared.rtlDir, `${name}.v`)], name, path.join(dir, 'lint-dut'));
rows.push(['lint module (verilator + iverilog)', seconds(start)]);
start = performance.now();
await lintRegression(prepared);
rows.push(['lint module and testbench', seconds(start)]);

for (const simulator of ['icarus', 'verilator']) {
  start = performance.now();
  const [outcome] = await simulateRegression(prepared, simulator);
  rows.push([`${simulator} build`, outcome.buildSeconds.toFixed(2)], [`${simulator} run`, outcome.runSeconds.toFixed(2)], [`${simulator} total`, seconds(start)]);
}
if (values.synth !== 'none') {
  start = performance.now();
  const result = await synthCheck([path.join(prepared.rtlDir, `${name}.v`)], name, path.join(dir, 'yosys'), { flow: values.synth });
  rows.push([`yosys ${values.synth}`, seconds(start)], ['yosys cells', JSON.stringify(result.cells)]);
}

const m = rendered.matrix;
process.stdout.write(`${matrixFile}: ${m.nOut}x${m.nIn}, ${rendered.form} form, ${prepared.duts[0].vectors.stimulus.length} cycles, ${rendered.stats.xor2Gates} XOR2 gates\n`);
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(36)} ${value}${/^[\d.]+$/.test(value) ? ' s' : ''}\n`);
if (values.keep) process.stdout.write(`  build directory kept: ${dir}\n`);
else await rm(dir, { recursive: true, force: true });
