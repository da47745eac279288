// Linear algebra over GF(2) for decoder reports.

import type { XorMatrix } from '../config/model.js';

/** Rank of M over GF(2), by Gaussian elimination on rows packed into BigInts. */
export function gf2Rank(matrix: XorMatrix): number {
  const pivots = new Map<number, bigint>();
  let rank = 0;
  for (const taps of matrix.rows) {
    let row = 0n;
    for (const tap of taps) row |= 1n << BigInt(tap);
    while (row !== 0n) {
      const lead = row.toString(2).length - 1;
      const pivot = pivots.get(lead);
      if (pivot === undefined) {
        pivots.set(lead, row);
        rank += 1;
        break;
      }
      row ^= pivot;
    }
  }
  return rank;
}
