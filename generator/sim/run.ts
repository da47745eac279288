// Building and running a Verilog simulation under Icarus Verilog or Verilator. Each run has
// a private build directory, a deadline and a full log at `<buildDir>/<simulator>.log`. A
// run fails on a non-zero exit, on any compiler warning (testbenches and RTL must both be
// warning-free), and on a file-open or `$readmem` complaint in the output, because both
// simulators exit 0 after a `$readmemh` of a missing file.

import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { FlexorError } from '../errors.js';
import { checkStep, indent, logEntry, runStep, type StepResult } from './process.js';
import { findTool, requireTool } from './tools.js';

export type Simulator = 'icarus' | 'verilator';

export interface SimulationOptions {
  simulator: Simulator;
  sources: string[];
  top: string;
  /** Private directory for the compiled model and the log; created when missing. */
  buildDir: string;
  /** Working directory of the simulation; relative `$readmemh` paths start here. Default: buildDir. */
  cwd?: string;
  /** Deadline for build and run together. */
  timeoutMs: number;
  /** Overrides of the top module's parameters; strings are passed as Verilog string literals. */
  parameters?: Record<string, string | number>;
  /** Run-time arguments such as `+vectors=DIR` (the leading `+` included). */
  plusargs?: string[];
  /** Called with each line the simulation prints on stdout, as it prints it. */
  onLine?: (line: string) => void;
  /** Extra Verilator arguments, such as `-CFLAGS -O1`; `-Wno-*` is rejected. */
  verilatorArgs?: string[];
  /** Skip the build when the build directory contains one made from identical inputs. Default false. */
  reuseBuild?: boolean;
}

export interface SimulationResult {
  simulator: Simulator;
  /** Output of the simulation run (not of the build). */
  stdout: string;
  stderr: string;
  /** Path of the full log: every command with its output. */
  log: string;
  /** Wall time of build and run. */
  seconds: number;
  buildSeconds: number;
  runSeconds: number;
  /** True when an earlier identical build was reused. */
  buildReused: boolean;
}

/** Lines that mean a simulator could not read a file while the run still exited 0. */
const FILE_PROBLEM = /Unable to open|not found|Cannot open|can't open|No such file|\$readmem.*(Not enough words|ended before|too many)|Not enough words/i;

/** Default C++ optimization for Verilator models: testbench runs are short, so compile time dominates. */
export const DEFAULT_VERILATOR_ARGS: readonly string[] = ['-CFLAGS', '-O1'];

function parameterValue(name: string, value: string | number): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new FlexorError('INTERNAL', `parameter name ${JSON.stringify(name)} is not a Verilog identifier`);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new FlexorError('INTERNAL', `parameter ${name} = ${value} is not an integer`);
    return String(value);
  }
  if (/["\\\n\r]/.test(value)) {
    throw new FlexorError('USAGE', `string parameter ${name} = ${JSON.stringify(value)} contains a quote, backslash or line break, which simulators cannot take on their command line; use a path without them`);
  }
  // Both simulators read a quoted value as a string literal; no shell is involved.
  return `"${value}"`;
}

function checkVerilatorArgs(args: readonly string[]): void {
  const waiver = args.find((arg) => arg.startsWith('-Wno-'));
  if (waiver !== undefined) {
    throw new FlexorError('INTERNAL', `Verilator argument ${waiver} is not allowed: generated RTL and testbenches must build with -Wall and no waivers`);
  }
}

interface Plan {
  buildFile: string;
  buildArgs: string[];
  runFile: string;
  runArgs: string[];
  env?: Record<string, string>;
}

async function icarusPlan(options: SimulationOptions, buildDir: string): Promise<Plan> {
  const iverilog = await requireTool('iverilog');
  const vvp = await requireTool('vvp');
  const image = path.join(buildDir, 'icarus.vvp');
  const parameters = Object.entries(options.parameters ?? {}).map(([name, value]) => `-P${options.top}.${name}=${parameterValue(name, value)}`);
  return {
    buildFile: iverilog,
    buildArgs: ['-g2012', '-Wall', '-o', image, '-s', options.top, ...parameters, ...options.sources],
    runFile: vvp,
    runArgs: ['-n', image, ...(options.plusargs ?? [])],
  };
}

async function verilatorPlan(options: SimulationOptions, buildDir: string): Promise<Plan> {
  const verilator = await requireTool('verilator');
  const extra = options.verilatorArgs ?? [...DEFAULT_VERILATOR_ARGS];
  checkVerilatorArgs(extra);
  const objDir = path.join(buildDir, 'verilator');
  const parameters = Object.entries(options.parameters ?? {}).map(([name, value]) => `-G${name}=${parameterValue(name, value)}`);
  const ccache = await findTool('ccache');
  // Verilator writes the source paths into the C++ it generates. Paths relative to the build
  // directory (where it runs) keep that C++ identical between build directories of the same
  // layout, so ccache hits.
  const sources = options.sources.map((source) => path.relative(buildDir, source) || source);
  return {
    buildFile: verilator,
    buildArgs: [
      '--binary',
      '-Wall',
      '--top-module',
      options.top,
      '-Mdir',
      'verilator',
      '-o',
      'Vsim',
      '-j',
      String(Math.max(1, availableParallelism())),
      ...extra,
      ...parameters,
      ...sources,
    ],
    runFile: path.join(objDir, 'Vsim'),
    runArgs: [...(options.plusargs ?? [])],
    // Verilator's makefile runs the compiler through $(OBJCACHE) when it is set.
    ...(ccache !== undefined && { env: { OBJCACHE: ccache } }),
  };
}

/** Hash of everything a build depends on, for `reuseBuild`. */
async function buildKey(plan: Plan, sources: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([plan.buildFile, plan.buildArgs]));
  for (const source of sources) hash.update(await readFile(source));
  return hash.digest('hex');
}

async function readKey(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Throws LINT_FAILED when a compiler printed warnings, even if it exited 0. */
function checkBuildWarnings(tool: string, step: StepResult, logPath: string): void {
  const warnings = `${step.stdout}\n${step.stderr}`.split('\n').filter((line) => /^(%Warning|.*: warning:)/.test(line));
  if (warnings.length > 0) {
    throw new FlexorError('LINT_FAILED', `${tool} reported ${warnings.length} warning(s); sources must build warning-free\n  command: ${step.command}\n  log: ${logPath}\n${indent(warnings.join('\n'))}`);
  }
}

/** Returns the first line of `text` in which a simulator reports a file it could not read. */
export function fileProblemLine(text: string): string | undefined {
  return text.split('\n').find((line) => FILE_PROBLEM.test(line));
}

function checkFileProblems(tool: string, step: StepResult, logPath: string): void {
  const problem = fileProblemLine(`${step.stdout}\n${step.stderr}`);
  if (problem !== undefined) {
    throw new FlexorError('TOOL_FAILED', `${tool} could not read a file: ${problem.trim()}\n  command: ${step.command}\n  log: ${logPath}`);
  }
}

/** Builds (unless reused) and runs one simulation; see the file comment for what counts as failure. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const start = performance.now();
  const deadline = start + options.timeoutMs;
  const buildDir = path.resolve(options.buildDir);
  const sources = options.sources.map((source) => path.resolve(source));
  const resolved = { ...options, sources };
  const plan = options.simulator === 'icarus' ? await icarusPlan(resolved, buildDir) : await verilatorPlan(resolved, buildDir);
  await mkdir(buildDir, { recursive: true });
  const logPath = path.join(buildDir, `${options.simulator}.log`);
  const keyPath = path.join(buildDir, `${options.simulator}.build-key`);
  const entries: string[] = [];
  const buildTool = options.simulator === 'icarus' ? 'iverilog' : 'verilator';
  const runTool = options.simulator === 'icarus' ? 'vvp' : 'Verilator model';

  try {
    const key = options.reuseBuild === true ? await buildKey(plan, sources) : undefined;
    const buildReused = key !== undefined && (await readKey(keyPath)) === key;
    let buildSeconds = 0;
    if (buildReused) {
      entries.push(`# build reused: ${keyPath} matches the sources and arguments\n`);
    } else {
      const build = await runStep(plan.buildFile, plan.buildArgs, { cwd: buildDir, timeoutMs: deadline - performance.now(), ...(plan.env && { env: plan.env }) });
      entries.push(logEntry(build));
      buildSeconds = build.seconds;
      checkBuildWarnings(buildTool, build, logPath);
      checkStep(buildTool, build, logPath);
      if (key !== undefined) await writeFile(keyPath, key);
    }

    const run = await runStep(plan.runFile, plan.runArgs, {
      cwd: options.cwd ?? buildDir,
      timeoutMs: deadline - performance.now(),
      ...(options.onLine && { onLine: options.onLine }),
    });
    entries.push(logEntry(run));
    // A file problem explains the failures that follow it, so it is reported first.
    checkFileProblems(runTool, run, logPath);
    checkStep(runTool, run, logPath);
    return {
      simulator: options.simulator,
      stdout: run.stdout,
      stderr: run.stderr,
      log: logPath,
      seconds: (performance.now() - start) / 1000,
      buildSeconds,
      runSeconds: run.seconds,
      buildReused,
    };
  } finally {
    await writeFile(logPath, entries.join('\n'));
  }
}
