// How far a layer's integers are from its real values: the error that converting alpha, bias
// and the requantization ratio to fixed point adds on top of the float model.

import type { DenseLayerSpec } from '../config/model.js';

export interface QuantizationError {
  layer: string;
  alphaFracBits: number;
  /** Largest |alphaQ / 2^F - alpha|, in real units. */
  alphaAbsolute: number;
  /** Largest |alphaQ / 2^F - alpha| / |alpha| over the alphas of at least one code step (2^-F). */
  alphaRelative: number;
  /** Largest |biasQ * inputScale / 2^F - bias|, in real units. */
  biasAbsolute: number;
  /** |M / 2^S - ratio| / ratio, where ratio = inputScale / (2^F * outputScale); absent for accumulator outputs. */
  requantRelative?: number;
}

export function quantizationError(layer: DenseLayerSpec): QuantizationError {
  const { alphaFracBits, alphaQ, biasQ, requant } = layer.integer;
  const scale = 2 ** alphaFracBits;
  let alphaAbsolute = 0;
  let alphaRelative = 0;
  layer.planes.forEach((plane, p) => {
    plane.alpha.forEach((alpha, o) => {
      const error = Math.abs(alphaQ[p]![o]! / scale - alpha);
      alphaAbsolute = Math.max(alphaAbsolute, error);
      if (Math.abs(alpha) >= 1 / scale) alphaRelative = Math.max(alphaRelative, error / Math.abs(alpha));
    });
  });
  let biasAbsolute = 0;
  layer.bias.forEach((bias, o) => {
    biasAbsolute = Math.max(biasAbsolute, Math.abs((biasQ[o]! * layer.input.scale) / scale - bias));
  });
  const result: QuantizationError = { layer: layer.name, alphaFracBits, alphaAbsolute, alphaRelative, biasAbsolute };
  if (requant !== undefined && layer.output !== 'accumulator') {
    const ratio = layer.input.scale / (scale * layer.output.scale);
    result.requantRelative = Math.abs(requant.multiplier / 2 ** requant.shift - ratio) / ratio;
  }
  return result;
}
