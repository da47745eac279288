// Stimulus, expected results and stall patterns of a network testbench, all computed by the
// golden model and written as hex files that both simulators read.

import type { NetworkSpec } from '../../config/model.js';
import { FlexorError } from '../../errors.js';
import { GoldenNetwork, type NetworkTrace } from '../../golden/network.js';
import { activationRange } from '../../quant/ranges.js';
import { Random } from '../../random.js';
import { memoryFile } from '../../emit/hex.js';
import { byteAligned, finalOutput } from '../../rtl/network/top-view.js';
import { indexWidth } from '../../rtl/network/verilog.js';

export interface StallOptions {
  /** Probability that the input offers no beat in a cycle, 0 ... 1. */
  inputGap: number;
  /** Probability that the output is not ready in a cycle, 0 ... 1. */
  outputGap: number;
  seed: number;
  /** Length of each pattern; the testbench repeats it. */
  length: number;
}

export const NO_STALLS: StallOptions = { inputGap: 0, outputGap: 0, seed: 1, length: 64 };

/** Throws a USAGE error naming the vector and element of the first input outside the network's input range. */
export function checkInputVectors(network: NetworkSpec, inputs: readonly (readonly number[])[], source: string): void {
  const { min, max } = activationRange(network.input);
  const kind = `${network.input.bits}-bit ${network.input.signed ? 'signed' : 'unsigned'}`;
  inputs.forEach((vector, v) => {
    if (vector.length !== network.input.features) {
      throw new FlexorError('USAGE', `${source}: input vector ${v} has ${vector.length} values; the network takes ${network.input.features} (input.features)`);
    }
    vector.forEach((a, i) => {
      if (!Number.isInteger(a) || BigInt(a) < min || BigInt(a) > max) {
        throw new FlexorError('USAGE', `${source}: input vector ${v}, element ${i} is ${a}; expected an integer in the ${kind} input range ${min} ... ${max}`);
      }
    });
  });
}

/** Random input vectors over the whole input range; the first two are all-minimum and all-maximum. */
export function randomInputs(network: NetworkSpec, count: number, seed: number): number[][] {
  const random = new Random(seed);
  const { min, max } = activationRange(network.input);
  const vectors: number[][] = [];
  for (let v = 0; v < count; v += 1) {
    let fill: number | undefined;
    if (v === 0) fill = Number(min);
    if (v === 1) fill = Number(max);
    vectors.push(Array.from({ length: network.input.features }, () => fill ?? random.integer(Number(min), Number(max))));
  }
  return vectors;
}

function gapPattern(rate: number, length: number, random: Random): bigint[] {
  const threshold = Math.round(rate * 1_000_000);
  return Array.from({ length }, () => (random.integer(0, 999_999) < threshold ? 1n : 0n));
}

/** Computes the 32-bit running checksum that the testbench prints: c = c * 31 + (word mod 2^32). */
export function streamChecksum(words: readonly bigint[], width: number): number {
  const mask = (1n << BigInt(Math.min(width, 32))) - 1n;
  let checksum = 0n;
  for (const word of words) {
    const pattern = (word < 0n ? (1n << BigInt(width)) + word : word) & mask;
    checksum = (checksum * 31n + pattern) & 0xffffffffn;
  }
  return Number(checksum);
}

export interface BenchData {
  files: Map<string, string>;
  traces: NetworkTrace[];
  inputWords: bigint[];
  outputWords: bigint[];
  inputDataWidth: number;
  outputDataWidth: number;
  classWidth: number;
  stalls: StallOptions;
}

export function buildBenchData(network: NetworkSpec, inputs: readonly (readonly number[])[], stalls: StallOptions): BenchData {
  const golden = new GoldenNetwork(network);
  const traces = inputs.map((input) => golden.forward(input));
  const output = finalOutput(network);
  const inputDataWidth = byteAligned(network.input.bits);
  const outputDataWidth = byteAligned(output.argmaxWidth);
  const classWidth = indexWidth(network.layers[network.layers.length - 1]!.outFeatures);

  // Inputs are stored as their A-bit two's-complement pattern; the testbench pads with zeros.
  const inputMask = (1n << BigInt(network.input.bits)) - 1n;
  const inputWords = inputs.flatMap((v) => v.map((a) => BigInt(a) & inputMask));
  const outputWords = traces.flatMap((t) => t.output);
  const random = new Random(stalls.seed);

  const files = new Map<string, string>([
    ['stimulus.hex', memoryFile(inputWords, inputDataWidth)],
    ['expected.hex', memoryFile(outputWords, outputDataWidth)],
    ['classes.hex', memoryFile(traces.map((t) => BigInt(t.classIndex)), classWidth)],
    ['in_gap.hex', memoryFile(gapPattern(stalls.inputGap, stalls.length, random), 1)],
    ['out_gap.hex', memoryFile(gapPattern(stalls.outputGap, stalls.length, random), 1)],
  ]);
  return { files, traces, inputWords, outputWords, inputDataWidth, outputDataWidth, classWidth, stalls };
}
