// Turning a FLEXOR-MISMATCH line into a message a person can act on: which decoder, which
// simulator, which cycle, the input that was applied, the expected and the actual output,
// and which bits differ.

import type { MismatchLine } from './testbench-output.js';
import type { DecoderUnderTest } from './decoder-testbench.js';

function known(hex: string): boolean {
  return /^[0-9a-fA-F]+$/.test(hex);
}

/** Splits a word printed as hex into its top bit (valid) and the `width` bits below it. */
function splitValid(hex: string, width: number): { valid: string; data: string } {
  if (!known(hex)) return { valid: '?', data: hex };
  const value = BigInt(`0x${hex}`);
  const data = value & ((1n << BigInt(width)) - 1n);
  return { valid: String((value >> BigInt(width)) & 1n), data: `${width}'h${data.toString(16)}` };
}

function differingBits(expected: string, got: string): string {
  if (!known(expected) || !known(got)) return 'the output has X or Z bits (a signal without a defined value)';
  const diff = BigInt(`0x${expected}`) ^ BigInt(`0x${got}`);
  const bits: number[] = [];
  for (let bit = 0; diff >> BigInt(bit) !== 0n; bit += 1) if ((diff >> BigInt(bit)) & 1n) bits.push(bit);
  const shown = bits.slice(0, 16).join(', ');
  return `bits ${shown}${bits.length > 16 ? `, ... (${bits.length} in all)` : ''}`;
}

export function describeMismatch(dut: DecoderUnderTest, line: MismatchLine, simulator: string, logPath: string): string {
  const { nIn, nOut } = dut.matrix;
  const when = line.cycle === 0 ? 'right after reset (cycle 0, before any stimulus)' : `in cycle ${line.cycle}, after stimulus vector ${line.cycle - 1}`;
  const lines = [`decoder ${dut.name} differs from the golden model on ${simulator} ${when}:`];
  if (dut.registered) {
    const stimulus = splitValid(line.stimulus, nIn);
    const expected = splitValid(line.expected, nOut);
    const got = splitValid(line.got, nOut);
    lines.push(
      `  input    valid_i = ${stimulus.valid}, enc_i = ${stimulus.data}`,
      `  expected valid_o = ${expected.valid}, dec_o = ${expected.data}`,
      `  got      valid_o = ${got.valid}, dec_o = ${got.data}`,
    );
  } else {
    lines.push(`  input    enc_i = ${nIn}'h${line.stimulus}`, `  expected dec_o = ${nOut}'h${line.expected}`, `  got      dec_o = ${nOut}'h${line.got}`);
  }
  lines.push(`  differing: ${differingBits(line.expected, line.got)}`, `  log: ${logPath}`);
  return lines.join('\n');
}
