// The bit-serial form of a SIMD group's dot product, as the MAC computes it. The golden model
// computes plane sums directly; tests check that this form gives the same numbers.

/** Bit k of an A-bit two's-complement or unsigned activation. */
function activationBit(a: number, k: number, bits: number): number {
  const raw = a < 0 ? a + 2 ** bits : a;
  return Math.floor(raw / 2 ** k) % 2;
}

/**
 * Returns sum_j b_j * a_j for weight bits y (1 = +1, 0 = -1), one activation bit-plane at a
 * time: each plane contributes 2 * popcount(y AND a_k) - popcount(a_k), weighted by 2^k, and
 * by -2^(A-1) for the top plane of signed activations. Planes are taken MSB first (Horner).
 */
export function bitSerialGroupSum(y: ArrayLike<number>, a: ArrayLike<number>, bits: number, signed: boolean): number {
  let total = 0;
  for (let k = bits - 1; k >= 0; k -= 1) {
    let both = 0;
    let ones = 0;
    for (let j = 0; j < a.length; j += 1) {
      const bit = activationBit(a[j]!, k, bits);
      ones += bit;
      both += bit & y[j]!;
    }
    const term = 2 * both - ones;
    if (k < bits - 1) total = 2 * total + term;
    else total = signed ? -term : term;
  }
  return total;
}
