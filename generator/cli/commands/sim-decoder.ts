import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../config/load.js';
import { claimDir } from '../../emit/output-dir.js';
import { renderStandaloneDecoder } from '../../decoder/standalone.js';
import { buildDecoderModule } from '../../rtl/decoder-view.js';
import { renderVerilog } from '../../rtl/render.js';
import { runDecoderRegression, type RegressionModule } from '../../sim/decoder-regression.js';
import { DEFAULT_RANDOM_VECTORS, EXHAUSTIVE_MAX_INPUTS } from '../../sim/decoder-vectors.js';
import { regressionSummary } from '../../sim/report.js';
import type { Simulator } from '../../sim/run.js';
import type { SynthFlow } from '../../synth/yosys.js';
import { addMatrixOptions, type DecoderCommandOptions } from './decoder.js';

interface SimOptions {
  simulator: 'icarus' | 'verilator' | 'both';
  vectors: number;
  seed: number;
  buildDir?: string;
  keep: boolean;
  lint: boolean;
  synth: SynthFlow | 'none';
  timeout: number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError(`expected a positive integer, found ${JSON.stringify(value)}`);
  return number;
}

function nonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`expected a non-negative integer, found ${JSON.stringify(value)}`);
  return number;
}

function addSimOptions(command: Command): Command {
  return command
    .addOption(new Option('--simulator <name>', 'simulators to run').choices(['icarus', 'verilator', 'both']).default('both'))
    .option('--vectors <count>', `random input vectors per decoder with more than ${EXHAUSTIVE_MAX_INPUTS} inputs (smaller ones get all 2^nIn)`, positiveInteger, DEFAULT_RANDOM_VECTORS)
    .option('--seed <seed>', 'seed of the random vectors and of bubbles in registered runs', nonNegativeInteger, 1)
    .option('--build-dir <dir>', 'directory for sources, vectors, builds and logs; kept after the run (default: a temporary directory, removed after a pass)')
    .option('--keep', 'keep the temporary build directory after a pass', false)
    .option('--no-lint', 'skip the Verilator and Icarus -Wall lint of modules and testbench')
    .addOption(new Option('--synth <flow>', 'Yosys check per module: full synthesis, coarse (no mapping), elaborate (proc and checks only) or none').choices(['full', 'coarse', 'elaborate', 'none']).default('full'))
    .option('--timeout <seconds>', 'deadline for each simulator, build and run together', positiveInteger, 600);
}

async function runAndReport(modules: RegressionModule[], options: SimOptions, source: string): Promise<void> {
  // A named build directory is claimed like an output directory: a foreign one is refused.
  const buildDir = options.buildDir !== undefined ? await claimDir(options.buildDir, { option: '--build-dir' }) : await mkdtemp(path.join(tmpdir(), 'flexor-sim-'));
  const simulators: Simulator[] = options.simulator === 'both' ? ['icarus', 'verilator'] : [options.simulator];
  try {
    const result = await runDecoderRegression({
      modules,
      buildDir,
      simulators,
      seed: options.seed,
      randomVectors: options.vectors,
      lint: options.lint,
      synth: options.synth,
      verilatorSeeds: modules.some((module) => module.registered) ? [options.seed, options.seed + 1] : [options.seed],
      timeoutMs: options.timeout * 1000,
      source,
      onProgress: (message) => process.stderr.write(`flexor: ${message}\n`),
    });
    process.stdout.write(`${regressionSummary(result).join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`flexor: build directory kept for inspection: ${buildDir}\n`);
    throw error;
  }
  if (options.buildDir === undefined && !options.keep) await rm(buildDir, { recursive: true, force: true });
  else process.stderr.write(`flexor: build directory: ${buildDir}\n`);
}

/**
 * Adds `flexor sim decoder` (a standalone XOR decoder from a matrix) and `flexor sim decoders
 * CONFIG` (every decoder of a config) under the network simulation command.
 */
export function registerDecoderSims(sim: Command): void {
  addMatrixOptions(
    addSimOptions(sim.command('decoder').description('simulate a standalone XOR decoder built from a matrix against the golden model'))
      .option('--name <name>', 'module name', 'xor_decoder'),
  ).action(async (options: SimOptions & Omit<DecoderCommandOptions, 'out'>) => {
    const decoder = await renderStandaloneDecoder(options);
    for (const warning of decoder.warnings) process.stderr.write(`flexor: warning: ${warning}\n`);
    await runAndReport([{ name: decoder.name, matrix: decoder.matrix, registered: options.registered, text: decoder.text }], options, `flexor sim decoder --name ${decoder.name}`);
  });

  addSimOptions(
    sim
      .command('decoders')
      .description('simulate one module per decoder of a config against the golden model')
      .argument('<config>', 'model config (JSON, format version 1)'),
  ).action(async (configPath: string, options: SimOptions) => {
    const network = await loadConfig(configPath);
    const modules = network.decoders.map((decoder) => {
      const built = buildDecoderModule(decoder, { name: decoder.name, registered: false, form: 'auto', source: network.source, hash: network.hash });
      return { name: decoder.name, matrix: decoder, registered: false, text: renderVerilog('decoder', built.view, decoder.name) };
    });
    await runAndReport(modules, options, `flexor sim decoders ${network.source}`);
  });
}
