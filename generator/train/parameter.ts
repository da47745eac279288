// A trainable tensor with its gradient. The kind tells the optimizer which extra rules apply
// (latent encrypted weights may be clipped to the range where tanh still has a slope).

export type ParameterKind = 'latent' | 'alpha' | 'bias' | 'weight';

export interface Parameter {
  /** Name for messages and tests, such as `fc1.p0.latent`. */
  readonly name: string;
  readonly kind: ParameterKind;
  readonly value: Float64Array;
  /** Gradient of the loss with respect to `value`, accumulated by backward passes. */
  readonly grad: Float64Array;
}

export function createParameter(name: string, kind: ParameterKind, size: number): Parameter {
  return { name, kind, value: new Float64Array(size), grad: new Float64Array(size) };
}
