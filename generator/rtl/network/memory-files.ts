// Contents of a network's memory files: one bank per (layer, plane, lane) with the encrypted
// slices, and one scale ROM per layer with {biasQ, alphaQ[q-1], ..., alphaQ[0]} per output.

import type { DenseLayerSpec, NetworkSpec } from '../../config/model.js';
import { layerWidths } from '../../quant/widths.js';
import { memoryFile } from '../../emit/hex.js';
import { laneBanks, laneGeometry, sliceWord } from './layout.js';
import { laneMemoryFile, scaleMemoryFile } from './names.js';

function packFields(fields: readonly { value: bigint; width: number }[]): bigint {
  let word = 0n;
  let offset = 0n;
  for (const { value, width } of fields) {
    const mask = (1n << BigInt(width)) - 1n;
    word |= (value & mask) << offset;
    offset += BigInt(width);
  }
  return word;
}

export function layerMemoryFiles(layer: DenseLayerSpec): Map<string, string> {
  const files = new Map<string, string>();
  const geometry = laneGeometry(layer);
  layer.planes.forEach((plane, p) => {
    for (const bank of laneBanks(geometry, plane.decoder.nOut)) {
      const words = bank.slices.map((s) => sliceWord(plane, s));
      files.set(laneMemoryFile(layer.name, p, bank.lane), memoryFile(words, plane.decoder.nIn));
    }
  });

  const widths = layerWidths(layer);
  const scaleWidth = widths.biasWidth + layer.planes.length * widths.alphaWidth;
  const scale = [];
  for (let o = 0; o < layer.outFeatures; o += 1) {
    const fields = layer.integer.alphaQ.map((row) => ({ value: BigInt(row[o]!), width: widths.alphaWidth }));
    fields.push({ value: BigInt(layer.integer.biasQ[o]!), width: widths.biasWidth });
    scale.push(packFields(fields));
  }
  files.set(scaleMemoryFile(layer.name), memoryFile(scale, scaleWidth));
  return files;
}

export function networkMemoryFiles(network: NetworkSpec): Map<string, string> {
  const files = new Map<string, string>();
  for (const layer of network.layers) for (const [name, text] of layerMemoryFiles(layer)) files.set(name, text);
  return files;
}
