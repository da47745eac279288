import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { readInputVectors } from '../../data/input-vectors.js';
import { GoldenNetwork } from '../../golden/network.js';
import { checkInputVectors } from '../../sim/network/vectors.js';

export function registerInfer(program: Command): void {
  program
    .command('infer')
    .description('run the bit-exact integer golden model on input vectors and print outputs and class indices as JSON lines')
    .argument('<config>', 'model config (JSON, format version 1)')
    .argument('<inputs>', 'JSON file: an array of input vectors, each an array of input.features integers')
    .option('--trace', 'also print every layer\'s plane sums, accumulators and outputs', false)
    .action(async (configPath: string, inputsPath: string, options: { trace: boolean }) => {
      const network = await loadConfig(configPath);
      const inputs = await readInputVectors(inputsPath);
      checkInputVectors(network, inputs, inputsPath);
      const golden = new GoldenNetwork(network);
      const lines = inputs.map((input, index) => {
        const trace = golden.forward(input);
        const record: Record<string, unknown> = { index, class: trace.classIndex, output: trace.output.map(String) };
        if (options.trace) {
          record.layers = trace.layers.map((layer, l) => ({
            name: network.layers[l]!.name,
            planeSums: layer.planeSums,
            acc: layer.acc.map(String),
            output: layer.output.map(String),
          }));
        }
        return JSON.stringify(record);
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
