// Pieces every generated testbench shares (docs/testbench.md states the conventions):
// the clock schedule, vector memories with a sentinel word, and the report lines the runner
// reads. A testbench template includes the partials tb_clock, tb_checksum and tb_finish and
// fills its per-design lines with these helpers.

import { hexWord, memoryFile } from '../emit/hex.js';

/** Clock period in ns (the testbenches' `timescale` is 1ns / 1ps). */
export const CLOCK_PERIOD_NS = 10;
/** Falling edges with rst_n low before the first check. */
export const RESET_CYCLES = 2;

export interface TestbenchSchedule {
  clockPeriod: number;
  resetCycles: number;
  /** The check-and-drive loop runs for cycle = 0 ... cycles. */
  cycles: number;
  /** Rising clock edges counted up to the end of the run. */
  expectedEdges: number;
  /** $time at the end of the run, in ns. */
  finalTime: number;
}

/**
 * Returns the schedule of a testbench whose longest vector list has `cycles` words. The clock
 * starts at 0 and rises at period / 2; checks and drives happen on falling edges: RESET_CYCLES
 * of them with reset asserted, then one per cycle = 0 ... cycles.
 */
export function testbenchSchedule(cycles: number): TestbenchSchedule {
  const fallingEdges = RESET_CYCLES + cycles + 1;
  return {
    clockPeriod: CLOCK_PERIOD_NS,
    resetCycles: RESET_CYCLES,
    cycles,
    expectedEdges: fallingEdges,
    finalTime: fallingEdges * CLOCK_PERIOD_NS,
  };
}

/** Word after the last vector: the bits 1010 0101 repeated from bit 0, so it is never 0 or X. */
export function sentinelWord(width: number): bigint {
  let word = 0n;
  for (let bit = 0; bit < width; bit += 1) if ((0xa5 >> (bit % 8)) & 1) word |= 1n << BigInt(bit);
  return word;
}

export function sentinelLiteral(width: number): string {
  return `${width}'h${hexWord(sentinelWord(width), width)}`;
}

export interface VectorMemory {
  /** Verilog name of the array. */
  name: string;
  /** File name inside the vector directory. */
  file: string;
  width: number;
  words: readonly bigint[];
}

/** Contents of a vector file: the words, then the sentinel, each line ending with a newline. */
export function vectorFileText(memory: VectorMemory): string {
  return memoryFile([...memory.words, sentinelWord(memory.width)], memory.width);
}

/** Declaration of the array: words 0 ... count - 1, then the sentinel at index count. */
export function memoryDeclaration(memory: VectorMemory): string {
  return `reg [${memory.width - 1}:0] ${memory.name} [0:${memory.words.length}];  // word ${memory.words.length} is the sentinel`;
}

/**
 * Statements that load the file from the directory in the `vectors` string and stop the run
 * when the sentinel is not where it belongs. Verilator fills the words of a missing or short
 * file with 0 and Icarus with X, and both exit 0, so the sentinel is what makes that loud.
 */
export function memoryLoad(memory: VectorMemory): string[] {
  const last = memory.words.length;
  const sentinel = sentinelLiteral(memory.width);
  return [
    `$readmemh({vectors, "/${memory.file}"}, ${memory.name}, 0, ${last});`,
    `if (${memory.name}[${last}] !== ${sentinel}) begin`,
    `  $display("FLEXOR-VECTORS file=${memory.file} word=${last} found=%h expected=%h", ${memory.name}[${last}], ${sentinel});`,
    `  $fatal(1, "vector file %0s/${memory.file} is missing or shorter than ${last + 1} words", vectors);`,
    'end',
  ];
}
