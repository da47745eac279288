// Golden decryption of weight planes. Slice s of a plane decrypts to weight bits
// s * nOut ... s * nOut + nOut - 1 in the layer's weight order. Bits past the last weight are
// ignored. Bit 1 is +1 and bit 0 is -1.

import type { DenseLayerSpec, PlaneSpec, WeightOrder } from '../config/model.js';
import { decryptSlice } from './xor-matrix.js';

/** Position of weight (o, i) in the flattened weight order. */
export function weightIndex(order: WeightOrder, inFeatures: number, outFeatures: number, o: number, i: number): number {
  return order === 'input-fastest' ? o * inFeatures + i : i * outFeatures + o;
}

/** Decrypts a plane into `weights` bits (0/1) in the flattened weight order. */
export function decryptPlaneBits(plane: PlaneSpec, weights: number): Uint8Array {
  const { nIn, nOut } = plane.decoder;
  const slices = Math.ceil(weights / nOut);
  const bits = new Uint8Array(slices * nOut);
  const y = new Uint8Array(nOut);
  for (let s = 0; s < slices; s += 1) {
    decryptSlice(plane.decoder, plane.encrypted.subarray(s * nIn, (s + 1) * nIn), y);
    bits.set(y, s * nOut);
  }
  return bits.subarray(0, weights);
}

/** Decrypts a plane into signs +1/-1 laid out as [o][i], whatever the config's weight order. */
export function planeSigns(layer: DenseLayerSpec, p: number): Int8Array {
  const { inFeatures, outFeatures, weightOrder } = layer;
  const bits = decryptPlaneBits(layer.planes[p]!, inFeatures * outFeatures);
  const signs = new Int8Array(inFeatures * outFeatures);
  for (let o = 0; o < outFeatures; o += 1) {
    for (let i = 0; i < inFeatures; i += 1) {
      signs[o * inFeatures + i] = bits[weightIndex(weightOrder, inFeatures, outFeatures, o, i)] ? 1 : -1;
    }
  }
  return signs;
}

/** Rebuilds the real weights w[o][i] = sum over planes of alpha[p][o] * b[p][o][i]. */
export function denseWeights(layer: DenseLayerSpec): Float64Array {
  const { inFeatures, outFeatures } = layer;
  const weights = new Float64Array(inFeatures * outFeatures);
  layer.planes.forEach((plane, p) => {
    const signs = planeSigns(layer, p);
    for (let o = 0; o < outFeatures; o += 1) {
      const alpha = plane.alpha[o]!;
      for (let i = 0; i < inFeatures; i += 1) weights[o * inFeatures + i]! += alpha * signs[o * inFeatures + i]!;
    }
  });
  return weights;
}
