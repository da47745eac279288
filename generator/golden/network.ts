// The integer golden model of a whole network: exactly the numbers the hardware produces, for
// every layer, plus the class index (argmax, lowest index on ties).

import type { DenseLayerSpec, NetworkSpec } from '../config/model.js';
import { FlexorError } from '../errors.js';
import { fits } from '../quant/ranges.js';
import { layerWidths, type LayerWidths } from '../quant/widths.js';
import { planeSigns } from './decrypt.js';
import { requantize } from './requantize.js';

export interface LayerTrace {
  /** planeSums[p][o] = sum_i b[p][o][i] * a[i]. */
  planeSums: number[][];
  acc: bigint[];
  /** Requantized outputs, or the accumulators for an "accumulator" layer. */
  output: bigint[];
}

export interface NetworkTrace {
  layers: LayerTrace[];
  output: bigint[];
  classIndex: number;
}

/** Lowest index of the largest value. */
export function argmax(values: readonly bigint[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > values[best]!) best = i;
  return best;
}

export class GoldenLayer {
  readonly widths: LayerWidths;
  private readonly signs: Int8Array[];

  constructor(readonly spec: DenseLayerSpec) {
    this.widths = layerWidths(spec);
    this.signs = spec.planes.map((_, p) => planeSigns(spec, p));
  }

  forward(input: ArrayLike<number>): LayerTrace {
    const { inFeatures, outFeatures, integer } = this.spec;
    this.checkInput(input);
    const planeSums = this.signs.map((signs) => {
      const sums = new Array<number>(outFeatures);
      for (let o = 0; o < outFeatures; o += 1) {
        let sum = 0;
        const base = o * inFeatures;
        for (let i = 0; i < inFeatures; i += 1) sum += signs[base + i]! * input[i]!;
        sums[o] = sum;
      }
      return sums;
    });
    const acc = new Array<bigint>(outFeatures);
    for (let o = 0; o < outFeatures; o += 1) {
      let value = BigInt(integer.biasQ[o]!);
      planeSums.forEach((sums, p) => {
        value += BigInt(integer.alphaQ[p]![o]!) * BigInt(sums[o]!);
      });
      acc[o] = value;
    }
    const output = acc.map((value) => requantize(this.spec, value));
    this.checkWidths(planeSums, acc);
    return { planeSums, acc, output };
  }

  private checkInput(input: ArrayLike<number>): void {
    const { min, max } = this.widths.input;
    if (input.length !== this.spec.inFeatures) {
      throw new FlexorError('USAGE', `layer ${this.spec.name}: input has ${input.length} values; expected ${this.spec.inFeatures}`);
    }
    for (let i = 0; i < input.length; i += 1) {
      const a = input[i]!;
      if (!Number.isInteger(a) || BigInt(a) < min || BigInt(a) > max) {
        throw new FlexorError('USAGE', `layer ${this.spec.name}: input[${i}] = ${a} is outside the ${this.spec.input.bits}-bit ${this.spec.input.signed ? 'signed' : 'unsigned'} range ${min} ... ${max}`);
      }
    }
  }

  /** Asserts that every value fits the width the RTL declares for it. */
  private checkWidths(planeSums: number[][], acc: bigint[]): void {
    const w = this.widths;
    const fail = (what: string, value: bigint, width: number) => {
      throw new FlexorError('INTERNAL', `layer ${this.spec.name}: ${what} = ${value} does not fit its ${width}-bit width; the width derivation is wrong`);
    };
    for (const sums of planeSums) for (const s of sums) if (!fits(BigInt(s), w.planeWidth)) fail('plane sum', BigInt(s), w.planeWidth);
    for (const value of acc) {
      if (!fits(value, w.accWidth)) fail('accumulator', value, w.accWidth);
      if (w.requant !== undefined) {
        const product = value * BigInt(this.spec.integer.requant!.multiplier);
        if (!fits(product, w.requant.productWidth)) fail('scaled accumulator', product, w.requant.productWidth);
      }
    }
  }
}

export class GoldenNetwork {
  readonly layers: GoldenLayer[];

  constructor(readonly spec: NetworkSpec) {
    this.layers = spec.layers.map((layer) => new GoldenLayer(layer));
  }

  forward(input: ArrayLike<number>): NetworkTrace {
    const traces: LayerTrace[] = [];
    let activations: ArrayLike<number> = input;
    for (const layer of this.layers) {
      const trace = layer.forward(activations);
      traces.push(trace);
      activations = trace.output.map((value) => Number(value));
    }
    const output = traces[traces.length - 1]!.output;
    return { layers: traces, output, classIndex: argmax(output) };
  }
}
