// FleXOR decryption of one plane during training, in the +-1 domain, with its gradient.
//
// The latent encrypted bits l are real numbers; the stored bit is x = sign(l) (+1 when l >= 0,
// stored as bit 1). Output r of a slice is the XOR of its n_r taps, which in the +-1 domain is
// y_r = (-1)^(n_r - 1) * prod over taps of x. Following Lee et al., "FleXOR: Trainable
// Fractional Quantization" (NeurIPS 2020), the backward pass replaces the derivative of
// sign(l_j) by that of tanh(S_tanh * l_j) and keeps the other taps at their signs:
//   d y_r / d l_j = (-1)^(n_r - 1) * S_tanh * (1 - tanh^2(S_tanh * l_j)) * prod over k != j of x_k.
// A bit that feeds several rows adds up their gradients.
//
// In relaxed mode every x is tanh(S_tanh * l) instead of sign(l). The same backward formula is
// then the exact derivative of the forward pass, which is what the gradient check tests.

import type { XorMatrix } from '../config/model.js';

export class XorDecoder {
  readonly nIn: number;
  readonly nOut: number;
  readonly slices: number;
  /** Latent encrypted bits of one plane: slices * nIn. */
  readonly latentCount: number;
  /** Taps of row r are rowTaps[rowStart[r] ... rowStart[r + 1] - 1]. */
  private readonly rowStart: Int32Array;
  private readonly rowTaps: Int32Array;
  /** (-1)^(n_r - 1) per row. */
  private readonly rowSign: Float64Array;
  /** x of the last forward pass, one per latent. */
  private readonly x: Float64Array;
  /** S_tanh * (1 - tanh^2(S_tanh * l)) per latent, filled by backward. */
  private readonly slope: Float64Array;

  constructor(
    readonly matrix: XorMatrix,
    /** Weights of the plane; the last slice may decrypt a few bits past them. */
    readonly weights: number,
  ) {
    this.nIn = matrix.nIn;
    this.nOut = matrix.nOut;
    this.slices = Math.ceil(weights / matrix.nOut);
    this.latentCount = this.slices * matrix.nIn;
    this.rowStart = new Int32Array(matrix.nOut + 1);
    const taps: number[] = [];
    this.rowSign = new Float64Array(matrix.nOut);
    matrix.rows.forEach((row, r) => {
      taps.push(...row);
      this.rowStart[r + 1] = taps.length;
      this.rowSign[r] = row.length % 2 === 1 ? 1 : -1;
    });
    this.rowTaps = Int32Array.from(taps);
    this.x = new Float64Array(this.latentCount);
    this.slope = new Float64Array(this.latentCount);
  }

  /** Decrypts all slices: y[s * nOut + r] for every slice s and row r (+-1, or real when relaxed). */
  forward(latent: Float64Array, sTanh: number, relaxed: boolean, y: Float64Array): void {
    const { x, nIn, nOut, rowStart, rowTaps, rowSign } = this;
    for (let k = 0; k < this.latentCount; k += 1) {
      const l = latent[k]!;
      if (relaxed) x[k] = Math.tanh(sTanh * l);
      else x[k] = l >= 0 ? 1 : -1;
    }
    for (let s = 0; s < this.slices; s += 1) {
      const base = s * nIn;
      for (let r = 0; r < nOut; r += 1) {
        let product = rowSign[r]!;
        for (let t = rowStart[r]!; t < rowStart[r + 1]!; t += 1) product *= x[base + rowTaps[t]!]!;
        y[s * nOut + r] = product;
      }
    }
  }

  /**
   * Adds d loss / d latent to `latentGrad`, given dy = d loss / d y from the last forward pass.
   * `y` must be that pass's output.
   */
  backward(latent: Float64Array, y: Float64Array, dy: Float64Array, sTanh: number, relaxed: boolean, latentGrad: Float64Array): void {
    const { x, nIn, nOut, rowStart, rowTaps, rowSign, slope } = this;
    for (let k = 0; k < this.latentCount; k += 1) {
      const t = Math.tanh(sTanh * latent[k]!);
      slope[k] = sTanh * (1 - t * t);
    }
    for (let s = 0; s < this.slices; s += 1) {
      const base = s * nIn;
      for (let r = 0; r < nOut; r += 1) {
        const g = dy[s * nOut + r]! * rowSign[r]!;
        if (g === 0) continue;
        for (let t = rowStart[r]!; t < rowStart[r + 1]!; t += 1) {
          const j = base + rowTaps[t]!;
          let others: number;
          if (relaxed) {
            others = 1;
            for (let u = rowStart[r]!; u < rowStart[r + 1]!; u += 1) if (u !== t) others *= x[base + rowTaps[u]!]!;
          } else {
            // With x in {-1, +1}, the product over the other taps is y_r * (-1)^(n_r - 1) * x_j.
            others = y[s * nOut + r]! * rowSign[r]! * x[j]!;
          }
          latentGrad[j]! += g * others * slope[j]!;
        }
      }
    }
  }
}
