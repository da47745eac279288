// flexor run end to end on real test images: the examples' trained configs, the first test
// images of each data set, on both simulators.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor } from '../helpers/cli.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'flexor run command');

interface Report {
  images: number;
  accuracy: { rtl: number; golden: number; float: number };
  outputWords: number;
  bitExactWords: number;
  bitExactClasses: number;
  cycles: { perInference: number; idealPerInference: number };
}

describe.runIf(ready)('flexor run', () => {
  const base = tempDir('cli-run');

  for (const [config, dataset, simulator, images] of [
    ['examples/mnist-mlp.json', 'mnist', 'verilator', 40],
    ['examples/fashion-mlp.json', 'fashion-mnist', 'icarus', 6],
  ] as const) {
    it(`classifies ${dataset} images on ${simulator} as the golden model does`, async () => {
      const out = path.join(await base, `${dataset}-${simulator}`);
      const result = await flexor(['run', config, '--dataset', dataset, '--images', String(images), '--sim', simulator, '-o', out]);
      expect(result.exitCode, result.stderr).toBe(0);
      const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
      expect(report.images).toBe(images);
      expect(report.outputWords).toBe(images * 10);
      expect(report.bitExactWords).toBe(images * 10);
      expect(report.bitExactClasses).toBe(images);
      expect(report.accuracy.rtl).toBe(report.accuracy.golden);
      // Trained models classify real images far better than chance (10%).
      expect(report.accuracy.rtl).toBeGreaterThan(0.5);
      expect(report.cycles.perInference / report.cycles.idealPerInference).toBeLessThan(1.1);
      expect(result.stdout).toMatch(/^RTL accuracy +\d+\.\d\d%$/m);
      expect(result.stdout).toContain(`bit-exact                   ${images * 10} of ${images * 10} output words`);
      expect(await readFile(path.join(out, 'report.md'), 'utf8')).toContain(`| RTL accuracy | ${(report.accuracy.rtl * 100).toFixed(2)}% |`);
    });
  }

  it('rejects a config whose input does not fit the images', async () => {
    const out = path.join(await base, 'mismatch');
    const result = await flexor(['run', 'rtl-tests/network/dense-20x20/config.json', '--dataset', 'mnist', '--images', '2', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('input is 20 8-bit unsigned values, but mnist-digits images are 784 unsigned 8-bit pixels');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects more images than the test split has', async () => {
    const out = path.join(await base, 'too-many');
    const result = await flexor(['run', 'examples/mnist-mlp.json', '--dataset', 'mnist', '--images', '5000', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--images 5000 is more than the \d+ test images of mnist-digits/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown data set', async () => {
    const result = await flexor(['run', 'examples/mnist-mlp.json', '--dataset', 'cifar', '-o', path.join(await base, 'cifar')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("flexor: error [USAGE]: option '--dataset <name>' argument 'cifar' is invalid. Allowed choices are mnist-digits, fashion-mnist, mnist.");
  });

  it('stops at the timeout and says how to fix it', async () => {
    const out = path.join(await base, 'timeout');
    const result = await flexor(['run', 'examples/mnist-mlp.json', '--dataset', 'mnist', '--images', '200', '--sim', 'icarus', '--timeout', '1', '-o', out]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('[TOOL_TIMEOUT]');
    expect(result.stderr).toContain('fix: raise --timeout (seconds) or lower --images');
  });
});
