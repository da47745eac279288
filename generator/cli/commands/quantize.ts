import type { Command } from 'commander';
import { formatConfig } from '../../config/format.js';
import { loadConfig, validateConfigValue } from '../../config/load.js';
import { parseConfigText, readConfigText } from '../../config/parse.js';
import { withIntegers } from '../../config/with-integers.js';
import { writeFileAtomic } from '../../emit/write-file.js';
import { quantizationError } from '../../quant/error-report.js';

export function registerQuantize(program: Command): void {
  program
    .command('quantize')
    .description('write a copy of a config with every hardware integer (alphaQ, biasQ, M, S) filled in')
    .argument('<config>', 'model config (JSON, format version 1)')
    .requiredOption('-o, --output <file>', 'config file to write')
    .action(async (configPath: string, options: { output: string }) => {
      const network = await loadConfig(configPath);
      const doc = validateConfigValue(parseConfigText(await readConfigText(configPath), network.source), network.source);
      await writeFileAtomic(options.output, formatConfig(withIntegers(doc, network)));

      const lines = [`wrote ${options.output}`];
      for (const layer of network.layers) {
        const error = quantizationError(layer);
        const requant = error.requantRelative === undefined ? '' : `, M/2^S relative error ${error.requantRelative.toExponential(2)}`;
        lines.push(
          `  ${layer.name}: F = ${error.alphaFracBits}, alpha error <= ${error.alphaAbsolute.toExponential(2)} ` +
            `(relative ${error.alphaRelative.toExponential(2)}), bias error <= ${error.biasAbsolute.toExponential(2)}${requant}` +
            (layer.integer.fromConfig ? ' (integers were already in the config)' : ''),
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
