// The float reference of a config: real weights (sum of alpha * b), real biases, and the
// activation quantization the hardware applies (inputs are integers times their scale, and a
// requantized output is clamp(roundHalfUp(x / scale)) * scale). It differs from the integer
// golden model only by the fixed-point conversion of alpha, bias and the requantization
// ratio, which is the error `flexor quantize` reports.

import type { DenseLayerSpec, NetworkSpec } from '../config/model.js';
import { activationRange } from '../quant/ranges.js';
import { roundHalfUp } from '../quant/rounding.js';
import { denseWeights } from './decrypt.js';

export class FloatLayer {
  private readonly weights: Float64Array;

  constructor(readonly spec: DenseLayerSpec) {
    this.weights = denseWeights(spec);
  }

  /** Real outputs for real inputs; requantized layers return values on their output grid. */
  forward(input: ArrayLike<number>): Float64Array {
    const { inFeatures, outFeatures, output, activation } = this.spec;
    const result = new Float64Array(outFeatures);
    for (let o = 0; o < outFeatures; o += 1) {
      let sum = this.spec.bias[o]!;
      const row = o * inFeatures;
      for (let i = 0; i < inFeatures; i += 1) sum += this.weights[row + i]! * input[i]!;
      if (output === 'accumulator') {
        result[o] = sum;
        continue;
      }
      const range = activationRange(output);
      let code = roundHalfUp(sum / output.scale);
      if (activation === 'relu' && code < 0) code = 0;
      code = Math.min(Math.max(code, Number(range.min)), Number(range.max));
      result[o] = code * output.scale;
    }
    return result;
  }
}

export class FloatNetwork {
  readonly layers: FloatLayer[];

  constructor(readonly spec: NetworkSpec) {
    this.layers = spec.layers.map((layer) => new FloatLayer(layer));
  }

  /** Real outputs of the last layer for input integers (pixels). */
  forward(inputIntegers: ArrayLike<number>): Float64Array {
    let activations: ArrayLike<number> = Float64Array.from(inputIntegers, (a) => a * this.spec.input.scale);
    for (const layer of this.layers) activations = layer.forward(activations);
    return activations as Float64Array;
  }

  /** Index of the largest output, the lowest index on ties. */
  classify(inputIntegers: ArrayLike<number>): number {
    const outputs = this.forward(inputIntegers);
    let best = 0;
    for (let i = 1; i < outputs.length; i += 1) if (outputs[i]! > outputs[best]!) best = i;
    return best;
  }
}
