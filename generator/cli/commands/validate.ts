import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { decoderStats } from '../../golden/decoder-stats.js';
import { driftWarnings } from '../../quant/drift.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a model config and print a summary of its layers and decoders')
    .argument('<config>', 'model config (JSON, format version 1)')
    .action(async (configPath: string) => {
      const network = await loadConfig(configPath);
      const lines = [`${network.source}: valid, network ${network.name}, config hash ${network.hash}`];
      for (const d of network.decoders) {
        const stats = decoderStats(d);
        lines.push(`  decoder ${d.name}: ${d.nIn} -> ${d.nOut}, ${stats.xor2Gates} XOR2 gates, depth ${stats.depth}, rank ${stats.rank}`);
      }
      for (const layer of network.layers) {
        const bits = layer.planes.reduce((sum, p) => sum + p.decoder.nIn / p.decoder.nOut, 0);
        lines.push(
          `  layer ${layer.name}: ${layer.inFeatures} -> ${layer.outFeatures}, q = ${layer.planes.length}, ${bits.toFixed(3)} bits/weight, ` +
            `pe ${layer.hardware.pe}, simd ${layer.hardware.simd}, integers ${layer.integer.fromConfig ? 'from config' : 'derived'}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      for (const warning of driftWarnings(network.layers, network.source)) process.stderr.write(`flexor: warning: ${warning}\n`);
    });
}
