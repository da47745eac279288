import type { Command } from 'commander';
import { displayPath } from '../../config/load.js';
import { generateFromConfig } from '../../pipeline/generate.js';

export function registerGen(program: Command): void {
  program
    .command('gen')
    .description('generate the Verilog modules of a model config into DIR')
    .argument('<config>', 'model config (JSON, format version 1)')
    .requiredOption('-o, --out <dir>', 'output directory; replaced as a whole, never left half-written')
    .option('--lint', 'lint every module with Verilator and Icarus (-Wall) before writing', false)
    .action(async (configPath: string, options: { out: string; lint: boolean }) => {
      const result = await generateFromConfig(configPath, options.out, { lint: options.lint });
      const lines = [`${result.network.source}: ${result.modules.length} module(s) in ${displayPath(result.dir)}, config hash ${result.network.hash}`];
      for (const generated of result.modules) lines.push(...generated.summary.map((line) => `  ${line}`));
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
