import { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { writeFileAtomic } from '../../emit/write-file.js';
import { DATASET_CHOICES } from '../../data/load.js';
import { runOnDataset } from '../../pipeline/run.js';
import { formatRunSummary, runReportMarkdown } from '../../report/run-report.js';
import type { Simulator } from '../../sim/run.js';
import { integerOption } from '../options.js';

interface RunCommandOptions {
  dataset: string;
  images: number;
  sim: Simulator;
  out: string;
  timeout: number;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('generate the network\'s RTL, stream real test images through the simulated hardware and check every output against the golden model')
    .argument('<config>', 'trained model config (JSON, format version 1)')
    .addOption(new Option('--dataset <name>', 'test images to stream').choices(DATASET_CHOICES).makeOptionMandatory())
    .option('--images <n>', 'number of test images, taken from the start of the test split', integerOption(1, 10_000), 100)
    .addOption(new Option('--sim <simulator>', 'simulator to run').choices(['verilator', 'icarus']).default('verilator'))
    .requiredOption('-o, --out <dir>', 'output directory: RTL, memories, testbench, logs, report.json and report.md')
    .option('--timeout <seconds>', 'limit for the simulator, build and run together', integerOption(1, 86_400), 1800)
    .action(async (configPath: string, options: RunCommandOptions) => {
      const network = await loadConfig(configPath);
      const bar = new SingleBar({ format: 'simulating [{bar}] {value}/{total} images, {duration}s', stream: process.stderr, hideCursor: true, noTTYOutput: false }, undefined);
      if (process.stderr.isTTY) bar.start(options.images, 0);
      let report;
      try {
        report = await runOnDataset(network, {
          dataset: options.dataset,
          images: options.images,
          simulator: options.sim,
          out: options.out,
          timeoutMs: options.timeout * 1000,
          onProgress: (done) => {
            if (process.stderr.isTTY) bar.update(done);
          },
        });
      } finally {
        if (process.stderr.isTTY) bar.stop();
      }
      const { networkReport, ...summary } = report;
      await writeFileAtomic(path.join(options.out, 'report.json'), `${JSON.stringify({ ...summary, layers: networkReport.layers }, null, 2)}\n`);
      await writeFileAtomic(path.join(options.out, 'report.md'), runReportMarkdown(report));
      process.stdout.write(`${formatRunSummary(report)}\nreport in ${path.join(options.out, 'report.md')}\n`);
    });
}
