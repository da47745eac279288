// The two kinds of trainable dense layer. Both expose their real weights in input-major order
// (w[i * outFeatures + o]) for the kernels in matmul.ts; they differ in where the weights come
// from: a float layer learns them directly, a FleXOR layer decrypts them from latent bits.

import type { Parameter } from './parameter.js';

/** Settings of one forward/backward pass that the weight construction depends on. */
export interface PassContext {
  /** Slope factor of the tanh that stands in for sign() in the backward pass. */
  readonly sTanh: number;
  /** Use tanh(S_tanh * l) in the forward pass too (gradient checks only). */
  readonly relaxed: boolean;
}

export interface DenseLayer {
  readonly name: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** Real weights, input-major; valid after `buildWeights`. */
  readonly weights: Float64Array;
  readonly bias: Parameter;
  /** Computes `weights` from the layer's parameters. */
  buildWeights(context: PassContext): void;
  /** Adds the parameter gradients that follow from d loss / d weights (input-major). */
  backwardWeights(weightGrad: Float64Array, context: PassContext): void;
  parameters(): Parameter[];
}
