// `flexor sim`: a config becomes a network bench (RTL, memory files, testbench and vectors
// from the golden model) that runs on Icarus and/or Verilator. Inputs are checked before
// anything is written. With an output directory, the bench is staged and moved into place
// before the simulators start, so the paths in logs and messages stay valid and a failed run
// leaves a complete bench to inspect. Without one, the bench lives in a temporary directory
// that is removed after a pass and kept after a failure.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NetworkSpec } from '../config/model.js';
import { checkOutputDir, moveIntoPlace, stagingDir } from '../emit/output-dir.js';
import { forgetOnInterrupt, removeOnInterrupt } from '../emit/interrupt.js';
import { FlexorError } from '../errors.js';
import { networkReport, type NetworkReport } from '../report/network-report.js';
import { runNetworkBench, writeNetworkBench, type BenchRun, type PreparedBench, type RunBenchOptions } from '../sim/network/bench.js';
import { checkInputVectors, type StallOptions } from '../sim/network/vectors.js';
import type { Simulator } from '../sim/run.js';

export interface SimulateOptions {
  simulators: Simulator[];
  inputs: readonly (readonly number[])[];
  /** Source of the inputs (a file name or a description), for messages. */
  inputSource: string;
  stalls: StallOptions;
  /** Keep the bench here; without it the bench lives in a temporary directory removed on success. */
  out?: string;
  /** Files the command reads, which must not lie inside `out`. */
  inputFiles?: string[];
  timeoutMs: number;
  verilatorArgs?: string[];
  onLine?: (simulator: Simulator, line: string) => void;
}

export interface SimulateResult {
  report: NetworkReport;
  runs: BenchRun[];
  /** The golden model's class index of every input vector. */
  goldenClasses: number[];
  /** Directory of the bench, or undefined when it was removed. */
  dir?: string;
}

/** Returns the bench with every path moved from its staging directory to `dir`. */
function relocate(bench: PreparedBench, dir: string): PreparedBench {
  return { ...bench, dir, sources: bench.sources.map((source) => path.join(dir, path.relative(bench.dir, source))) };
}

/** Writes the bench where the simulators will run it: `out` (staged, then moved) or a temporary directory. */
async function placeBench(network: NetworkSpec, options: SimulateOptions): Promise<{ bench: PreparedBench; temporary: boolean }> {
  const cases = [{ network, inputs: options.inputs, stalls: options.stalls }];
  if (options.out === undefined) {
    const dir = await mkdtemp(path.join(tmpdir(), 'flexor-sim-'));
    removeOnInterrupt(dir);
    return { bench: await writeNetworkBench(dir, cases), temporary: true };
  }
  await checkOutputDir(options.out, { inputs: options.inputFiles ?? [] });
  const staging = await stagingDir(options.out);
  let bench: PreparedBench;
  try {
    bench = await writeNetworkBench(staging, cases);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    forgetOnInterrupt(staging);
    throw error;
  }
  return { bench: relocate(bench, await moveIntoPlace(staging, options.out)), temporary: false };
}

export async function simulateNetwork(network: NetworkSpec, options: SimulateOptions): Promise<SimulateResult> {
  checkInputVectors(network, options.inputs, options.inputSource);
  const { bench, temporary } = await placeBench(network, options);
  const goldenClasses = bench.cases[0]!.data.traces.map((trace) => trace.classIndex);

  const runs: BenchRun[] = [];
  try {
    for (const simulator of options.simulators) {
      const runOptions: RunBenchOptions = { timeoutMs: options.timeoutMs };
      if (options.verilatorArgs !== undefined) runOptions.verilatorArgs = options.verilatorArgs;
      if (options.onLine !== undefined) {
        const onLine = options.onLine;
        runOptions.onLine = (line) => onLine(simulator, line);
      }
      runs.push(await runNetworkBench(bench, simulator, runOptions));
    }
    checkSimulatorsAgree(runs, network.name);
  } catch (error) {
    forgetOnInterrupt(bench.dir);
    if (error instanceof FlexorError) throw new FlexorError(error.code, `${error.message}\n  bench kept in ${bench.dir}`, { cause: error });
    throw error;
  }

  if (temporary) {
    await rm(bench.dir, { recursive: true, force: true });
    forgetOnInterrupt(bench.dir);
  }
  return { report: networkReport(network), runs, goldenClasses, ...(!temporary && { dir: bench.dir }) };
}

/** Both simulators model the same cycles, so their counts must be equal. */
function checkSimulatorsAgree(runs: readonly BenchRun[], name: string): void {
  if (runs.length < 2) return;
  const [first, ...rest] = runs;
  const reference = first!.results.get(name)!;
  for (const run of rest) {
    const result = run.results.get(name)!;
    if (result.cycles !== reference.cycles || result.time !== reference.time) {
      throw new FlexorError(
        'SIM_MISMATCH',
        `${first!.simulator} took ${reference.cycles} cycles (time ${reference.time}) but ${run.simulator} took ${result.cycles} (time ${result.time}); the testbench or the RTL depends on the simulator`,
      );
    }
  }
}
