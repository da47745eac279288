// Figures of a generated network that users compare across configs: weight memory, XOR
// gates, widths and ideal cycles. Written to report.json by `flexor gen` and used by the
// summaries of `flexor sim` and `flexor run`.

import type { DenseLayerSpec, NetworkSpec } from '../config/model.js';
import { decoderStats } from '../golden/decoder-stats.js';
import { quantizationError, type QuantizationError } from '../quant/error-report.js';
import { layerWidths } from '../quant/widths.js';
import { laneBanks, laneGeometry } from '../rtl/network/layout.js';
import { layerLoopSizes } from '../rtl/network/layer-view.js';

export interface LayerReport {
  name: string;
  inFeatures: number;
  outFeatures: number;
  weightOrder: string;
  pe: number;
  simd: number;
  planes: { decoder: string; nIn: number; nOut: number }[];
  /** Stored bits per weight: sum over planes of nIn / nOut. */
  bitsPerWeight: number;
  /** Bits of the encrypted streams as stored in the config. */
  streamBits: number;
  /** Bits of the weight ROMs, including slices stored once per row they serve. */
  weightMemoryBits: number;
  /** Bits of the scale ROM (alpha and bias codes). */
  scaleMemoryBits: number;
  /** Two-input XOR gates: one decoder per plane and lane. */
  xor2Gates: number;
  widths: { activation: number; group: number; plane: number; alpha: number; bias: number; accumulator: number; output: number };
  /** ceil(out / PE) * ceil(in / SIMD) * A cycles per vector. */
  idealCycles: number;
  quantization: QuantizationError;
}

export interface NetworkReport {
  network: string;
  source: string;
  configHash: string;
  layers: LayerReport[];
  totals: {
    weights: number;
    streamBits: number;
    weightMemoryBits: number;
    scaleMemoryBits: number;
    xor2Gates: number;
    /** Ideal cycles per vector of the slowest layer: the pipeline's ideal interval. */
    idealIntervalCycles: number;
    /** Sum of the layers' ideal cycles: the ideal latency without streaming. */
    idealLatencyCycles: number;
  };
}

function layerReport(layer: DenseLayerSpec): LayerReport {
  const widths = layerWidths(layer);
  const geometry = laneGeometry(layer);
  const { words, blocks } = layerLoopSizes(layer);
  const weights = layer.inFeatures * layer.outFeatures;
  let streamBits = 0;
  let weightMemoryBits = 0;
  let xor2Gates = 0;
  for (const plane of layer.planes) {
    const { nIn, nOut } = plane.decoder;
    streamBits += Math.ceil(weights / nOut) * nIn;
    for (const bank of laneBanks(geometry, nOut)) weightMemoryBits += bank.slices.length * nIn;
    xor2Gates += geometry.lanes * decoderStats(plane.decoder).xor2Gates;
  }
  return {
    name: layer.name,
    inFeatures: layer.inFeatures,
    outFeatures: layer.outFeatures,
    weightOrder: layer.weightOrder,
    pe: layer.hardware.pe,
    simd: layer.hardware.simd,
    planes: layer.planes.map((p) => ({ decoder: p.decoder.name, nIn: p.decoder.nIn, nOut: p.decoder.nOut })),
    bitsPerWeight: layer.planes.reduce((sum, p) => sum + p.decoder.nIn / p.decoder.nOut, 0),
    streamBits,
    weightMemoryBits,
    scaleMemoryBits: layer.outFeatures * (widths.biasWidth + layer.planes.length * widths.alphaWidth),
    xor2Gates,
    widths: {
      activation: layer.input.bits,
      group: widths.groupWidth,
      plane: widths.planeWidth,
      alpha: widths.alphaWidth,
      bias: widths.biasWidth,
      accumulator: widths.accWidth,
      output: layer.output === 'accumulator' ? widths.accWidth : layer.output.bits,
    },
    idealCycles: words * blocks * layer.input.bits,
    quantization: quantizationError(layer),
  };
}

export function networkReport(network: NetworkSpec): NetworkReport {
  const layers = network.layers.map(layerReport);
  const sum = (pick: (l: LayerReport) => number) => layers.reduce((total, l) => total + pick(l), 0);
  return {
    network: network.name,
    source: network.source,
    configHash: network.hash,
    layers,
    totals: {
      weights: sum((l) => l.inFeatures * l.outFeatures),
      streamBits: sum((l) => l.streamBits),
      weightMemoryBits: sum((l) => l.weightMemoryBits),
      scaleMemoryBits: sum((l) => l.scaleMemoryBits),
      xor2Gates: sum((l) => l.xor2Gates),
      idealIntervalCycles: Math.max(...layers.map((l) => l.idealCycles)),
      idealLatencyCycles: sum((l) => l.idealCycles),
    },
  };
}
