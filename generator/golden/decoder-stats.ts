// Cost figures of an XOR network, reported by `flexor decoder` and `flexor gen`.

import type { XorMatrix } from '../config/model.js';
import { gf2Rank } from './gf2.js';

export interface DecoderStats {
  /** Two-input XOR gates when each row is built on its own: sum over rows of (taps - 1). */
  xor2Gates: number;
  /** Levels of two-input XOR gates on the longest path of a balanced tree: ceil(log2(max taps)). */
  depth: number;
  /** Rank of M over GF(2); at most nIn - 1 when every row has an even number of taps. */
  rank: number;
  maxTaps: number;
  zeroRows: number[];
  /** Encrypted inputs that no row taps. */
  unusedInputs: number[];
  /** Stored bits per weight bit: nIn / nOut. */
  bitsPerWeight: number;
}

export function decoderStats(matrix: XorMatrix): DecoderStats {
  let xor2Gates = 0;
  let maxTaps = 0;
  const zeroRows: number[] = [];
  const used = new Uint8Array(matrix.nIn);
  matrix.rows.forEach((taps, r) => {
    xor2Gates += Math.max(taps.length - 1, 0);
    maxTaps = Math.max(maxTaps, taps.length);
    if (taps.length === 0) zeroRows.push(r);
    for (const tap of taps) used[tap] = 1;
  });
  const unusedInputs: number[] = [];
  used.forEach((flag, column) => {
    if (flag === 0) unusedInputs.push(column);
  });
  return {
    xor2Gates,
    depth: maxTaps <= 1 ? 0 : (maxTaps - 1).toString(2).length,
    rank: gf2Rank(matrix),
    maxTaps,
    zeroRows,
    unusedInputs,
    bitsPerWeight: matrix.nIn / matrix.nOut,
  };
}
