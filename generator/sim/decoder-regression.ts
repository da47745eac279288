// The decoder regression: write the modules, testbench and vector files into a build
// directory, lint everything, synthesize each decoder, run both simulators, and compare
// every report line with what the golden model predicts.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { XorMatrix } from '../config/model.js';
import { FlexorError } from '../errors.js';
import { synthCheck, type SynthFlow, type SynthResult } from '../synth/yosys.js';
import { buildDecoderTestbench, DECODER_TESTBENCH, type DecoderTestbench, type DecoderUnderTest } from './decoder-testbench.js';
import { decoderVectors } from './decoder-vectors.js';
import { lintVerilog } from './lint.js';
import { describeMismatch } from './mismatch.js';
import { fileProblemLine, runSimulation, type SimulationResult, type Simulator } from './run.js';
import { parseTestbenchOutput } from './testbench-output.js';

export interface RegressionModule {
  name: string;
  matrix: XorMatrix;
  registered: boolean;
  /** Verilog text of the module. */
  text: string;
}

export interface RegressionOptions {
  modules: readonly RegressionModule[];
  buildDir: string;
  simulators?: readonly Simulator[];
  seed: number;
  randomVectors: number;
  lint?: boolean;
  synth?: SynthFlow | 'none';
  /** Verilator runs once per seed with registers initialized randomly (+verilator+rand+reset+2). */
  verilatorSeeds?: readonly number[];
  timeoutMs?: number;
  /** Header source line of the testbench, relative. */
  source: string;
  onProgress?: (message: string) => void;
}

export interface SimulatorOutcome {
  simulator: Simulator;
  /** Verilator seed of this run, when registers started random. */
  seed?: number;
  buildSeconds: number;
  runSeconds: number;
  buildReused: boolean;
  edges: number;
  time: number;
}

export interface RegressionResult {
  outcomes: SimulatorOutcome[];
  synth: Map<string, SynthResult>;
  testbench: DecoderTestbench;
  duts: DecoderUnderTest[];
  paths: { rtl: string; vectors: string };
}

const DEFAULT_TIMEOUT_MS = 600_000;

async function writeSources(options: RegressionOptions, bench: DecoderTestbench): Promise<{ rtl: string; vectors: string; files: string[] }> {
  const root = path.resolve(options.buildDir);
  const rtl = path.join(root, 'rtl');
  const vectors = path.join(root, 'vectors');
  await rm(rtl, { recursive: true, force: true });
  await rm(vectors, { recursive: true, force: true });
  await mkdir(rtl, { recursive: true });
  await mkdir(vectors, { recursive: true });
  const files = options.modules.map((module) => path.join(rtl, `${module.name}.v`));
  await Promise.all(options.modules.map((module, i) => writeFile(files[i]!, module.text)));
  files.push(path.join(rtl, `${DECODER_TESTBENCH}.v`));
  await writeFile(files[files.length - 1]!, bench.text);
  await Promise.all([...bench.files].map(([name, text]) => writeFile(path.join(vectors, name), text)));
  return { rtl, vectors, files };
}

/** Converts a failed run into SIM_MISMATCH when the testbench reported why it stopped. */
async function explainFailure(error: unknown, simulator: string, duts: readonly DecoderUnderTest[], logPath: string): Promise<never> {
  if (error instanceof FlexorError && error.code === 'TOOL_FAILED') {
    const log = await readFile(logPath, 'utf8').catch(() => '');
    if (fileProblemLine(log) !== undefined) throw error;
    const output = parseTestbenchOutput(log);
    if (output.mismatch !== undefined) {
      const dut = duts.find((candidate) => candidate.name === output.mismatch!.dut)!;
      throw new FlexorError('SIM_MISMATCH', describeMismatch(dut, output.mismatch, simulator, logPath), { cause: error });
    }
    if (output.vectorProblem !== undefined) {
      const problem = output.vectorProblem;
      throw new FlexorError(
        'TOOL_FAILED',
        `${simulator} did not read vector file ${problem.file} completely: word ${problem.word} is ${problem.found}, expected the sentinel ${problem.expected}. The file is missing, short, or lacks its final newline.\n  log: ${logPath}`,
        { cause: error },
      );
    }
  }
  throw error;
}

/** Compares the report lines of one run with the golden model's checksums and schedule. */
function checkReport(result: SimulationResult, label: string, bench: DecoderTestbench): { edges: number; time: number } {
  const output = parseTestbenchOutput(result.stdout);
  const problems: string[] = [];
  for (const expectation of bench.expectations) {
    const reported = output.checksums.get(expectation.name);
    if (reported === undefined) {
      problems.push(`${expectation.name}: no FLEXOR-CHECKSUM line`);
      continue;
    }
    if (reported.stimulus !== expectation.stimulusChecksum) {
      problems.push(`${expectation.name}: stimulus checksum ${reported.stimulus.toString(16)} differs from the golden model's ${expectation.stimulusChecksum.toString(16)}, so the simulator applied other vectors than were written`);
    }
    if (reported.outputs !== expectation.outputChecksum) {
      problems.push(`${expectation.name}: output checksum ${reported.outputs.toString(16)} differs from the golden model's ${expectation.outputChecksum.toString(16)}`);
    }
  }
  const done = output.done;
  if (done === undefined) problems.push('no FLEXOR-DONE line: the testbench ended early');
  else if (done.edges !== bench.schedule.expectedEdges || done.time !== bench.schedule.finalTime) {
    problems.push(`ran ${done.edges} clock edges until time ${done.time} ns; expected ${bench.schedule.expectedEdges} edges until ${bench.schedule.finalTime} ns`);
  }
  if (problems.length > 0) throw new FlexorError('SIM_MISMATCH', `${label}: the testbench report disagrees with the golden model:\n  ${problems.join('\n  ')}\n  log: ${result.log}`);
  return done!;
}

async function simulate(options: RegressionOptions, simulator: Simulator, files: string[], vectorsDir: string, bench: DecoderTestbench, duts: DecoderUnderTest[]): Promise<SimulatorOutcome[]> {
  const buildDir = path.join(path.resolve(options.buildDir), simulator);
  const seeds = simulator === 'verilator' ? (options.verilatorSeeds ?? [1]) : [undefined];
  const outcomes: SimulatorOutcome[] = [];
  for (const seed of seeds) {
    const label = seed === undefined ? simulator : `${simulator} (seed ${seed})`;
    options.onProgress?.(`${label}: building and running`);
    const plusargs = [`+vectors=${vectorsDir}`, ...(seed === undefined ? [] : ['+verilator+rand+reset+2', `+verilator+seed+${seed}`])];
    const result = await runSimulation({
      simulator,
      sources: files,
      top: DECODER_TESTBENCH,
      buildDir,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      plusargs,
      reuseBuild: true,
    }).catch((error: unknown) => explainFailure(error, label, duts, path.join(buildDir, `${simulator}.log`)));
    const done = checkReport(result, label, bench);
    outcomes.push({ simulator, ...(seed !== undefined && { seed }), buildSeconds: result.buildSeconds, runSeconds: result.runSeconds, buildReused: result.buildReused, ...done });
  }
  return outcomes;
}

async function synthesize(options: RegressionOptions, rtl: string): Promise<Map<string, SynthResult>> {
  const results = new Map<string, SynthResult>();
  const flow = options.synth ?? 'full';
  if (flow === 'none') return results;
  for (const module of options.modules) {
    options.onProgress?.(`yosys: ${module.name}`);
    const result = await synthCheck([path.join(rtl, `${module.name}.v`)], module.name, path.join(path.resolve(options.buildDir), 'yosys', module.name), { flow, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    results.set(module.name, result);
  }
  return results;
}

export interface PreparedRegression {
  options: RegressionOptions;
  duts: DecoderUnderTest[];
  bench: DecoderTestbench;
  /** Module files, then the testbench. */
  files: string[];
  rtlDir: string;
  vectorsDir: string;
}

/** Computes the vectors and writes modules, testbench and vector files into the build directory. */
export async function prepareDecoderRegression(options: RegressionOptions): Promise<PreparedRegression> {
  const duts: DecoderUnderTest[] = options.modules.map((module) => ({
    name: module.name,
    matrix: module.matrix,
    registered: module.registered,
    vectors: decoderVectors(module.matrix, { registered: module.registered, seed: options.seed, randomVectors: options.randomVectors }),
  }));
  const bench = buildDecoderTestbench(duts, options.source);
  const { rtl, vectors, files } = await writeSources(options, bench);
  return { options, duts, bench, files, rtlDir: rtl, vectorsDir: vectors };
}

/** Lints every module on its own and the testbench with all modules. */
export async function lintRegression(prepared: PreparedRegression): Promise<void> {
  const { options, rtlDir, files } = prepared;
  options.onProgress?.('lint: verilator --lint-only -Wall and iverilog -Wall');
  const lintDir = path.join(path.resolve(options.buildDir), 'lint');
  for (const module of options.modules) await lintVerilog([path.join(rtlDir, `${module.name}.v`)], module.name, path.join(lintDir, module.name));
  await lintVerilog(files, DECODER_TESTBENCH, path.join(lintDir, DECODER_TESTBENCH), { timing: true });
}

/** Runs one simulator (Verilator once per seed) and checks its report against the golden model. */
export function simulateRegression(prepared: PreparedRegression, simulator: Simulator, vectorsDir = prepared.vectorsDir): Promise<SimulatorOutcome[]> {
  return simulate(prepared.options, simulator, prepared.files, vectorsDir, prepared.bench, prepared.duts);
}

/** Prepares, lints, synthesizes and simulates; the simulators and Yosys run in parallel. */
export async function runDecoderRegression(options: RegressionOptions): Promise<RegressionResult> {
  const prepared = await prepareDecoderRegression(options);
  if (options.lint !== false) await lintRegression(prepared);
  const simulators = options.simulators ?? ['icarus', 'verilator'];
  const [synth, ...runs] = await Promise.all([synthesize(options, prepared.rtlDir), ...simulators.map((simulator) => simulateRegression(prepared, simulator))]);
  return { outcomes: runs.flat(), synth, testbench: prepared.bench, duts: prepared.duts, paths: { rtl: prepared.rtlDir, vectors: prepared.vectorsDir } };
}
