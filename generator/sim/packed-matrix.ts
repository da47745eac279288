// A word-packed form of an XOR matrix for computing many expected vectors quickly. Row r is
// a bit mask over the inputs, and output r is the parity of (input AND mask). Tests check it
// against the golden decryptWord on random matrices and inputs.

import type { XorMatrix } from '../config/model.js';

function parity32(value: number): number {
  let x = value ^ (value >>> 16);
  x ^= x >>> 8;
  x ^= x >>> 4;
  x &= 0xf;
  return (0x6996 >>> x) & 1;
}

/** Packs a `width`-bit BigInt into 32-bit words, least significant word first. */
export function packWord(value: bigint, width: number): Uint32Array {
  const words = new Uint32Array(Math.ceil(width / 32));
  for (let i = 0; i < words.length; i += 1) words[i] = Number((value >> BigInt(32 * i)) & 0xffffffffn);
  return words;
}

/** Joins 32-bit words, least significant first, into a BigInt. */
export function unpackWord(words: Uint32Array): bigint {
  let hex = '';
  for (let i = words.length - 1; i >= 0; i -= 1) hex += words[i]!.toString(16).padStart(8, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

export class PackedMatrix {
  readonly inWords: number;
  readonly outWords: number;
  private readonly masks: Uint32Array;

  constructor(readonly matrix: XorMatrix) {
    this.inWords = Math.ceil(matrix.nIn / 32);
    this.outWords = Math.ceil(matrix.nOut / 32);
    this.masks = new Uint32Array(matrix.nOut * this.inWords);
    matrix.rows.forEach((taps, r) => {
      for (const tap of taps) this.masks[r * this.inWords + (tap >>> 5)]! ^= 1 << (tap & 31);
    });
  }

  /** Decrypts one packed input word; bit r of the result is output r. */
  decode(input: Uint32Array): Uint32Array {
    const out = new Uint32Array(this.outWords);
    for (let r = 0; r < this.matrix.nOut; r += 1) {
      let folded = 0;
      const base = r * this.inWords;
      for (let w = 0; w < this.inWords; w += 1) folded ^= input[w]! & this.masks[base + w]!;
      if (parity32(folded) === 1) out[r >>> 5]! |= 1 << (r & 31);
    }
    return out;
  }

  decodeWord(input: bigint): bigint {
    return unpackWord(this.decode(packWord(input, this.matrix.nIn)));
  }
}
