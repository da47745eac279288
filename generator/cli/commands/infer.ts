import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config/load.js';
import { FlexorError } from '../../errors.js';
import { GoldenNetwork } from '../../golden/network.js';
import { checkInputVectors } from '../../sim/network/vectors.js';

/** Reads input vectors from JSON: an array of integer arrays, or {"inputs": [...]}. */
export async function readInputVectors(file: string, features: number): Promise<number[][]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FlexorError('USAGE', `cannot read input vectors from ${file}: ${(error as Error).message}. Give a JSON array of integer arrays.`);
  }
  const vectors = Array.isArray(value) ? value : (value as { inputs?: unknown })?.inputs;
  if (!Array.isArray(vectors) || vectors.length === 0) {
    throw new FlexorError('USAGE', `${file}: expected a non-empty JSON array of input vectors, or an object with an "inputs" array`);
  }
  vectors.forEach((vector, v) => {
    if (!Array.isArray(vector) || vector.length !== features) {
      throw new FlexorError('USAGE', `${file}: input vector ${v} must be an array of ${features} integers (the network's input.features)`);
    }
    const bad = vector.findIndex((a) => !Number.isInteger(a));
    if (bad >= 0) throw new FlexorError('USAGE', `${file}: input vector ${v}, element ${bad} is ${JSON.stringify(vector[bad])}; expected an integer`);
  });
  return vectors as number[][];
}

export function registerInfer(program: Command): void {
  program
    .command('infer')
    .description('run the bit-exact integer golden model on input vectors and print outputs and class indices as JSON lines')
    .argument('<config>', 'model config (JSON, format version 1)')
    .argument('<inputs>', 'JSON file: an array of input vectors, each an array of input.features integers')
    .option('--trace', 'also print every layer\'s plane sums, accumulators and outputs', false)
    .action(async (configPath: string, inputsPath: string, options: { trace: boolean }) => {
      const network = await loadConfig(configPath);
      const inputs = await readInputVectors(inputsPath, network.input.features);
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
