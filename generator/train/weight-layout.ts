// Mapping between a config's flattened weight order (docs/config.md) and the trainer's
// input-major storage w[i * outFeatures + o].

import type { WeightOrder } from '../config/model.js';
import { weightIndex } from '../golden/decrypt.js';

/** storage[e] = input-major position of element e of the flattened order, for every weight e. */
export function storageIndex(order: WeightOrder, inFeatures: number, outFeatures: number): Int32Array {
  const map = new Int32Array(inFeatures * outFeatures);
  for (let o = 0; o < outFeatures; o += 1) {
    for (let i = 0; i < inFeatures; i += 1) map[weightIndex(order, inFeatures, outFeatures, o, i)] = i * outFeatures + o;
  }
  return map;
}
