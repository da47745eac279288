// Adam and SGD with momentum over a list of parameters. Both read the gradients the backward
// pass accumulated and then clear them.

import type { Parameter } from './parameter.js';

export type OptimizerName = 'adam' | 'sgd';

export interface Optimizer {
  /** Applies one update with learning rate `lr` and zeroes every gradient. */
  step(lr: number): void;
}

const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;
const SGD_MOMENTUM = 0.9;

class Adam implements Optimizer {
  private readonly first: Float64Array[];
  private readonly second: Float64Array[];
  private steps = 0;

  constructor(private readonly parameters: readonly Parameter[]) {
    this.first = parameters.map((p) => new Float64Array(p.value.length));
    this.second = parameters.map((p) => new Float64Array(p.value.length));
  }

  step(lr: number): void {
    this.steps += 1;
    const correction1 = 1 - ADAM_BETA1 ** this.steps;
    const correction2 = 1 - ADAM_BETA2 ** this.steps;
    const stepSize = (lr * Math.sqrt(correction2)) / correction1;
    this.parameters.forEach((parameter, n) => {
      const { value, grad } = parameter;
      const m = this.first[n]!;
      const v = this.second[n]!;
      for (let k = 0; k < value.length; k += 1) {
        const g = grad[k]!;
        m[k] = ADAM_BETA1 * m[k]! + (1 - ADAM_BETA1) * g;
        v[k] = ADAM_BETA2 * v[k]! + (1 - ADAM_BETA2) * g * g;
        value[k]! -= (stepSize * m[k]!) / (Math.sqrt(v[k]!) + ADAM_EPSILON);
      }
      grad.fill(0);
    });
  }
}

class SgdMomentum implements Optimizer {
  private readonly velocity: Float64Array[];

  constructor(private readonly parameters: readonly Parameter[]) {
    this.velocity = parameters.map((p) => new Float64Array(p.value.length));
  }

  step(lr: number): void {
    this.parameters.forEach((parameter, n) => {
      const { value, grad } = parameter;
      const velocity = this.velocity[n]!;
      for (let k = 0; k < value.length; k += 1) {
        velocity[k] = SGD_MOMENTUM * velocity[k]! + grad[k]!;
        value[k]! -= lr * velocity[k]!;
      }
      grad.fill(0);
    });
  }
}

export function createOptimizer(name: OptimizerName, parameters: readonly Parameter[]): Optimizer {
  return name === 'adam' ? new Adam(parameters) : new SgdMomentum(parameters);
}

/** Clips every latent to +-limit, the range where tanh(S_tanh * l) still has a slope. */
export function clipLatents(parameters: readonly Parameter[], limit: number): void {
  for (const parameter of parameters) {
    if (parameter.kind !== 'latent') continue;
    const value = parameter.value;
    for (let k = 0; k < value.length; k += 1) {
      if (value[k]! > limit) value[k] = limit;
      else if (value[k]! < -limit) value[k] = -limit;
    }
  }
}
