// Configs with random weights for hardware tests: a shape (sizes, decoders, folding) and a
// seed give the same decoders, encrypted bits, alphas and biases on every machine. The
// regression cases under rtl-tests/ are built from such shapes.

import { buildConfigDocument, type DecoderInput, type LayerInput } from './document.js';
import { loadConfigValue } from './load.js';
import type { ActivationFormat, NetworkSpec, WeightOrder } from './model.js';
import type { ConfigDocument } from './schema.js';
import { Random } from '../random.js';

export interface DecoderShape {
  name: string;
  nIn: number;
  nOut: number;
  /** Taps per row; every row gets this many distinct inputs (at most nIn). */
  taps?: number;
}

export interface LayerShape {
  name: string;
  outFeatures: number;
  planes: string[];
  weightOrder?: WeightOrder;
  output: ActivationFormat | 'accumulator';
  activation?: 'relu' | 'none';
  pe?: number;
  simd?: number;
  /** Alpha values are drawn uniformly from [-alphaSpread / 3, 2 * alphaSpread / 3). */
  alphaSpread?: number;
  /** Fill every encrypted bit with this value instead of random bits. */
  encryptedFill?: 0 | 1;
}

export interface NetworkShape {
  name: string;
  seed: number;
  decoders: DecoderShape[];
  input: ActivationFormat & { features: number };
  layers: LayerShape[];
}

export function randomTaps(random: Random, nIn: number, taps: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(taps, nIn)) chosen.add(random.integer(0, nIn - 1));
  return [...chosen].sort((a, b) => a - b);
}

export function networkDocument(shape: NetworkShape): ConfigDocument {
  const random = new Random(shape.seed);
  const decoders: DecoderInput[] = shape.decoders.map((d) => ({
    name: d.name,
    nIn: d.nIn,
    nOut: d.nOut,
    rows: Array.from({ length: d.nOut }, () => randomTaps(random, d.nIn, d.taps ?? 2)),
  }));
  let features = shape.input.features;
  const layers: LayerInput[] = shape.layers.map((l) => {
    const weights = features * l.outFeatures;
    const spread = l.alphaSpread ?? 1;
    const planes = l.planes.map((name) => {
      const d = decoders.find((x) => x.name === name)!;
      const bits = Math.ceil(weights / d.nOut) * d.nIn;
      return {
        decoder: name,
        alpha: Array.from({ length: l.outFeatures }, () => (random.uniform() - 1 / 3) * spread),
        encrypted: Array.from({ length: bits }, () => l.encryptedFill ?? random.integer(0, 1)),
      };
    });
    const layer: LayerInput = {
      name: l.name,
      inFeatures: features,
      outFeatures: l.outFeatures,
      weightOrder: l.weightOrder ?? 'input-fastest',
      planes,
      bias: Array.from({ length: l.outFeatures }, () => random.uniform() - 0.5),
      activation: l.output === 'accumulator' ? 'none' : (l.activation ?? 'relu'),
      output: l.output,
      ...((l.pe !== undefined || l.simd !== undefined) && { hardware: { pe: l.pe, simd: l.simd } }),
    };
    features = l.outFeatures;
    return layer;
  });
  return buildConfigDocument({ name: shape.name, decoders, input: shape.input, layers });
}

export function buildNetwork(shape: NetworkShape): NetworkSpec {
  return loadConfigValue(networkDocument(shape), `${shape.name}.json`);
}

