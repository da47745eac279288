// Derivation of a layer's integers from its real-valued alpha, bias and scales, following the
// rules in docs/arithmetic.md. This is the only place where real numbers become hardware
// integers; the golden model and the RTL both read the result.

import type { ActivationFormat } from '../config/model.js';
import { LIMITS } from '../config/limits.js';
import { roundHalfUp } from './rounding.js';

/** Signed width of an alpha code: every |alphaQ| is at most 2^(ALPHA_BITS - 1) - 1. */
export const ALPHA_BITS = 16;
/** The requantization multiplier M lies in [2^(MULTIPLIER_BITS - 1), 2^MULTIPLIER_BITS). */
export const MULTIPLIER_BITS = 15;

export interface DerivedIntegers {
  alphaFracBits: number;
  alphaQ: number[][];
  biasQ: number[];
  requant?: { multiplier: number; shift: number };
}

/** A derivation failure, tied to the config field whose value caused it. */
export class DerivationError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
    readonly fix: string,
  ) {
    super(`${field}: ${expected}`);
  }
}

/** Largest F <= maxAlphaFracBits for which every alpha code fits ALPHA_BITS signed bits. */
export function chooseAlphaFracBits(alpha: readonly (readonly number[])[]): number {
  const limit = 2 ** (ALPHA_BITS - 1) - 1;
  for (let f = LIMITS.maxAlphaFracBits; f > 0; f -= 1) {
    const scale = 2 ** f;
    const fitsAll = alpha.every((row) => row.every((a) => Math.abs(roundHalfUp(a * scale)) <= limit));
    if (fitsAll) return f;
  }
  return 0;
}

/** Chooses M and S with M / 2^S close to `ratio`: the smallest S that gives M >= 2^(MULTIPLIER_BITS - 1). */
export function chooseMultiplier(ratio: number): { multiplier: number; shift: number } | undefined {
  if (!Number.isFinite(ratio) || ratio <= 0) return undefined;
  const low = 2 ** (MULTIPLIER_BITS - 1);
  const high = 2 ** MULTIPLIER_BITS;
  for (let shift = 0; shift <= LIMITS.maxShift; shift += 1) {
    const multiplier = roundHalfUp(ratio * 2 ** shift);
    if (multiplier >= high) return undefined;
    if (multiplier >= low) return { multiplier, shift };
  }
  const multiplier = roundHalfUp(ratio * 2 ** LIMITS.maxShift);
  return multiplier > 0 ? { multiplier, shift: LIMITS.maxShift } : undefined;
}

export interface LayerReals {
  alpha: readonly (readonly number[])[];
  bias: readonly number[];
  input: ActivationFormat;
  output: ActivationFormat | 'accumulator';
}

export function deriveIntegers(layer: LayerReals, path: string): DerivedIntegers {
  const alphaFracBits = chooseAlphaFracBits(layer.alpha);
  const alphaScale = 2 ** alphaFracBits;
  const alphaQ = layer.alpha.map((row) => row.map((a) => roundHalfUp(a * alphaScale)));

  const biasScale = alphaScale / layer.input.scale;
  const biasQ = layer.bias.map((b, o) => {
    const scaled = b * biasScale;
    const code = Number.isFinite(scaled) ? roundHalfUp(scaled) : Number.NaN;
    if (!Number.isSafeInteger(code)) {
      throw new DerivationError(`${path}.bias[${o}]`, b, `a bias whose code bias * 2^${alphaFracBits} / input scale fits 53 bits`, 'check the input scale of this layer; it is far too small for this bias');
    }
    return code;
  });

  if (layer.output === 'accumulator') return { alphaFracBits, alphaQ, biasQ };
  const ratio = layer.input.scale / (alphaScale * layer.output.scale);
  const requant = chooseMultiplier(ratio);
  if (requant === undefined) {
    throw new DerivationError(
      `${path}.output.scale`,
      layer.output.scale,
      `a scale for which input scale / (2^${alphaFracBits} * output scale) lies between 2^-${LIMITS.maxShift} and 2^${MULTIPLIER_BITS - 1}`,
      'use an output scale closer to the range of the real outputs (max |output| / 2^bits)',
    );
  }
  return { alphaFracBits, alphaQ, biasQ, requant };
}
