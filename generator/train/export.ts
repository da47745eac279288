// Export of a trained FleXOR MLP as a model config (docs/config.md), with the integer block
// of every layer written out so that the file fixes every number the hardware uses.

import { buildConfigDocument, type DecoderInput, type LayerInput } from '../config/document.js';
import { loadConfigValue } from '../config/load.js';
import type { NetworkSpec } from '../config/model.js';
import type { ConfigDocument } from '../config/schema.js';
import { FlexorError } from '../errors.js';
import { FlexorDense } from './flexor-dense.js';
import { ACTIVATION_BITS } from './quantized-relu.js';
import { INPUT_SCALE, type Mlp } from './mlp.js';

export interface Folding {
  readonly pe?: number;
  readonly simd?: number;
}

export interface ExportRequest {
  readonly name: string;
  readonly model: Mlp;
  /** Folding per layer, copied into each layer's `hardware` field when given. */
  readonly hardware?: readonly (Folding | undefined)[];
}

export function decoderName(layer: string, plane: number): string {
  return `${layer}_xor${plane}`;
}

function flexorLayers(model: Mlp): FlexorDense[] {
  return model.layers.map((layer) => {
    if (!(layer instanceof FlexorDense)) throw new FlexorError('INTERNAL', `layer ${layer.name} has float weights and cannot be exported as a FleXOR config`);
    return layer;
  });
}

function layerInput(model: Mlp, layer: FlexorDense, l: number, folding: Folding | undefined): LayerInput {
  const last = l === model.layers.length - 1;
  const planes = Array.from({ length: layer.q }, (_, p) => ({
    decoder: decoderName(layer.name, p),
    alpha: Array.from(layer.alpha(p)),
    encrypted: layer.encryptedBits(p),
  }));
  return {
    name: layer.name,
    inFeatures: layer.inFeatures,
    outFeatures: layer.outFeatures,
    weightOrder: layer.weightOrder,
    planes,
    bias: Array.from(layer.bias.value),
    activation: last ? 'none' : 'relu',
    output: last ? 'accumulator' : { bits: ACTIVATION_BITS, signed: false, scale: model.relus[l]!.scale },
    ...(folding !== undefined && { hardware: { ...folding } }),
  };
}

/**
 * Builds the config document of a trained model, derives its integers with the loader's own
 * rules and writes them into each layer's `integer` block. Returns the document and the
 * network it loads as.
 */
export function exportConfig(request: ExportRequest, source: string): { document: ConfigDocument; spec: NetworkSpec } {
  const { model } = request;
  const layers = flexorLayers(model);
  const decoders: DecoderInput[] = layers.flatMap((layer) =>
    Array.from({ length: layer.q }, (_, p) => {
      const matrix = layer.matrix(p);
      return { name: decoderName(layer.name, p), nIn: matrix.nIn, nOut: matrix.nOut, rows: matrix.rows };
    }),
  );
  const document = buildConfigDocument({
    name: request.name,
    decoders,
    input: { features: model.options.features, bits: 8, signed: false, scale: INPUT_SCALE },
    layers: layers.map((layer, l) => layerInput(model, layer, l, request.hardware?.[l])),
  });

  const derived = loadConfigValue(document, source);
  document.layers.forEach((layer, l) => {
    const integer = derived.layers[l]!.integer;
    layer.integer = {
      alphaFracBits: integer.alphaFracBits,
      alphaQ: integer.alphaQ.map((row) => [...row]),
      biasQ: [...integer.biasQ],
      ...(integer.requant !== undefined && { multiplier: integer.requant.multiplier, shift: integer.requant.shift }),
    };
  });
  return { document, spec: loadConfigValue(document, source) };
}
