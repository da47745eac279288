// Dense-layer kernels on a batch. Weights are stored input-major, w[i * outFeatures + o], so
// that the inner loop of the forward pass and of the weight gradient walks contiguous rows
// of outFeatures values. Zero inputs (most pixels of MNIST-like images, and every ReLU output
// that is 0) are skipped, and the remaining rows are combined four at a time so that each
// pass over an output row does four multiply-adds per load and store of it.

export interface DenseShape {
  readonly inFeatures: number;
  readonly outFeatures: number;
}

/** Scratch list of the nonzero entries of one vector: positions and values. */
class Nonzeros {
  index = new Int32Array(0);
  value = new Float64Array(0);
  count = 0;

  reserve(size: number): void {
    if (this.index.length < size) {
      this.index = new Int32Array(size);
      this.value = new Float64Array(size);
    }
    this.count = 0;
  }

  push(index: number, value: number): void {
    this.index[this.count] = index;
    this.value[this.count] = value;
    this.count += 1;
  }
}

const rowScratch = new Nonzeros();
const columnScratch = new Nonzeros();

/**
 * Adds sum over the listed entries k of value[k] * source[index[k] * stride + o] to
 * target[targetBase + o] for o in 0 ... width - 1. The sums are formed in list order, four
 * entries at a time, so the result does not depend on anything but the inputs.
 */
function addScaledRows(list: Nonzeros, source: Float64Array, stride: number, width: number, target: Float64Array, targetBase: number): void {
  const { index, value, count } = list;
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const r0 = index[k]! * stride;
    const r1 = index[k + 1]! * stride;
    const r2 = index[k + 2]! * stride;
    const r3 = index[k + 3]! * stride;
    const v0 = value[k]!;
    const v1 = value[k + 1]!;
    const v2 = value[k + 2]!;
    const v3 = value[k + 3]!;
    for (let o = 0; o < width; o += 1) {
      target[targetBase + o]! += v0 * source[r0 + o]! + v1 * source[r1 + o]! + v2 * source[r2 + o]! + v3 * source[r3 + o]!;
    }
  }
  for (; k < count; k += 1) {
    const r = index[k]! * stride;
    const v = value[k]!;
    for (let o = 0; o < width; o += 1) target[targetBase + o]! += v * source[r + o]!;
  }
}

/** z[b][o] = bias[o] + sum_i x[b][i] * w[i][o] for `batch` rows. */
export function denseForward(shape: DenseShape, x: Float64Array, w: Float64Array, bias: Float64Array, batch: number, z: Float64Array): void {
  const { inFeatures, outFeatures } = shape;
  const list = rowScratch;
  for (let b = 0; b < batch; b += 1) {
    const zBase = b * outFeatures;
    const xBase = b * inFeatures;
    for (let o = 0; o < outFeatures; o += 1) z[zBase + o] = bias[o]!;
    list.reserve(inFeatures);
    for (let i = 0; i < inFeatures; i += 1) {
      const xi = x[xBase + i]!;
      if (xi !== 0) list.push(i, xi);
    }
    addScaledRows(list, w, outFeatures, outFeatures, z, zBase);
  }
}

/** Adds the weight and bias gradients: dw[i][o] += sum_b x[b][i] * dz[b][o], dBias[o] += sum_b dz[b][o]. */
export function denseWeightGrad(shape: DenseShape, x: Float64Array, dz: Float64Array, batch: number, dw: Float64Array, dBias: Float64Array): void {
  const { inFeatures, outFeatures } = shape;
  for (let b = 0; b < batch; b += 1) {
    for (let o = 0; o < outFeatures; o += 1) dBias[o]! += dz[b * outFeatures + o]!;
  }
  const list = columnScratch;
  for (let i = 0; i < inFeatures; i += 1) {
    list.reserve(batch);
    for (let b = 0; b < batch; b += 1) {
      const xi = x[b * inFeatures + i]!;
      if (xi !== 0) list.push(b, xi);
    }
    addScaledRows(list, dz, outFeatures, outFeatures, dw, i * outFeatures);
  }
}

/** dx[b][i] = sum_o dz[b][o] * w[i][o]. */
export function denseInputGrad(shape: DenseShape, dz: Float64Array, w: Float64Array, batch: number, dx: Float64Array): void {
  const { inFeatures, outFeatures } = shape;
  for (let b = 0; b < batch; b += 1) {
    const zBase = b * outFeatures;
    for (let i = 0; i < inFeatures; i += 1) {
      const row = i * outFeatures;
      let sum = 0;
      for (let o = 0; o < outFeatures; o += 1) sum += dz[zBase + o]! * w[row + o]!;
      dx[b * inFeatures + i] = sum;
    }
  }
}
