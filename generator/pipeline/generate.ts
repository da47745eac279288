// `flexor gen`: a config becomes a directory of Verilog modules. The stages are load, build
// views, render, check, write; all but loading and writing are pure. Each entry of
// MODULE_STAGES renders one kind of module from the network, so that layer and network
// modules are added by appending a stage.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { NetworkSpec } from '../config/model.js';
import { writeOutputDir } from '../emit/output-dir.js';
import { FlexorError } from '../errors.js';
import type { DecoderStats } from '../golden/decoder-stats.js';
import { buildDecoderModule } from '../rtl/decoder-view.js';
import type { RowForm } from '../rtl/decoder-form.js';
import { declaredModules, renderVerilog } from '../rtl/render.js';
import { lintVerilog } from '../sim/lint.js';

export interface GeneratedModule {
  /** File name inside the output directory: `<module>.v`. */
  file: string;
  module: string;
  text: string;
  /** Lines for the command's summary. */
  summary: string[];
}

export interface ModuleStage {
  /** Kind of module the stage renders, for messages. */
  kind: string;
  render(network: NetworkSpec): GeneratedModule[];
}

export interface DecoderModuleReport {
  stats: DecoderStats;
  form: RowForm;
}

/** One combinational module per decoder of the config; planes that share a decoder share its module. */
export const decoderStage: ModuleStage = {
  kind: 'decoder',
  render(network) {
    return network.decoders.map((decoder) => {
      const built = buildDecoderModule(decoder, { name: decoder.name, registered: false, form: 'auto', source: network.source, hash: network.hash });
      const text = renderVerilog('decoder', built.view, decoder.name);
      const { stats, form } = built;
      return {
        file: `${decoder.name}.v`,
        module: decoder.name,
        text,
        summary: [`decoder ${decoder.name}: ${decoder.nIn} -> ${decoder.nOut}, ${form} form, ${stats.xor2Gates} XOR2 gates, depth ${stats.depth}, rank ${stats.rank}`],
      };
    });
  },
};

export const MODULE_STAGES: readonly ModuleStage[] = [decoderStage];

/** Renders every module of the network; pure. */
export function renderNetworkModules(network: NetworkSpec, stages: readonly ModuleStage[] = MODULE_STAGES): GeneratedModule[] {
  return stages.flatMap((stage) => stage.render(network));
}

/** Checks that file names are unique and that each file declares the module it is named after. */
export function checkGeneratedModules(modules: readonly GeneratedModule[]): void {
  const seen = new Set<string>();
  for (const generated of modules) {
    const key = generated.file.toLowerCase();
    if (seen.has(key)) throw new FlexorError('INTERNAL', `two generated files are named ${generated.file} (compared ignoring case)`);
    seen.add(key);
    const declared = declaredModules(generated.text);
    if (generated.file !== `${generated.module}.v` || declared.length !== 1 || declared[0] !== generated.module) {
      throw new FlexorError('INTERNAL', `generated file ${generated.file} declares ${declared.join(', ') || 'no module'}; expected module ${generated.module}`);
    }
  }
}

/** Lints every module with Verilator and Icarus before anything is written. */
async function lintModules(modules: readonly GeneratedModule[]): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'flexor-gen-lint-'));
  try {
    const files = modules.map((generated) => path.join(dir, generated.file));
    await Promise.all(modules.map((generated, i) => writeFile(files[i]!, generated.text)));
    for (const generated of modules) await lintVerilog(files, generated.module, path.join(dir, 'build', generated.module));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface GenerateOptions {
  /** Lint every module before writing (needs Verilator and Icarus). */
  lint?: boolean;
}

export interface GenerateResult {
  network: NetworkSpec;
  dir: string;
  modules: GeneratedModule[];
}

export async function generateFromConfig(configPath: string, out: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const network = await loadConfig(configPath);
  const modules = renderNetworkModules(network);
  checkGeneratedModules(modules);
  if (options.lint === true) await lintModules(modules);
  const dir = await writeOutputDir(out, new Map(modules.map((generated) => [generated.file, generated.text])));
  return { network, dir, modules };
}
