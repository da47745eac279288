// Parsers for numeric and enumerated command-line options. Each rejects a bad value with
// commander's InvalidArgumentError, which names the option and exits with code 2.

import { InvalidArgumentError } from 'commander';
import type { Simulator } from '../sim/run.js';

export function integerOption(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || number < min || number > max) {
      throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}, got ${JSON.stringify(value)}.`);
    }
    return number;
  };
}

export function fractionOption(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 0.95) {
    throw new InvalidArgumentError(`Expected a probability from 0 to 0.95, got ${JSON.stringify(value)}.`);
  }
  return number;
}

export function simulatorsOption(value: string): Simulator[] {
  if (value === 'both') return ['icarus', 'verilator'];
  if (value === 'icarus' || value === 'verilator') return [value];
  throw new InvalidArgumentError(`Expected icarus, verilator or both, got ${JSON.stringify(value)}.`);
}
