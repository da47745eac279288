// Running one external tool step: an argument array (never a shell string), a deadline, the
// full output kept for the log, and failures reported with the command and its stderr.

import { execa } from 'execa';
import { FlexorError } from '../errors.js';

export interface StepOptions {
  cwd: string;
  /** Milliseconds left for this step. */
  timeoutMs: number;
  env?: Record<string, string>;
  onLine?: (line: string) => void;
}

export interface StepResult {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  signal: string | undefined;
  timedOut: boolean;
  seconds: number;
}

/** Quotes an argument for display only; commands never run through a shell. */
function displayArgument(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function displayCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map(displayArgument).join(' ');
}

/** Runs `file args` to completion. Never throws for exit codes: the caller decides. */
export async function runStep(file: string, args: readonly string[], options: StepOptions): Promise<StepResult> {
  const start = performance.now();
  const onLine = options.onLine;
  const tap = onLine === undefined ? [] : [function* (line: unknown) {
    onLine(String(line));
    yield line;
  }];
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    reject: false,
    stdin: 'ignore',
    // NOTE: the timeout kills only the direct child; make and g++ started by a Verilator
    // build keep running until they finish on their own.
    timeout: Math.max(1, Math.floor(options.timeoutMs)),
    killSignal: 'SIGKILL',
    stdout: onLine === undefined ? 'pipe' : [...tap, 'pipe'],
    stripFinalNewline: false,
  });
  return {
    command: displayCommand(file, args),
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut === true,
    seconds: (performance.now() - start) / 1000,
  };
}

/** Formats a step for a log file: the command, its exit status, its output. */
export function logEntry(step: StepResult): string {
  let status = `exit code ${step.exitCode}`;
  if (step.signal !== undefined) status = `killed by ${step.signal}`;
  if (step.timedOut) status = 'timed out';
  return [`$ ${step.command}`, `# ${status}, ${step.seconds.toFixed(2)} s`, '# stdout:', step.stdout.trimEnd(), '# stderr:', step.stderr.trimEnd(), ''].join('\n');
}

export function tail(text: string, lines = 20): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** Throws TOOL_TIMEOUT or TOOL_FAILED when the step did not end with exit code 0. */
export function checkStep(tool: string, step: StepResult, logPath: string): void {
  if (step.timedOut) {
    throw new FlexorError('TOOL_TIMEOUT', `${tool} timed out after ${step.seconds.toFixed(1)} s\n  command: ${step.command}\n  log: ${logPath}`);
  }
  if (step.exitCode !== 0 || step.signal !== undefined) {
    const status = step.signal !== undefined ? `was killed by ${step.signal}` : `failed with exit code ${step.exitCode}`;
    const output = tail(`${step.stdout}\n${step.stderr}`);
    throw new FlexorError('TOOL_FAILED', `${tool} ${status}\n  command: ${step.command}\n  log: ${logPath}\n  output (last lines):\n${indent(output)}`);
  }
}

export function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
