// `flexor gen`: a config becomes a directory with the network's Verilog, its memory files, a
// file list and a report. The stages are load, build, check, write; all but loading and
// writing are pure.
//
//   DIR/rtl/<module>.v   one module per file, leaves first
//   DIR/mem/*.hex        weight banks and scale ROMs, read through the MEM_DIR parameter
//   DIR/filelist.f       the rtl/ files in compile order, relative to DIR
//   DIR/report.json      sizes, widths, memory bits, gate counts and ideal cycles

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { NetworkSpec } from '../config/model.js';
import { writeOutputDir, type FileSet } from '../emit/output-dir.js';
import { FlexorError } from '../errors.js';
import { declaredModules } from '../rtl/render.js';
import { networkRtlFiles } from '../rtl/network/generate.js';
import { networkMemoryFiles } from '../rtl/network/memory-files.js';
import { MEM_DIR, moduleNames } from '../rtl/network/names.js';
import { networkReport, type NetworkReport } from '../report/network-report.js';
import { lintVerilog } from '../sim/lint.js';
import { logStage } from '../log.js';

export const RTL_DIR = 'rtl';

export interface NetworkOutput {
  network: NetworkSpec;
  /** Verilog files by name (no directory), in compile order. */
  rtl: Map<string, string>;
  /** Memory files by name (no directory). */
  memories: Map<string, string>;
  report: NetworkReport;
  top: string;
}

/** Checks that file names are unique ignoring case and that each file declares the module it is named after. */
export function checkGeneratedModules(rtl: ReadonlyMap<string, string>): void {
  const seen = new Set<string>();
  for (const [file, text] of rtl) {
    const key = file.toLowerCase();
    if (seen.has(key)) throw new FlexorError('INTERNAL', `two generated files are named ${file} (compared ignoring case)`);
    seen.add(key);
    const declared = declaredModules(text);
    if (declared.length !== 1 || `${declared[0]}.v` !== file) {
      throw new FlexorError('INTERNAL', `generated file ${file} declares ${declared.join(', ') || 'no module'}; expected one module named after the file`);
    }
  }
}

/** Builds every generated file of a network; pure. */
export function buildNetworkOutput(network: NetworkSpec): NetworkOutput {
  const rtl = networkRtlFiles(network);
  checkGeneratedModules(rtl);
  logStage(`rendered ${rtl.size} Verilog modules`);
  const memories = networkMemoryFiles(network);
  logStage(`built ${memories.size} memory files`);
  return { network, rtl, memories, report: networkReport(network), top: moduleNames(network).top };
}

/** Lays out the files of `output` as the file comment describes. */
export function outputFiles(output: NetworkOutput): FileSet {
  const files: FileSet = new Map();
  for (const [name, text] of output.rtl) files.set(`${RTL_DIR}/${name}`, text);
  for (const [name, text] of output.memories) files.set(`${MEM_DIR}/${name}`, text);
  files.set('filelist.f', [...output.rtl.keys()].map((name) => `${RTL_DIR}/${name}`).join('\n') + '\n');
  files.set('report.json', `${JSON.stringify(output.report, null, 2)}\n`);
  return files;
}

/** Lints the top with Verilator and Icarus (-Wall, no waivers) before anything is written. */
export async function lintNetwork(output: NetworkOutput): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'flexor-gen-lint-'));
  try {
    const files = [...output.rtl.keys()].map((name) => path.join(dir, name));
    await Promise.all([...output.rtl.values()].map((text, i) => writeFile(files[i]!, text)));
    await lintVerilog(files, output.top, path.join(dir, 'build'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface GenerateOptions {
  /** Lint the network before writing (needs Verilator and Icarus). */
  lint?: boolean;
}

export interface GenerateResult extends NetworkOutput {
  dir: string;
}

export async function generateFromConfig(configPath: string, out: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const network = await loadConfig(configPath);
  const output = buildNetworkOutput(network);
  if (options.lint === true) await lintNetwork(output);
  const dir = await writeOutputDir(out, outputFiles(output), { inputs: [configPath] });
  return { ...output, dir };
}
