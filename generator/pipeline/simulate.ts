// `flexor sim`: a config becomes a network bench (RTL, memory files, testbench and vectors
// from the golden model) that runs on Icarus and/or Verilator. The bench is staged in a
// temporary directory and, when an output directory was asked for, moved there at the end,
// also after a failure, so that its logs can be read.

import { rm } from 'node:fs/promises';
import type { NetworkSpec } from '../config/model.js';
import { checkOutputDir, moveIntoPlace, stagingDir } from '../emit/output-dir.js';
import { FlexorError } from '../errors.js';
import { networkReport, type NetworkReport } from '../report/network-report.js';
import { runNetworkBench, writeNetworkBench, type BenchRun, type RunBenchOptions } from '../sim/network/bench.js';
import type { StallOptions } from '../sim/network/vectors.js';
import type { Simulator } from '../sim/run.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SimulateOptions {
  simulators: Simulator[];
  inputs: readonly (readonly number[])[];
  stalls: StallOptions;
  /** Keep the bench here; without it the bench lives in a temporary directory removed on success. */
  out?: string;
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

export async function simulateNetwork(network: NetworkSpec, options: SimulateOptions): Promise<SimulateResult> {
  if (options.out !== undefined) await checkOutputDir(options.out);
  const staging = options.out !== undefined ? await stagingDir(options.out) : await mkdtemp(path.join(tmpdir(), 'flexor-sim-'));
  const runs: BenchRun[] = [];
  let goldenClasses: number[] = [];
  let failure: unknown;
  try {
    const bench = await writeNetworkBench(staging, [{ network, inputs: options.inputs, stalls: options.stalls }]);
    goldenClasses = bench.cases[0]!.data.traces.map((trace) => trace.classIndex);
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
    failure = error;
  }

  let dir: string | undefined;
  if (options.out !== undefined) {
    dir = await moveIntoPlace(staging, options.out);
  } else if (failure === undefined) {
    await rm(staging, { recursive: true, force: true });
  } else {
    dir = staging;
  }
  if (failure !== undefined) {
    if (failure instanceof FlexorError && dir !== undefined) {
      throw new FlexorError(failure.code, `${failure.message}\n  bench kept in ${dir}`, { cause: failure });
    }
    throw failure;
  }
  return { report: networkReport(network), runs, goldenClasses, ...(dir !== undefined && { dir }) };
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
