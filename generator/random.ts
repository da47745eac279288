// Seeded random numbers for everything flexor-rtl draws: the trainer's XOR matrices, initial
// weights and batch order, and the test networks, input vectors and stall patterns. A trainer
// choice comes from a generator derived from the user's seed and a fixed stream label,
// so adding a draw to one stream never changes the numbers of another.

import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** Returns a generator for stream `label` of `seed`, independent of the other streams. */
  static stream(seed: number, label: string): Random {
    let hash = 0x811c9dc5;
    for (const char of `${seed}:${label}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    return new Random(hash);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in from ... to, both included. */
  integer(from: number, to: number): number {
    return uniformInt(this.generator, from, to);
  }

  /** Standard normal value, by the Box-Muller transform. */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Shuffles `values` in place (Fisher-Yates). */
  shuffle(values: Uint32Array | number[]): void {
    for (let i = values.length - 1; i > 0; i -= 1) {
      const j = this.integer(0, i);
      const swap = values[i]!;
      values[i] = values[j]!;
      values[j] = swap;
    }
  }
}
