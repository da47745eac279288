// A multi-layer perceptron of dense layers with quantized ReLU between them, as the hardware
// computes it: 8-bit pixel inputs (integer / 255), 8-bit unsigned hidden activations, and raw
// accumulators (logits) out of the last layer.

import type { WeightOrder } from '../config/model.js';
import type { DenseLayer, PassContext } from './dense-layer.js';
import { FlexorDense } from './flexor-dense.js';
import { FloatDense } from './float-dense.js';
import { denseForward, denseInputGrad, denseWeightGrad } from './matmul.js';
import type { Parameter } from './parameter.js';
import { QuantizedRelu } from './quantized-relu.js';
import { Random } from '../random.js';
import { drawXorMatrix, type TapRule } from './xor-draw.js';

/** Real value of one pixel step: pixels enter the hardware as unsigned 8-bit integers. */
export const INPUT_SCALE = 1 / 255;

export interface FlexorSettings {
  /** Binary-code planes per layer. */
  readonly q: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly taps: TapRule;
  readonly weightOrder: WeightOrder;
  readonly latentInitStd: number;
}

export interface MlpOptions {
  readonly features: number;
  readonly classes: number;
  readonly hidden: readonly number[];
  /** FleXOR layers with these settings, or float layers when undefined. */
  readonly flexor?: FlexorSettings;
  /** Fake-quantize hidden activations to 8 bits (false only for gradient checks). */
  readonly quantizeActivations: boolean;
  readonly seed: number;
}

export function layerName(index: number): string {
  return `fc${index + 1}`;
}

function buildLayer(options: MlpOptions, index: number, inFeatures: number, outFeatures: number): DenseLayer {
  const name = layerName(index);
  const init = Random.stream(options.seed, `init:${name}`);
  const flexor = options.flexor;
  if (flexor === undefined) return new FloatDense(name, inFeatures, outFeatures, init);
  const matrices = Array.from({ length: flexor.q }, (_, p) => drawXorMatrix(Random.stream(options.seed, `xor:${name}:${p}`), flexor.nIn, flexor.nOut, flexor.taps));
  return new FlexorDense(name, { inFeatures, outFeatures, weightOrder: flexor.weightOrder, matrices, latentInitStd: flexor.latentInitStd }, init);
}

export class Mlp {
  readonly layers: DenseLayer[];
  readonly relus: QuantizedRelu[];
  private capacity = 0;
  /** acts[l] is the input of layer l; acts[0] is written by the caller through `input`. */
  private acts: Float64Array[] = [];
  private z: Float64Array[] = [];
  private dz: Float64Array[] = [];
  private masks: Uint8Array[] = [];
  private readonly weightGrads: Float64Array[];
  private inputGrad = new Float64Array(0);

  constructor(readonly options: MlpOptions) {
    const sizes = [options.features, ...options.hidden, options.classes];
    this.layers = sizes.slice(1).map((out, l) => buildLayer(options, l, sizes[l]!, out));
    this.relus = options.hidden.map(() => new QuantizedRelu(options.quantizeActivations));
    this.weightGrads = this.layers.map((layer) => new Float64Array(layer.inFeatures * layer.outFeatures));
  }

  parameters(): Parameter[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  /** Input buffer for up to `batch` rows: row b at offset b * features. */
  input(batch: number): Float64Array {
    this.reserve(batch);
    return this.acts[0]!;
  }

  /** Rebuilds every layer's weights from its parameters; call after each update. */
  buildWeights(context: PassContext): void {
    for (const layer of this.layers) layer.buildWeights(context);
  }

  /** Runs the batch in `input(batch)` and returns the logits, batch * classes. */
  forward(batch: number, training: boolean): Float64Array {
    this.reserve(batch);
    const last = this.layers.length - 1;
    this.layers.forEach((layer, l) => {
      denseForward(layer, this.acts[l]!, layer.weights, layer.bias.value, batch, this.z[l]!);
      if (l < last) this.relus[l]!.forward(this.z[l]!, batch * layer.outFeatures, training, this.acts[l + 1]!, this.masks[l]!);
    });
    return this.z[last]!;
  }

  /** Accumulates parameter gradients from d loss / d logits of the last forward pass. */
  backward(logitGrad: Float64Array, batch: number, context: PassContext): void {
    const last = this.layers.length - 1;
    this.dz[last]!.set(logitGrad.subarray(0, batch * this.options.classes));
    for (let l = last; l >= 0; l -= 1) {
      const layer = this.layers[l]!;
      const weightGrad = this.weightGrads[l]!;
      weightGrad.fill(0);
      denseWeightGrad(layer, this.acts[l]!, this.dz[l]!, batch, weightGrad, layer.bias.grad);
      layer.backwardWeights(weightGrad, context);
      if (l === 0) break;
      denseInputGrad(layer, this.dz[l]!, layer.weights, batch, this.inputGrad);
      this.relus[l - 1]!.backward(this.inputGrad, this.masks[l - 1]!, batch * layer.inFeatures, this.dz[l - 1]!);
    }
  }

  private reserve(batch: number): void {
    if (batch <= this.capacity) return;
    const sizes = [this.options.features, ...this.options.hidden, this.options.classes];
    const old = this.acts[0];
    this.acts = sizes.slice(0, -1).map((size) => new Float64Array(batch * size));
    if (old !== undefined) this.acts[0]!.set(old);
    this.z = sizes.slice(1).map((size) => new Float64Array(batch * size));
    this.dz = sizes.slice(1).map((size) => new Float64Array(batch * size));
    this.masks = this.options.hidden.map((size) => new Uint8Array(batch * size));
    this.inputGrad = new Float64Array(batch * Math.max(...sizes));
    this.capacity = batch;
  }
}

/** Writes images `indices[from ... from + batch - 1]` into `input` as real values pixel * INPUT_SCALE. */
export function fillInput(pixels: Uint8Array, features: number, indices: ArrayLike<number>, from: number, batch: number, input: Float64Array): void {
  for (let b = 0; b < batch; b += 1) {
    const source = indices[from + b]! * features;
    const target = b * features;
    for (let f = 0; f < features; f += 1) input[target + f] = pixels[source + f]! * INPUT_SCALE;
  }
}
