// Parsing and evaluating XOR matrices. Rows are kept as ascending tap lists after reduction
// mod 2, so that a matrix given as 0/1 strings and the same matrix given as tap lists (with
// repeated taps cancelled) become identical.

import type { XorMatrix } from '../config/model.js';

/** Reduces a tap list mod 2: a tap listed an even number of times cancels. */
export function reduceTaps(taps: readonly number[]): number[] {
  const odd = new Set<number>();
  for (const tap of taps) {
    if (odd.has(tap)) odd.delete(tap);
    else odd.add(tap);
  }
  return [...odd].sort((a, b) => a - b);
}

/** Converts a 0/1 row string, column 0 first, to its tap list. */
export function tapsFromRowString(row: string): number[] {
  const taps: number[] = [];
  for (let column = 0; column < row.length; column += 1) {
    if (row[column] === '1') taps.push(column);
  }
  return taps;
}

export function rowString(taps: readonly number[], nIn: number): string {
  const chars = new Array<string>(nIn).fill('0');
  for (const tap of taps) chars[tap] = '1';
  return chars.join('');
}

/** Decrypts one slice: y[r] = XOR of x over row r's taps, where `x` has one 0/1 entry per input. */
export function decryptSlice(matrix: XorMatrix, x: ArrayLike<number>, y: Uint8Array = new Uint8Array(matrix.nOut)): Uint8Array {
  for (let r = 0; r < matrix.nOut; r += 1) {
    let bit = 0;
    for (const tap of matrix.rows[r]!) bit ^= x[tap]!;
    y[r] = bit;
  }
  return y;
}

/** Decrypts one slice given as a BigInt whose bit i is input i; returns a BigInt whose bit r is output r. */
export function decryptWord(matrix: XorMatrix, word: bigint): bigint {
  let out = 0n;
  for (let r = 0; r < matrix.nOut; r += 1) {
    let bit = 0n;
    for (const tap of matrix.rows[r]!) bit ^= (word >> BigInt(tap)) & 1n;
    out |= bit << BigInt(r);
  }
  return out;
}
