// Synthesis check with Yosys: the design must elaborate, infer no latch, and pass `check`.
// It also reports how many memories Yosys inferred before mapping them to flip-flops or
// logic, so that a ROM written as an array can be shown to be inferred as a memory.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FlexorError } from '../errors.js';
import { checkStep, indent, logEntry, runStep } from '../sim/process.js';
import { requireTool } from '../sim/tools.js';

export interface SynthOptions {
  /**
   * "full" runs the whole generic `synth` flow. "coarse" stops before `memory_map` and
   * technology mapping. "elaborate" runs only `proc`, the checks and `memory -nomap`: it
   * finds latches and memories in seconds where a full synthesis of a very large design takes
   * minutes. Default "full".
   */
  flow?: SynthFlow;
  timeoutMs?: number;
  /** Overrides of the top module's parameters; strings become Verilog string literals. */
  parameters?: Record<string, string | number>;
  /** Working directory of Yosys, where relative `$readmemh` paths start. Default: buildDir. */
  cwd?: string;
}

export type SynthFlow = 'full' | 'coarse' | 'elaborate';

export interface SynthResult {
  /** Cell count by type after the last stage run (generic gates after "full"). */
  cells: Record<string, number>;
  /** Latch cells inferred from processes; always 0 in a returned result. */
  latches: number;
  /** Memories inferred before mapping (`$mem` and `$mem_v2` cells). */
  memories: number;
  /** Path of the Yosys log. */
  log: string;
}

interface StatJson {
  design?: { num_cells_by_type?: Record<string, number> };
  modules?: Record<string, { num_cells_by_type?: Record<string, number> }>;
}

function quoteFile(file: string): string {
  if (/["\s]/.test(file)) throw new FlexorError('USAGE', `Yosys cannot read ${JSON.stringify(file)}: the path contains a space or quote; move the sources to a plain path`);
  return file;
}

/**
 * Builds the Yosys script. `check -assert` runs right after `proc`, on the design as written
 * (multiple drivers, undriven wires, logic loops); later stages leave intermediate wires
 * that it would flag. Coarse statistics go to coarse.json, final ones to final.json.
 */
function synthScript(sources: readonly string[], top: string, dir: string, flow: SynthFlow, parameters: Record<string, string | number>): string {
  // -defer elaborates modules only from `hierarchy`, with the parameters the design passes
  // them, so a memory whose file name is a parameter is never read with its default.
  const lines = [`read_verilog -defer -DSYNTHESIS ${sources.map(quoteFile).join(' ')}`];
  for (const [name, value] of Object.entries(parameters)) lines.push(`chparam -set ${name} ${parameterText(name, value)} ${top}`);
  lines.push(
    `hierarchy -check -top ${top}`,
    'proc',
    'opt_clean',
    'check -assert',
    flow === 'elaborate' ? 'memory -nomap' : `synth -top ${top} -run coarse:fine`,
    `tee -q -o ${quoteFile(path.join(dir, 'coarse.json'))} stat -json -top ${top}`,
  );
  if (flow === 'full') lines.push(`synth -top ${top} -run fine:`);
  lines.push(`tee -q -o ${quoteFile(path.join(dir, 'final.json'))} stat -json -top ${top}`);
  return `${lines.join('\n')}\n`;
}

function parameterText(name: string, value: string | number): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FlexorError('INTERNAL', `parameter name ${JSON.stringify(name)} is not a Verilog identifier`);
  if (typeof value === 'number') return String(value);
  if (/["\\\s]/.test(value)) throw new FlexorError('USAGE', `parameter ${name} = ${JSON.stringify(value)} contains a quote, backslash or space, which a Yosys script cannot carry`);
  return `"${value}"`;
}

/**
 * Reads the design's cell counts from `stat -json`. Yosys 0.23 prints the module hierarchy of
 * a design with submodules as plain text inside that JSON, so the whole file does not parse.
 * The "num_cells_by_type" object of its "design" section does parse, and is read on its own.
 */
async function readCells(file: string): Promise<Record<string, number>> {
  const text = await readFile(file, 'utf8');
  try {
    const stat = JSON.parse(text) as StatJson;
    return { ...(stat.design?.num_cells_by_type ?? Object.values(stat.modules ?? {})[0]?.num_cells_by_type ?? {}) };
  } catch {
    const design = text.lastIndexOf('"design"');
    const key = text.indexOf('"num_cells_by_type"', design);
    const open = text.indexOf('{', key);
    const close = text.indexOf('}', open);
    if (design < 0 || key < 0 || open < 0 || close < 0) throw new FlexorError('SYNTH_FAILED', `yosys statistics in ${file} have no design cell counts`);
    return JSON.parse(text.slice(open, close + 1)) as Record<string, number>;
  }
}

function countCells(cells: Record<string, number>, pattern: RegExp): number {
  return Object.entries(cells)
    .filter(([type]) => pattern.test(type))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Synthesizes `sources` with `top`; throws SYNTH_FAILED on latches or failed checks. */
export async function synthCheck(sources: string[], top: string, buildDir: string, options: SynthOptions = {}): Promise<SynthResult> {
  const yosys = await requireTool('yosys');
  const dir = path.resolve(buildDir);
  await mkdir(dir, { recursive: true });
  const flow = options.flow ?? 'full';
  const scriptPath = path.join(dir, 'synth.ys');
  const logPath = path.join(dir, 'yosys.log');
  await writeFile(scriptPath, synthScript(sources.map((source) => path.resolve(source)), top, dir, flow, options.parameters ?? {}));

  const step = await runStep(yosys, ["-q", "-l", logPath, "-s", scriptPath], { cwd: options.cwd ?? dir, timeoutMs: options.timeoutMs ?? 600_000 });
  await writeFile(path.join(dir, 'yosys-command.log'), logEntry(step));
  if (step.exitCode !== 0 && !step.timedOut) {
    const text = await readFile(logPath, 'utf8').catch(() => step.stderr);
    const problems = text.split('\n').filter((line) => /ERROR|Warning/.test(line));
    throw new FlexorError('SYNTH_FAILED', `yosys rejected ${top}; log: ${logPath}\n  command: ${step.command}\n${indent(problems.slice(0, 20).join('\n') || step.stderr.trim())}`);
  }
  checkStep('yosys', step, logPath);

  const coarse = await readCells(path.join(dir, 'coarse.json'));
  const cells = await readCells(path.join(dir, 'final.json'));
  const latches = countCells(coarse, /dlatch/i);
  if (latches > 0) {
    const text = await readFile(logPath, 'utf8');
    const signals = [...text.matchAll(/Latch inferred for signal `([^']+)'/g)].map((match) => match[1]!.replace(/\\/g, ''));
    throw new FlexorError('SYNTH_FAILED', `yosys inferred ${latches} latch(es) in ${top}: ${signals.join(', ') || 'see the log'}; assign every output of a combinational block on every path\n  log: ${logPath}`);
  }
  return { cells, latches, memories: countCells(coarse, /^\$mem(_v2)?$/), log: logPath };
}
