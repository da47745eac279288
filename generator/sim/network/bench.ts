// Network regression benches: write a network's RTL, memory files and testbench into a
// directory, run it under Icarus and Verilator, and check what the testbench reports against
// what the golden model expects. Several networks can share one simulator build (a bundle).

import path from 'node:path';
import type { NetworkSpec } from '../../config/model.js';
import { writeFiles } from '../../emit/write-files.js';
import { logStage } from '../../log.js';
import { FlexorError } from '../../errors.js';
import { buildNetworkOutput, RTL_DIR } from '../../pipeline/generate.js';
import { fileHeader } from '../../rtl/header.js';
import { MEM_DIR } from '../../rtl/network/names.js';
import { renderVerilog } from '../../rtl/render.js';
import { runSimulation, type Simulator } from '../run.js';
import { buildBenchView } from './bench-view.js';
import { buildBenchData, streamChecksum, type BenchData, type StallOptions } from './vectors.js';

export const VEC_DIR = 'tb';

export interface BenchCase {
  network: NetworkSpec;
  inputs: readonly (readonly number[])[];
  stalls: StallOptions;
}

export interface PreparedCase {
  network: NetworkSpec;
  data: BenchData;
  /** Directory of the case inside the bench, relative to the bench directory ('' for a single case). */
  dir: string;
  benchModule: string;
}

export interface PreparedBench {
  dir: string;
  top: string;
  /** Verilog sources, absolute. */
  sources: string[];
  cases: PreparedCase[];
}

export interface LayerCycles {
  name: string;
  vectors: number;
  busy: number;
  firstStart: number;
  lastEnd: number;
}

export interface CaseResult {
  network: string;
  /** Class index the hardware reported for each vector, in order. */
  classes: number[];
  outputs: number;
  vectors: number;
  cycles: number;
  time: string;
  inChecksum: number;
  outChecksum: number;
  firstInput: number;
  firstOutput: number;
  lastOutput: number;
  layers: LayerCycles[];
}

export interface BenchRun {
  simulator: Simulator;
  results: Map<string, CaseResult>;
  seconds: number;
  buildSeconds: number;
  log: string;
}

/** Writes one case into `root`: rtl/, mem/ and tb/. Returns the Verilog sources. */
async function writeCase(root: string, bench: BenchCase, standalone: boolean): Promise<{ sources: string[]; prepared: Omit<PreparedCase, 'dir'> }> {
  const output = buildNetworkOutput(bench.network);
  const data = buildBenchData(bench.network, bench.inputs, bench.stalls);
  logStage(`golden model: ${bench.inputs.length} vectors of ${bench.network.name}`);
  const header = fileHeader({ description: `testbench of network ${bench.network.name}`, source: bench.network.source, hash: bench.network.hash, parameters: [['vectors', bench.inputs.length]] });
  const view = buildBenchView(bench.network, data, header, standalone);
  const rtl = new Map([...output.rtl].map(([name, text]) => [`${RTL_DIR}/${name}`, text]));
  const sources = await writeFiles(root, rtl);
  await writeFiles(root, new Map([...output.memories].map(([name, text]) => [`${MEM_DIR}/${name}`, text])));
  await writeFiles(root, new Map([...data.files].map(([name, text]) => [`${VEC_DIR}/${name}`, text])));
  sources.push(...(await writeFiles(root, new Map([[`${VEC_DIR}/${view.module}.v`, renderVerilog('network/testbench', view, view.module)]]))));
  return { sources, prepared: { network: bench.network, data, benchModule: view.module } };
}

/** Writes a bench for one or more networks into `dir`, which should be empty. */
export async function writeNetworkBench(dir: string, benches: readonly BenchCase[]): Promise<PreparedBench> {
  const root = path.resolve(dir);
  if (benches.length === 1) {
    const { sources, prepared } = await writeCase(root, benches[0]!, true);
    return { dir: root, top: prepared.benchModule, sources, cases: [{ ...prepared, dir: '' }] };
  }
  const names = new Set(benches.map((b) => b.network.name));
  if (names.size !== benches.length) throw new FlexorError('INTERNAL', 'networks in one bundle need distinct names');
  const sources: string[] = [];
  const cases: PreparedCase[] = [];
  for (const bench of benches) {
    const written = await writeCase(path.join(root, bench.network.name), bench, false);
    sources.push(...written.sources);
    cases.push({ ...written.prepared, dir: bench.network.name });
  }
  const top = 'flexor_bundle_tb';
  const view = {
    header: fileHeader({ description: `bundle of ${cases.length} network testbenches`, parameters: [['networks', cases.map((c) => c.network.name).join(', ')]] }),
    module: top,
    benches: cases.map((c) => ({ module: c.benchModule, instance: `u_${c.network.name}`, memDir: `${c.dir}/${MEM_DIR}`, vecDir: `${c.dir}/${VEC_DIR}` })),
    allDone: cases.map((c) => `u_${c.network.name}.done_q`).join(' && '),
  };
  sources.push(...(await writeFiles(root, new Map([[`${top}.v`, renderVerilog('network/bundle', view, top)]]))));
  return { dir: root, top, sources, cases };
}

const RESULT_LINE = /^RESULT net=(\S+) (.*)$/;
const VECTOR_LINE = /^VECTOR net=(\S+) index=(\d+) class=(\d+)/;

function fields(text: string): Record<string, string> {
  return Object.fromEntries(text.split(/\s+/).map((pair) => pair.split('=') as [string, string]));
}

/** Collects the RESULT lines of a run, per network. */
export function parseBenchResults(stdout: string): Map<string, CaseResult> {
  const results = new Map<string, CaseResult>();
  const entry = (net: string) => {
    let result = results.get(net);
    if (result === undefined) {
      result = { network: net, classes: [], outputs: -1, vectors: -1, cycles: -1, time: '', inChecksum: -1, outChecksum: -1, firstInput: -1, firstOutput: -1, lastOutput: -1, layers: [] };
      results.set(net, result);
    }
    return result;
  };
  for (const line of stdout.split('\n')) {
    const vector = VECTOR_LINE.exec(line.trim());
    if (vector !== null) entry(vector[1]!).classes[Number(vector[2])] = Number(vector[3]);
    const match = RESULT_LINE.exec(line.trim());
    if (match === null) continue;
    const result = entry(match[1]!);
    const f = fields(match[2]!);
    if (f.layer !== undefined) {
      result.layers.push({ name: f.layer, vectors: Number(f.vectors), busy: Number(f.busy), firstStart: Number(f.first_start), lastEnd: Number(f.last_end) });
    } else if (f.outputs !== undefined) {
      Object.assign(result, { outputs: Number(f.outputs), vectors: Number(f.vectors), cycles: Number(f.cycles), time: f.time });
    } else if (f.in_checksum !== undefined) {
      Object.assign(result, { inChecksum: Number.parseInt(f.in_checksum, 16), outChecksum: Number.parseInt(f.out_checksum!, 16) });
    } else if (f.first_input !== undefined) {
      Object.assign(result, { firstInput: Number(f.first_input), firstOutput: Number(f.first_output), lastOutput: Number(f.last_output) });
    }
  }
  return results;
}

/** Throws SIM_MISMATCH unless every case reported all its outputs with the checksums the golden model predicts. */
export function verifyBenchResults(bench: PreparedBench, run: Pick<BenchRun, 'simulator' | 'results' | 'log'>): void {
  for (const c of bench.cases) {
    const result = run.results.get(c.network.name);
    const where = `${run.simulator}, network ${c.network.name} (log: ${run.log})`;
    if (result === undefined) throw new FlexorError('SIM_MISMATCH', `${where}: the testbench printed no result`);
    const outputs = c.data.outputWords.length;
    if (result.outputs !== outputs || result.vectors !== c.data.traces.length) {
      throw new FlexorError('SIM_MISMATCH', `${where}: checked ${result.outputs} outputs of ${result.vectors} vectors; expected ${outputs} of ${c.data.traces.length}`);
    }
    const classes = c.data.traces.map((trace) => trace.classIndex);
    const wrong = classes.findIndex((value, v) => result.classes[v] !== value);
    if (result.classes.length !== classes.length || wrong >= 0) {
      const at = wrong >= 0 ? wrong : Math.min(result.classes.length, classes.length);
      throw new FlexorError('SIM_MISMATCH', `${where}: vector ${at} class: the golden model gives ${classes[at]}, the hardware reported ${result.classes[at] ?? 'nothing'}`);
    }
    const inChecksum = streamChecksum(c.data.inputWords, c.data.inputDataWidth);
    const outChecksum = streamChecksum(c.data.outputWords, c.data.outputDataWidth);
    if (result.inChecksum !== inChecksum || result.outChecksum !== outChecksum) {
      throw new FlexorError(
        'SIM_MISMATCH',
        `${where}: stream checksums in ${result.inChecksum.toString(16)} / out ${result.outChecksum.toString(16)} differ from the golden model's ${inChecksum.toString(16)} / ${outChecksum.toString(16)}`,
      );
    }
  }
}

/**
 * Verilator arguments for short regression runs: compile the model without C++ optimization.
 * Verilator's makefile puts OPT_FAST after CFLAGS, so `-CFLAGS -O0` alone would not win.
 * On the regression bundle this halves the build (55 s to 30 s on 2 cores, measured here)
 * and adds about a second to the run.
 */
export const QUICK_BUILD_VERILATOR_ARGS: readonly string[] = ['-MAKEFLAGS', 'OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0'];

export interface RunBenchOptions {
  timeoutMs: number;
  onLine?: (line: string) => void;
  verilatorArgs?: string[];
  reuseBuild?: boolean;
}

/** Builds and runs the bench under one simulator and verifies its results. */
export async function runNetworkBench(bench: PreparedBench, simulator: Simulator, options: RunBenchOptions): Promise<BenchRun> {
  const failures: string[] = [];
  const onLine = (line: string) => {
    if (line.includes('FAIL')) failures.push(line.trim());
    options.onLine?.(line);
  };
  let result;
  try {
    result = await runSimulation({
      simulator,
      sources: bench.sources,
      top: bench.top,
      buildDir: path.join(bench.dir, 'build', simulator),
      cwd: bench.dir,
      timeoutMs: options.timeoutMs,
      onLine,
      ...(options.verilatorArgs && { verilatorArgs: options.verilatorArgs }),
      ...(options.reuseBuild !== undefined && { reuseBuild: options.reuseBuild }),
    });
  } catch (error) {
    if (error instanceof FlexorError && error.code === 'TOOL_FAILED' && failures.length > 0) {
      throw new FlexorError('SIM_MISMATCH', `${simulator}: ${failures[0]}\n${error.message}`, { cause: error });
    }
    throw error;
  }
  logStage(`${simulator}: build ${result.buildSeconds.toFixed(2)} s, run ${result.runSeconds.toFixed(2)} s (log ${result.log})`);
  const run = { simulator, results: parseBenchResults(result.stdout), seconds: result.seconds, buildSeconds: result.buildSeconds, log: result.log };
  verifyBenchResults(bench, run);
  return run;
}
