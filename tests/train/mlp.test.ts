import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../generator/train/loss.js';
import { Mlp, type MlpOptions } from '../../generator/train/mlp.js';
import type { Parameter } from '../../generator/train/parameter.js';

const batch = 3;
const labels = [2, 0, 1];
const context = { sTanh: 2, relaxed: true };

/** Builds a tiny network with real-valued inputs and plain ReLU, for the relaxed XOR forward pass. */
function tinyMlp(flexor: boolean): Mlp {
  const options: MlpOptions = {
    features: 6,
    classes: 3,
    hidden: [5],
    quantizeActivations: false,
    seed: 11,
    ...(flexor && { flexor: { q: 2, nIn: 3, nOut: 4, taps: 2, weightOrder: 'input-fastest' as const, latentInitStd: 0.3 } }),
  };
  const model = new Mlp(options);
  const input = model.input(batch);
  for (let k = 0; k < batch * 6; k += 1) input[k] = 0.5 + 0.4 * Math.sin(2.3 * k);
  // Nonzero biases so that their gradients are not trivially tied to the data.
  for (const parameter of model.parameters()) if (parameter.kind === 'bias') parameter.value.forEach((_, k) => (parameter.value[k] = 0.05 * (k - 2)));
  return model;
}

function loss(model: Mlp): number {
  model.buildWeights(context);
  const logits = model.forward(batch, false);
  return softmaxCrossEntropy(logits, labels, batch, 3, new Float64Array(batch * 3)).lossSum / batch;
}

function analyticGradients(model: Mlp): Map<string, Float64Array> {
  model.buildWeights(context);
  const logits = model.forward(batch, false);
  const grad = new Float64Array(batch * 3);
  softmaxCrossEntropy(logits, labels, batch, 3, grad);
  model.backward(grad, batch, context);
  return new Map(model.parameters().map((p) => [p.name, Float64Array.from(p.grad)]));
}

function checkParameter(model: Mlp, parameter: Parameter, analytic: Float64Array): void {
  const h = 1e-6;
  for (let k = 0; k < parameter.value.length; k += 1) {
    const saved = parameter.value[k]!;
    parameter.value[k] = saved + h;
    const plus = loss(model);
    parameter.value[k] = saved - h;
    const minus = loss(model);
    parameter.value[k] = saved;
    expect(analytic[k], `${parameter.name}[${k}]`).toBeCloseTo((plus - minus) / (2 * h), 6);
  }
}

describe('Mlp.backward', () => {
  it('matches finite differences for alpha', () => {
    const model = tinyMlp(true);
    const grads = analyticGradients(model);
    for (const p of model.parameters().filter((q) => q.kind === 'alpha')) checkParameter(model, p, grads.get(p.name)!);
  });

  it('matches finite differences for latents', () => {
    const model = tinyMlp(true);
    const grads = analyticGradients(model);
    const latents = model.parameters().filter((q) => q.kind === 'latent');
    expect(latents).toHaveLength(4);
    for (const p of latents) checkParameter(model, p, grads.get(p.name)!);
  });

  it('matches finite differences for biases', () => {
    const model = tinyMlp(true);
    const grads = analyticGradients(model);
    for (const p of model.parameters().filter((q) => q.kind === 'bias')) checkParameter(model, p, grads.get(p.name)!);
  });

  it('matches finite differences for float dense weights', () => {
    const model = tinyMlp(false);
    const grads = analyticGradients(model);
    const weights = model.parameters().filter((q) => q.kind === 'weight');
    expect(weights).toHaveLength(2);
    for (const p of weights) checkParameter(model, p, grads.get(p.name)!);
  });
});
