// Builds the NetworkSpec from a config document that passed the schema and the rules:
// resolves decoder names, unpacks bit streams, fills defaults and derives missing integers.

import { ConfigError, type ConfigIssue } from '../errors.js';
import { DerivationError, deriveIntegers } from '../quant/derive.js';
import type { ActivationFormat, DecoderSpec, DenseLayerSpec, HardwareFolding, LayerIntegers, NetworkSpec, PlaneSpec } from './model.js';
import { decoderTaps } from './rules.js';
import type { ConfigDocument, DenseLayerDocument } from './schema.js';

/** Default inputs per cycle of a processing element. */
export const DEFAULT_SIMD = 16;
/** Default number of processing elements. */
export const DEFAULT_PE = 4;

/** Unpacks a hex stream: bit k is bit (k mod 8) of byte floor(k / 8). */
export function unpackBits(hex: string, bits: number): Uint8Array {
  const out = new Uint8Array(bits);
  for (let k = 0; k < bits; k += 1) {
    const byte = Number.parseInt(hex.substr((k >> 3) * 2, 2), 16);
    out[k] = (byte >> (k & 7)) & 1;
  }
  return out;
}

/** Packs 0/1 entries into the hex form that `unpackBits` reads. */
export function packBits(bits: ArrayLike<number>): string {
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  for (let k = 0; k < bits.length; k += 1) {
    if (bits[k]) bytes[k >> 3]! |= 1 << (k & 7);
  }
  return Buffer.from(bytes).toString('hex');
}

export function defaultFolding(layer: Pick<DenseLayerDocument, 'inFeatures' | 'outFeatures' | 'hardware'>): HardwareFolding {
  return {
    pe: layer.hardware?.pe ?? Math.min(DEFAULT_PE, layer.outFeatures),
    simd: layer.hardware?.simd ?? Math.min(DEFAULT_SIMD, layer.inFeatures),
  };
}

function layerIntegers(layer: DenseLayerDocument, input: ActivationFormat, bias: readonly number[], path: string): LayerIntegers {
  const block = layer.integer;
  if (block !== undefined) {
    const requant = block.multiplier !== undefined && block.shift !== undefined ? { multiplier: block.multiplier, shift: block.shift } : undefined;
    return { alphaFracBits: block.alphaFracBits, alphaQ: block.alphaQ, biasQ: block.biasQ, ...(requant && { requant }), fromConfig: true };
  }
  const derived = deriveIntegers({ alpha: layer.planes.map((p) => p.alpha), bias, input, output: layer.output }, path);
  return { ...derived, fromConfig: false };
}

export function normalizeConfig(doc: ConfigDocument, source: string, hash: string): NetworkSpec {
  const decoders = new Map<string, DecoderSpec>();
  for (const d of doc.decoders) {
    decoders.set(d.name, { name: d.name, nIn: d.nIn, nOut: d.nOut, rows: decoderTaps(d)! });
  }

  const issues: ConfigIssue[] = [];
  const layers: DenseLayerSpec[] = [];
  let input: ActivationFormat = { bits: doc.input.bits, signed: doc.input.signed, scale: doc.input.scale };
  doc.layers.forEach((layer, index) => {
    const path = `layers[${index}]`;
    const planes: PlaneSpec[] = layer.planes.map((plane) => ({
      decoder: decoders.get(plane.decoder)!,
      alpha: plane.alpha,
      encrypted: unpackBits(plane.encrypted.hex, plane.encrypted.bits),
    }));
    const bias = layer.bias ?? new Array<number>(layer.outFeatures).fill(0);
    try {
      const integer = layerIntegers(layer, input, bias, path);
      layers.push({
        name: layer.name,
        index,
        inFeatures: layer.inFeatures,
        outFeatures: layer.outFeatures,
        weightOrder: layer.weightOrder,
        planes,
        bias,
        activation: layer.activation,
        input,
        output: layer.output,
        integer,
        hardware: defaultFolding(layer),
      });
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      issues.push({ path: error.field, value: error.value, expected: error.expected, fix: error.fix });
    }
    if (layer.output !== 'accumulator') input = layer.output;
  });
  if (issues.length > 0) throw new ConfigError(source, issues);

  return {
    name: doc.name,
    decoders: [...decoders.values()],
    input: { ...doc.input },
    layers,
    hash,
    source,
    ...(doc.training !== undefined && { training: { ...(doc.training.dataset !== undefined && { dataset: doc.training.dataset }) } }),
  };
}
