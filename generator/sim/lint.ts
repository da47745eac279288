// The lint gate: `verilator --lint-only -Wall` and `iverilog -g2012 -Wall` must both accept
// the sources with no warning at all. No waiver or `-Wno-*` flag is ever passed.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FlexorError } from '../errors.js';
import { checkStep, indent, logEntry, runStep, type StepResult } from './process.js';
import { requireTool } from './tools.js';

export interface LintOptions {
  /** Accept delays and event controls, as testbenches need (Verilator `--timing`). Default false. */
  timing?: boolean;
  timeoutMs?: number;
}

function warningLines(step: StepResult): string[] {
  return `${step.stdout}\n${step.stderr}`
    .split('\n')
    .filter((line) => /^%(Warning|Error)/.test(line) || /: (warning|error|sorry):/i.test(line))
    .filter((line) => !/^%Error: Exiting due to/.test(line));
}

/** Lints `sources` with `top` as the top module; throws LINT_FAILED listing every warning. */
export async function lintVerilog(sources: string[], top: string, buildDir: string, options: LintOptions = {}): Promise<void> {
  const verilator = await requireTool('verilator');
  const iverilog = await requireTool('iverilog');
  const dir = path.resolve(buildDir);
  await mkdir(dir, { recursive: true });
  const files = sources.map((source) => path.resolve(source));
  const logPath = path.join(dir, 'lint.log');
  const timeoutMs = options.timeoutMs ?? 120_000;
  const timing = options.timing === true ? ['--timing'] : [];

  const steps: { tool: string; step: StepResult }[] = [];
  const verilatorStep = await runStep(verilator, ['--lint-only', '-Wall', ...timing, '--top-module', top, ...files], { cwd: dir, timeoutMs });
  steps.push({ tool: 'verilator', step: verilatorStep });
  const iverilogStep = await runStep(iverilog, ['-g2012', '-Wall', '-o', path.join(dir, 'lint.vvp'), '-s', top, ...files], { cwd: dir, timeoutMs });
  steps.push({ tool: 'iverilog', step: iverilogStep });
  await writeFile(logPath, steps.map(({ step }) => logEntry(step)).join('\n'));

  const findings: string[] = [];
  for (const { tool, step } of steps) {
    if (step.timedOut) checkStep(tool, step, logPath);
    const lines = warningLines(step);
    if (lines.length > 0) findings.push(`${tool} (${step.command}):\n${indent(lines.join('\n'))}`);
    else if (step.exitCode !== 0) findings.push(`${tool} failed with exit code ${step.exitCode} (${step.command}):\n${indent(step.stderr.trimEnd())}`);
  }
  if (findings.length > 0) {
    throw new FlexorError('LINT_FAILED', `lint of ${top} failed; log: ${logPath}\n${findings.join('\n')}`);
  }
}
