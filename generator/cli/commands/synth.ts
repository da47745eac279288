import { Option, type Command } from 'commander';
import { displayPath } from '../../config/load.js';
import { synthesizeFromConfig } from '../../pipeline/synth.js';
import type { SynthFlow } from '../../synth/yosys.js';

export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description('generate the network into DIR and synthesize it with Yosys: no latches, every ROM and buffer inferred as memory; cell counts in DIR/synth/report.json')
    .argument('<config>', 'model config (JSON, format version 1)')
    .requiredOption('-o, --out <dir>', 'output directory: the files of flexor gen plus synth/')
    .addOption(new Option('--flow <flow>', 'full: generic synthesis to gates; coarse: stop before memory and gate mapping; elaborate: processes and memories only').choices(['full', 'coarse', 'elaborate']).default('full'))
    .action(async (configPath: string, options: { out: string; flow: SynthFlow }) => {
      const { report, dir } = await synthesizeFromConfig(configPath, options.out, options.flow);
      const cells = Object.entries(report.cells)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 8)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ');
      process.stdout.write(
        `${report.top}: ${report.memories} memories inferred (at least ${report.requiredMemories} required), ${report.latches} latches, ${report.flow} flow\n` +
          `  cells: ${cells}\n  report in ${displayPath(dir)}/synth/report.json; repeat with: cd ${displayPath(dir)} && yosys -s synth/${report.top}.ys\n`,
      );
    });
}
