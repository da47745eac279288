import type { Command } from 'commander';
import { displayPath } from '../../config/load.js';
import { generateFromConfig } from '../../pipeline/generate.js';
import { formatNetworkSummary } from '../../report/summary.js';

export function registerGen(program: Command): void {
  program
    .command('gen')
    .description('generate the network\'s Verilog, memory files, file list and report into DIR')
    .argument('<config>', 'model config (JSON, format version 1)')
    .requiredOption('-o, --out <dir>', 'output directory; replaced as a whole, never left half-written')
    .option('--lint', 'lint the network with Verilator and Icarus (-Wall) before writing', false)
    .action(async (configPath: string, options: { out: string; lint: boolean }) => {
      const result = await generateFromConfig(configPath, options.out, { lint: options.lint });
      const lines = [
        `${result.network.source}: ${result.rtl.size} modules and ${result.memories.size} memory files in ${displayPath(result.dir)}, config hash ${result.network.hash}`,
        ...formatNetworkSummary(result.report),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
