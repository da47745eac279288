import { Option, type Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { simulateNetwork } from '../../pipeline/simulate.js';
import { layerCycles, outputInterval } from '../../report/cycles.js';
import { randomInputs } from '../../sim/network/vectors.js';
import type { Simulator } from '../../sim/run.js';
import { fractionOption, integerOption, simulatorsOption } from '../options.js';
import { readInputVectors } from '../../data/input-vectors.js';
import { registerDecoderSims } from './sim-decoder.js';

interface SimOptions {
  simulator: Simulator[];
  vectors: number;
  seed: number;
  inputs?: string;
  inputGap: number;
  outputGap: number;
  out?: string;
  timeout: number;
}

export function registerSim(program: Command): void {
  // Options written after `decoder` or `decoders` belong to that subcommand, not to `sim`.
  const sim = program
    .command('sim')
    .enablePositionalOptions()
    .description('generate the network and a self-checking testbench, run it on Icarus and Verilator, and compare every output with the golden model')
    .argument('<config>', 'model config (JSON, format version 1)')
    .addOption(new Option('--simulator <name>', 'icarus, verilator or both').argParser(simulatorsOption).default(['icarus', 'verilator'], 'both'))
    .option('--vectors <n>', 'random input vectors; the first two are all-minimum and all-maximum', integerOption(1, 100_000), 20)
    .option('--seed <n>', 'seed of the random inputs and stall patterns', integerOption(0, 2 ** 31 - 1), 1)
    .option('--inputs <file>', 'JSON file of input vectors to use instead of random ones')
    .option('--input-gap <p>', 'probability that the input stream pauses in a cycle', fractionOption, 0)
    .option('--output-gap <p>', 'probability that the output stream is not ready in a cycle', fractionOption, 0)
    .option('-o, --out <dir>', 'keep the bench (RTL, memories, testbench, logs) in this directory')
    .option('--timeout <seconds>', 'limit for each simulator, build and run together', integerOption(1, 86_400), 600)
    .action(async (configPath: string, options: SimOptions) => {
      const network = await loadConfig(configPath);
      const inputs = options.inputs !== undefined ? await readInputVectors(options.inputs) : randomInputs(network, options.vectors, options.seed);
      const result = await simulateNetwork(network, {
        simulators: options.simulator,
        inputs,
        inputSource: options.inputs ?? `random inputs (seed ${options.seed})`,
        inputFiles: [network.source, ...(options.inputs !== undefined ? [options.inputs] : [])],
        stalls: { inputGap: options.inputGap, outputGap: options.outputGap, seed: options.seed, length: 251 },
        timeoutMs: options.timeout * 1000,
        ...(options.out !== undefined && { out: options.out }),
      });

      const lines: string[] = [];
      for (const run of result.runs) {
        const caseResult = run.results.get(network.name)!;
        const interval = outputInterval(caseResult);
        const ideal = result.report.totals.idealIntervalCycles;
        const stalled = options.inputGap > 0 || options.outputGap > 0;
        let rate = '';
        // Under stalls the stream, not the hardware, sets the pace, so no rate is reported.
        if (stalled) rate = ', stalls on (no cycles per vector reported)';
        else if (interval !== undefined) rate = `, ${interval.toFixed(1)} cycles per vector (ideal ${ideal}, ${((ideal / interval) * 100).toFixed(1)}%)`;
        lines.push(`${run.simulator}: PASS, ${caseResult.outputs} outputs of ${caseResult.vectors} vectors bit-exact, ${caseResult.cycles} cycles in all${rate}, ${run.seconds.toFixed(1)} s`);
        for (const layer of layerCycles(result.report, caseResult)) {
          lines.push(`  ${layer.name}: busy ${layer.busyCycles.toFixed(1)} cycles per vector, ideal ${layer.idealCycles} (${(layer.efficiency * 100).toFixed(1)}%)`);
        }
      }
      if (result.dir !== undefined) lines.push(`bench in ${result.dir}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  registerDecoderSims(sim);
}
