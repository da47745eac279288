// Accuracy of the float model (with fake quantization where the hardware quantizes) and of
// the integer golden model on a set of images.

import type { NetworkSpec } from '../config/model.js';
import type { ImageSet } from '../data/dataset.js';
import { GoldenNetwork } from '../golden/network.js';
import { fillInput, type Mlp } from './mlp.js';

const EVAL_BATCH = 500;

/** Class index of every image under the float model; weights must be built. */
export function predictFloat(model: Mlp, set: ImageSet): Uint8Array {
  const { features, classes } = model.options;
  const predictions = new Uint8Array(set.count);
  const indices = Array.from({ length: set.count }, (_, k) => k);
  for (let from = 0; from < set.count; from += EVAL_BATCH) {
    const batch = Math.min(EVAL_BATCH, set.count - from);
    fillInput(set.pixels, features, indices, from, batch, model.input(batch));
    const logits = model.forward(batch, false);
    for (let b = 0; b < batch; b += 1) {
      let best = 0;
      for (let c = 1; c < classes; c += 1) if (logits[b * classes + c]! > logits[b * classes + best]!) best = c;
      predictions[from + b] = best;
    }
  }
  return predictions;
}

/** Class index of every image under the integer golden model of an exported config. */
export function predictGolden(spec: NetworkSpec, set: ImageSet): Uint8Array {
  const golden = new GoldenNetwork(spec);
  const features = spec.input.features;
  const predictions = new Uint8Array(set.count);
  for (let k = 0; k < set.count; k += 1) {
    predictions[k] = golden.forward(set.pixels.subarray(k * features, (k + 1) * features)).classIndex;
  }
  return predictions;
}

export function accuracy(predictions: Uint8Array, labels: Uint8Array): number {
  let correct = 0;
  for (let k = 0; k < predictions.length; k += 1) if (predictions[k] === labels[k]) correct += 1;
  return predictions.length === 0 ? 0 : correct / predictions.length;
}
