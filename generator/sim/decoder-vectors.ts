// Stimulus and expected vectors for decoder testbenches, computed from the golden model.
// Inputs are exhaustive up to EXHAUSTIVE_MAX_INPUTS encrypted bits and seeded random above.
// Vector c is driven in cycle c. Expected word c is what the testbench must see at the check
// of cycle c: word 0 is the output right after reset, and word c + 1 follows stimulus c.

import type { XorMatrix } from '../config/model.js';
import { PackedMatrix, unpackWord } from './packed-matrix.js';
import { Prng } from './prng.js';

/** Largest input width simulated exhaustively: 2^16 = 65536 vectors. */
export const EXHAUSTIVE_MAX_INPUTS = 16;
export const DEFAULT_RANDOM_VECTORS = 10_000;
/** Chance, in quarters, that a cycle without valid_i precedes a vector of a registered decoder. */
const BUBBLE_QUARTERS = 1;

export interface DecoderVectorOptions {
  registered: boolean;
  seed: number;
  /** Number of random vectors when nIn > EXHAUSTIVE_MAX_INPUTS. */
  randomVectors: number;
}

export interface VectorSet {
  stimulusWidth: number;
  expectedWidth: number;
  /** One word per cycle: enc_i, with valid_i above it for a registered decoder. */
  stimulus: bigint[];
  /** stimulus.length + 1 words: dec_o, with valid_o above it for a registered decoder. */
  expected: bigint[];
  /** Number of distinct input vectors applied with valid (equal to 2^nIn when exhaustive). */
  inputs: number;
  exhaustive: boolean;
}

function inputWords(matrix: XorMatrix, options: DecoderVectorOptions, prng: Prng): bigint[] {
  if (matrix.nIn <= EXHAUSTIVE_MAX_INPUTS) {
    return Array.from({ length: 2 ** matrix.nIn }, (_, value) => BigInt(value));
  }
  const words = new Uint32Array(Math.ceil(matrix.nIn / 32));
  const topBits = matrix.nIn % 32;
  return Array.from({ length: options.randomVectors }, () => {
    for (let i = 0; i < words.length; i += 1) words[i] = prng.nextUint32();
    if (topBits !== 0) words[words.length - 1]! &= 2 ** topBits - 1;
    return unpackWord(words);
  });
}

function combinationalVectors(matrix: XorMatrix, inputs: bigint[], packed: PackedMatrix): Pick<VectorSet, 'stimulus' | 'expected'> {
  return { stimulus: inputs, expected: [packed.decodeWord(0n), ...inputs.map((input) => packed.decodeWord(input))] };
}

/** Models the output register: dec_q loads on valid_i and keeps its value otherwise; both reset to 0. */
function registeredVectors(matrix: XorMatrix, inputs: bigint[], packed: PackedMatrix, prng: Prng): Pick<VectorSet, 'stimulus' | 'expected'> {
  const validBit = 1n << BigInt(matrix.nIn);
  const validOutBit = 1n << BigInt(matrix.nOut);
  const inputMask = validBit - 1n;
  const stimulus: bigint[] = [];
  const expected: bigint[] = [0n];
  let decQ = 0n;
  const step = (valid: boolean, enc: bigint) => {
    stimulus.push(valid ? validBit | enc : enc);
    if (valid) decQ = packed.decodeWord(enc);
    expected.push(valid ? validOutBit | decQ : decQ);
  };
  inputs.forEach((input, i) => {
    // A bubble carries a different input, so a register that loads without valid_i is caught.
    if (i === 1 || prng.nextBelow(4) < BUBBLE_QUARTERS) step(false, (input ^ inputMask) & inputMask);
    step(true, input);
  });
  return { stimulus, expected };
}

export function decoderVectors(matrix: XorMatrix, options: DecoderVectorOptions): VectorSet {
  const prng = new Prng(options.seed);
  const packed = new PackedMatrix(matrix);
  const inputs = inputWords(matrix, options, prng);
  const extra = options.registered ? 1 : 0;
  const words = options.registered ? registeredVectors(matrix, inputs, packed, prng) : combinationalVectors(matrix, inputs, packed);
  return {
    stimulusWidth: matrix.nIn + extra,
    expectedWidth: matrix.nOut + extra,
    ...words,
    inputs: inputs.length,
    exhaustive: matrix.nIn <= EXHAUSTIVE_MAX_INPUTS,
  };
}
