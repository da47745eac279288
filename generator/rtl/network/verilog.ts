// Small builders of Verilog text: sized literals and width changes. Every width decision is
// made in TypeScript; templates only print these strings.

import { signedWidth } from '../../quant/ranges.js';

/** ceil(log2(n)) for n >= 1, as Verilog's $clog2. */
export function clog2(n: number): number {
  if (n < 1 || !Number.isInteger(n)) throw new RangeError(`clog2 needs a positive integer, got ${n}`);
  return n === 1 ? 0 : (n - 1).toString(2).length;
}

/** Width of a counter that indexes 0 ... n - 1: at least one bit. */
export function indexWidth(n: number): number {
  return Math.max(clog2(n), 1);
}

/** Two's-complement bit pattern of `value` in `width` bits, as lowercase hex. */
export function twosComplementHex(value: bigint, width: number): string {
  const half = 1n << BigInt(width - 1);
  if (value < -half || value >= (half << 1n)) throw new RangeError(`${value} does not fit ${width} bits`);
  const pattern = value < 0n ? (1n << BigInt(width)) + value : value;
  return pattern.toString(16);
}

/** A sized signed literal such as 16'sh7fff; the value must fit `width` signed bits. */
export function signedLiteral(value: bigint, width: number): string {
  const half = 1n << BigInt(width - 1);
  if (value < -half || value >= half) throw new RangeError(`${value} does not fit ${width} signed bits`);
  return `${width}'sh${twosComplementHex(value, width)}`;
}

/** Signed width of a single constant. */
export function constantWidth(value: bigint): number {
  return signedWidth({ min: value, max: value });
}

/** Sign-extends or truncates a signed signal `name` of `from` bits to `to` bits. */
export function resizeSigned(name: string, from: number, to: number): string {
  if (to === from) return name;
  if (to < from) return `$signed(${name}[${to - 1}:0])`;
  return `$signed({ {${to - from}{${name}[${from - 1}]}}, ${name} })`;
}

/** Zero-extends an unsigned one-bit signal to `to` bits. */
export function zeroExtendBit(name: string, to: number): string {
  return to === 1 ? name : `{ {${to - 1}{1'b0}}, ${name} }`;
}
