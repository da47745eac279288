// Adds the integer blocks the loader derived to a config document, so that the numbers the
// hardware uses are written down and fixed (`flexor quantize`).

import type { NetworkSpec } from './model.js';
import type { ConfigDocument } from './schema.js';

export function withIntegers(doc: ConfigDocument, network: NetworkSpec): ConfigDocument {
  return {
    ...doc,
    layers: doc.layers.map((layer, i) => {
      const integer = network.layers[i]!.integer;
      return {
        ...layer,
        integer: {
          alphaFracBits: integer.alphaFracBits,
          alphaQ: integer.alphaQ.map((row) => [...row]),
          biasQ: [...integer.biasQ],
          ...(integer.requant && { multiplier: integer.requant.multiplier, shift: integer.requant.shift }),
        },
      };
    }),
  };
}
