// `flexor synth`: the output of `flexor gen` plus a Yosys run over it. Yosys must elaborate
// the network, infer no latch, and infer the weight ROMs, scale ROMs and input buffers as
// memories. The cell counts go to synth/report.json, and synth/<top>.ys repeats the run from
// the output directory with relative paths, for users' own flows.

import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { NetworkSpec } from '../config/model.js';
import { checkOutputDir, moveIntoPlace, stagingDir } from '../emit/output-dir.js';
import { writeFiles } from '../emit/write-files.js';
import { FlexorError } from '../errors.js';
import { MEM_DIR } from '../rtl/network/names.js';
import { laneBanks, laneGeometry } from '../rtl/network/layout.js';
import { synthCheck, type SynthFlow, type SynthResult } from '../synth/yosys.js';
import { buildNetworkOutput, outputFiles, RTL_DIR } from './generate.js';

export interface SynthReport {
  top: string;
  flow: SynthFlow;
  /** Memories Yosys must infer; see requiredMemories. */
  requiredMemories: number;
  memories: number;
  latches: number;
  cells: Record<string, number>;
}

/**
 * Memories Yosys must infer: every weight bank and scale ROM of at least two words, and every
 * input buffer. (Yosys turns a one-word memory into a register, and it may also infer the
 * output FIFOs and accumulator arrays as memories, which is allowed but not required.)
 */
export function requiredMemories(network: NetworkSpec): number {
  let count = 0;
  for (const layer of network.layers) {
    const geometry = laneGeometry(layer);
    for (const plane of layer.planes) {
      count += laneBanks(geometry, plane.decoder.nOut).filter((bank) => bank.slices.length >= 2).length;
    }
    if (layer.outFeatures >= 2) count += 1;
    count += 1;
  }
  return count;
}

/** Writes a Yosys script that repeats the check from the output directory. */
export function yosysScript(files: readonly string[], top: string): string {
  return [
    '# Synthesis check of the generated network; run from the output directory: yosys -s synth/' + `${top}.ys`,
    `read_verilog -defer -DSYNTHESIS ${files.join(' ')}`,
    `chparam -set MEM_DIR "${MEM_DIR}" ${top}`,
    `hierarchy -check -top ${top}`,
    'proc',
    'check -assert',
    `synth -top ${top}`,
    `stat -top ${top}`,
    '',
  ].join('\n');
}

export async function synthesizeFromConfig(configPath: string, out: string, flow: SynthFlow): Promise<{ report: SynthReport; dir: string; network: NetworkSpec }> {
  const network = await loadConfig(configPath);
  const output = buildNetworkOutput(network);
  const rtl = [...output.rtl.keys()].map((name) => `${RTL_DIR}/${name}`);
  await checkOutputDir(out, { inputs: [configPath] });

  const staging = await stagingDir(out);
  let result: SynthResult;
  try {
    await writeFiles(staging, outputFiles(output));
    await writeFiles(staging, new Map([[`synth/${output.top}.ys`, yosysScript(rtl, output.top)]]));
    const sources = rtl.map((file) => path.join(staging, file));
    result = await synthCheck(sources, output.top, path.join(staging, 'synth', 'build'), { flow, cwd: staging, parameters: { MEM_DIR } });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  const report: SynthReport = { top: output.top, flow, requiredMemories: requiredMemories(network), memories: result.memories, latches: result.latches, cells: result.cells };
  await writeFile(path.join(staging, 'synth', 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await rm(path.join(staging, 'synth', 'build'), { recursive: true, force: true });
  const dir = await moveIntoPlace(staging, out);
  if (report.memories < report.requiredMemories) {
    throw new FlexorError('SYNTH_FAILED', `yosys inferred ${report.memories} memories in ${output.top}, expected at least ${report.requiredMemories}; see ${path.join(dir, 'synth', 'report.json')}`);
  }
  return { report, dir, network };
}
