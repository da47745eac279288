// A dense layer whose weights are FleXOR-encrypted: w[o][i] = sum over planes p of
// alpha_p[o] * y_p[o][i], where y_p is decrypted from the plane's latent bits by its fixed XOR
// matrix, slice by slice in the layer's weight order (docs/config.md).

import type { WeightOrder, XorMatrix } from '../config/model.js';
import type { DenseLayer, PassContext } from './dense-layer.js';
import { createParameter, type Parameter } from './parameter.js';
import type { Random } from '../random.js';
import { WeightLayout } from './weight-layout.js';
import { XorDecoder } from './xor-decoder.js';

export interface FlexorDenseOptions {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weightOrder: WeightOrder;
  /** One XOR matrix per plane; their number is q. */
  readonly matrices: readonly XorMatrix[];
  /** Standard deviation of the initial latent bits. */
  readonly latentInitStd: number;
}

interface Plane {
  readonly matrix: XorMatrix;
  readonly decoder: XorDecoder;
  readonly latent: Parameter;
  readonly alpha: Parameter;
  /** Decrypted values in slice order, slices * nOut (the tail past the last weight is unused). */
  readonly decrypted: Float64Array;
  /** The same values for the weights only, input-major. */
  readonly stored: Float64Array;
  /** d loss / d decrypted, slice order. */
  readonly decryptedGrad: Float64Array;
}

export class FlexorDense implements DenseLayer {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weightOrder: WeightOrder;
  readonly weights: Float64Array;
  readonly bias: Parameter;
  private readonly planes: Plane[];
  /** Moves values between the weight order of the config and input-major storage. */
  private readonly layout: WeightLayout;
  /** Input-major scratch buffer of the backward pass. */
  private readonly scratch: Float64Array;

  constructor(
    readonly name: string,
    options: FlexorDenseOptions,
    random: Random,
  ) {
    const { inFeatures, outFeatures } = options;
    const count = inFeatures * outFeatures;
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weightOrder = options.weightOrder;
    this.weights = new Float64Array(count);
    this.bias = createParameter(`${name}.bias`, 'bias', outFeatures);
    this.layout = new WeightLayout(options.weightOrder, inFeatures, outFeatures);
    this.scratch = new Float64Array(count);

    // Plane p starts at half the alpha of plane p - 1, scaled so that the weight variance is
    // 2 / fan-in (He initialization) when the signs are random.
    const q = options.matrices.length;
    const shares = Array.from({ length: q }, (_, p) => 2 ** -p);
    const norm = Math.sqrt(2 / inFeatures / shares.reduce((sum, a) => sum + a * a, 0));
    this.planes = options.matrices.map((matrix, p) => {
      const decoder = new XorDecoder(matrix, count);
      const latent = createParameter(`${name}.p${p}.latent`, 'latent', decoder.latentCount);
      for (let k = 0; k < latent.value.length; k += 1) latent.value[k] = options.latentInitStd * random.normal();
      const alpha = createParameter(`${name}.p${p}.alpha`, 'alpha', outFeatures);
      alpha.value.fill(norm * shares[p]!);
      const decrypted = new Float64Array(decoder.slices * matrix.nOut);
      return { matrix, decoder, latent, alpha, decrypted, stored: new Float64Array(count), decryptedGrad: new Float64Array(decrypted.length) };
    });
  }

  get q(): number {
    return this.planes.length;
  }

  buildWeights(context: PassContext): void {
    const { outFeatures, weights } = this;
    weights.fill(0);
    for (const plane of this.planes) {
      plane.decoder.forward(plane.latent.value, context.sTanh, context.relaxed, plane.decrypted);
      this.layout.toStorage(plane.decrypted, plane.stored);
      const alpha = plane.alpha.value;
      for (let row = 0; row < weights.length; row += outFeatures) {
        for (let o = 0; o < outFeatures; o += 1) weights[row + o]! += alpha[o]! * plane.stored[row + o]!;
      }
    }
  }

  backwardWeights(weightGrad: Float64Array, context: PassContext): void {
    const { outFeatures } = this;
    for (const plane of this.planes) {
      const alpha = plane.alpha.value;
      const alphaGrad = plane.alpha.grad;
      for (let row = 0; row < weightGrad.length; row += outFeatures) {
        for (let o = 0; o < outFeatures; o += 1) alphaGrad[o]! += weightGrad[row + o]! * plane.stored[row + o]!;
      }
      // d loss / d y = alpha * d loss / d w, moved from input-major to slice order; bits past
      // the last weight feed nothing.
      const scaled = this.scratch;
      for (let row = 0; row < weightGrad.length; row += outFeatures) {
        for (let o = 0; o < outFeatures; o += 1) scaled[row + o] = alpha[o]! * weightGrad[row + o]!;
      }
      plane.decryptedGrad.fill(0);
      this.layout.fromStorage(scaled, plane.decryptedGrad);
      plane.decoder.backward(plane.latent.value, plane.decrypted, plane.decryptedGrad, context.sTanh, context.relaxed, plane.latent.grad);
    }
  }

  parameters(): Parameter[] {
    return [...this.planes.flatMap((plane) => [plane.latent, plane.alpha]), this.bias];
  }

  matrix(p: number): XorMatrix {
    return this.planes[p]!.matrix;
  }

  alpha(p: number): Float64Array {
    return this.planes[p]!.alpha.value;
  }

  /** Stored bits of plane p in slice order: 1 where the latent is >= 0 (sign +1). */
  encryptedBits(p: number): Uint8Array {
    const latent = this.planes[p]!.latent.value;
    const bits = new Uint8Array(latent.length);
    for (let k = 0; k < latent.length; k += 1) bits[k] = latent[k]! >= 0 ? 1 : 0;
    return bits;
  }

  /** Weight signs of plane p laid out as [o][i], from the last (unrelaxed) `buildWeights`. */
  signs(p: number): Int8Array {
    const { inFeatures, outFeatures } = this;
    const stored = this.planes[p]!.stored;
    const signs = new Int8Array(inFeatures * outFeatures);
    for (let o = 0; o < outFeatures; o += 1) {
      for (let i = 0; i < inFeatures; i += 1) signs[o * inFeatures + i] = stored[i * outFeatures + o]! >= 0 ? 1 : -1;
    }
    return signs;
  }
}
