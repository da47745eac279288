// Memory words for `$readmemh`. Values are BigInts so that 64-bit and wider words stay
// exact, negative values are written in two's complement, and every word has the same
// number of digits.

import { FlexorError } from '../errors.js';

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1) {
    throw new FlexorError('INTERNAL', `memory word width ${width} is not a positive integer`);
  }
}

/**
 * Returns `value` as exactly ceil(width / 4) lowercase hex digits. Accepts the signed range
 * -2^(width-1) ... -1 (written in two's complement) and the unsigned range 0 ... 2^width - 1.
 */
export function hexWord(value: bigint, width: number): string {
  checkWidth(width);
  const bits = BigInt(width);
  const min = -(1n << (bits - 1n));
  const max = (1n << bits) - 1n;
  if (value < min || value > max) {
    throw new FlexorError('INTERNAL', `value ${value} does not fit a ${width}-bit memory word (range ${min} ... ${max})`);
  }
  const raw = value < 0n ? value + (1n << bits) : value;
  return raw.toString(16).padStart(Math.ceil(width / 4), '0');
}

/** Returns a `$readmemh` file: `depth` lines (missing words are zero), each ending with "\n". */
export function memoryFile(words: readonly bigint[], width: number, depth: number = words.length): string {
  checkWidth(width);
  if (!Number.isInteger(depth) || depth < 1) throw new FlexorError('INTERNAL', `memory depth ${depth} is not a positive integer`);
  if (words.length > depth) throw new FlexorError('INTERNAL', `${words.length} memory words do not fit depth ${depth}`);
  const lines = new Array<string>(depth);
  const zero = hexWord(0n, width);
  for (let i = 0; i < depth; i += 1) lines[i] = i < words.length ? hexWord(words[i]!, width) : zero;
  return `${lines.join('\n')}\n`;
}
