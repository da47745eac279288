// Seeded pseudo-random numbers for everything flexor-rtl draws: stimulus vectors, stall
// patterns, XOR matrices and weight initialisation. Same seed, same sequence, on every machine.

import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { uniformBigInt } from 'pure-rand/distribution/uniformBigInt';

export interface Random {
  /** Integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** Integer of `bits` uniformly random bits (0 ... 2^bits - 1). */
  bits(bits: number): bigint;
  /** Real number in [0, 1), with 53 random bits. */
  float(): number;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return {
    int: (min, max) => uniformInt(rng, min, max),
    bits: (bits) => (bits === 0 ? 0n : uniformBigInt(rng, 0n, (1n << BigInt(bits)) - 1n)),
    float: () => (uniformInt(rng, 0, 2 ** 26 - 1) * 2 ** 27 + uniformInt(rng, 0, 2 ** 27 - 1)) / 2 ** 53,
  };
}
