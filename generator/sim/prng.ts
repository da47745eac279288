// A seeded pseudo-random generator for stimulus and test matrices: xoshiro128** seeded
// through splitmix32. Testbenches never call $random or $urandom, because Icarus and
// Verilator produce different sequences and TypeScript reproduces neither. Every random
// value comes from here and reaches the simulators through vector files.

function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) >>> 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class Prng {
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed ${seed} is not a non-negative integer`);
    const state = { value: seed >>> 0 };
    // Fold the high bits in too, so that seeds above 2^32 differ from their low word.
    state.value = (state.value ^ Math.floor(seed / 2 ** 32)) >>> 0;
    for (let i = 0; i < 4; i += 1) this.s[i] = splitmix32(state);
  }

  /** Returns the next 32-bit unsigned value. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** Returns an integer in 0 ... bound - 1 without modulo bias. */
  nextBelow(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`bound ${bound} is outside 1 ... 2^32`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % bound;
    }
  }

  /** Fills `bits` with independent 0/1 values. */
  fillBits(bits: Uint8Array): Uint8Array {
    let word = 0;
    for (let i = 0; i < bits.length; i += 1) {
      if ((i & 31) === 0) word = this.nextUint32();
      bits[i] = (word >>> (i & 31)) & 1;
    }
    return bits;
  }
}
