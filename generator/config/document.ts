// Building a config document in code: used by the trainer's export and by tests that need
// configs. The result still goes through validation when it is loaded.

import type { ActivationFormat, Activation, WeightOrder } from './model.js';
import { FORMAT_NAME, FORMAT_VERSION } from './limits.js';
import { packBits } from './normalize.js';
import type { ConfigDocument } from './schema.js';
import { rowString } from '../golden/xor-matrix.js';

export interface DecoderInput {
  name: string;
  nIn: number;
  nOut: number;
  /** Tap list per output bit. */
  rows: readonly (readonly number[])[];
}

export interface PlaneInput {
  decoder: string;
  alpha: readonly number[];
  /** One 0/1 entry per encrypted bit. */
  encrypted: ArrayLike<number>;
}

export interface LayerInput {
  name: string;
  inFeatures: number;
  outFeatures: number;
  weightOrder: WeightOrder;
  planes: readonly PlaneInput[];
  bias?: readonly number[];
  activation: Activation;
  output: ActivationFormat | 'accumulator';
  hardware?: { pe?: number; simd?: number };
}

export interface NetworkInput {
  name: string;
  decoders: readonly DecoderInput[];
  input: ActivationFormat & { features: number };
  layers: readonly LayerInput[];
  training?: Record<string, unknown>;
}

export function buildConfigDocument(network: NetworkInput): ConfigDocument {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    name: network.name,
    decoders: network.decoders.map((d) => ({
      name: d.name,
      nIn: d.nIn,
      nOut: d.nOut,
      rows: d.rows.map((taps) => rowString(taps, d.nIn)),
    })),
    input: { features: network.input.features, bits: network.input.bits, signed: network.input.signed, scale: network.input.scale },
    layers: network.layers.map((layer) => ({
      name: layer.name,
      type: 'dense' as const,
      inFeatures: layer.inFeatures,
      outFeatures: layer.outFeatures,
      weightOrder: layer.weightOrder,
      planes: layer.planes.map((plane) => ({
        decoder: plane.decoder,
        alpha: [...plane.alpha],
        encrypted: { bits: plane.encrypted.length, hex: packBits(plane.encrypted) },
      })),
      ...(layer.bias !== undefined && { bias: [...layer.bias] }),
      activation: layer.activation,
      output: layer.output === 'accumulator' ? 'accumulator' : { ...layer.output },
      ...(layer.hardware !== undefined && { hardware: { ...layer.hardware } }),
    })),
    ...(network.training !== undefined && { training: network.training }),
  };
}
