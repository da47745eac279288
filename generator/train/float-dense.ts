// A dense layer with full-precision weights: the float baseline that FleXOR layers are
// compared against. It trains like the FleXOR layer but is not exported to hardware.

import type { DenseLayer, PassContext } from './dense-layer.js';
import { createParameter, type Parameter } from './parameter.js';
import type { Random } from '../random.js';

export class FloatDense implements DenseLayer {
  readonly weights: Float64Array;
  readonly bias: Parameter;
  private readonly weight: Parameter;

  constructor(
    readonly name: string,
    readonly inFeatures: number,
    readonly outFeatures: number,
    random: Random,
  ) {
    this.weight = createParameter(`${name}.weight`, 'weight', inFeatures * outFeatures);
    this.bias = createParameter(`${name}.bias`, 'bias', outFeatures);
    // He initialization for ReLU networks: variance 2 / fan-in.
    const std = Math.sqrt(2 / inFeatures);
    for (let k = 0; k < this.weight.value.length; k += 1) this.weight.value[k] = std * random.normal();
    this.weights = this.weight.value;
  }

  buildWeights(_context: PassContext): void {}

  backwardWeights(weightGrad: Float64Array, _context: PassContext): void {
    const grad = this.weight.grad;
    for (let k = 0; k < grad.length; k += 1) grad[k]! += weightGrad[k]!;
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }
}
