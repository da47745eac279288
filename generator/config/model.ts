// The normalized network: what every stage after loading works on. All cross-references are
// resolved, matrices are reduced mod 2, bit streams are unpacked, and every integer the
// hardware uses is present.

export type WeightOrder = 'input-fastest' | 'output-fastest';
export type Activation = 'relu' | 'none';

/** An XOR network y = M x over GF(2). `rows[r]` lists the inputs XORed into output r, ascending. */
export interface XorMatrix {
  readonly nIn: number;
  readonly nOut: number;
  readonly rows: readonly (readonly number[])[];
}

export interface DecoderSpec extends XorMatrix {
  readonly name: string;
}

/** Fixed-point activation format: real value = integer * scale. */
export interface ActivationFormat {
  readonly bits: number;
  readonly signed: boolean;
  readonly scale: number;
}

export interface PlaneSpec {
  readonly decoder: DecoderSpec;
  /** Real scaling factor per output channel. */
  readonly alpha: readonly number[];
  /** Encrypted stream, one 0/1 entry per bit, slice after slice: ceil(weights / nOut) * nIn entries. */
  readonly encrypted: Uint8Array;
}

/** Integers of one layer; acc[o] = sum_p alphaQ[p][o] * P[p][o] + biasQ[o]. */
export interface LayerIntegers {
  readonly alphaFracBits: number;
  readonly alphaQ: readonly (readonly number[])[];
  readonly biasQ: readonly number[];
  /** Requantization multiplier and shift; absent when the layer outputs raw accumulators. */
  readonly requant?: { readonly multiplier: number; readonly shift: number };
  /** True when the config carried these integers, false when they were derived on load. */
  readonly fromConfig: boolean;
}

export interface HardwareFolding {
  /** Processing elements: outputs computed in parallel. */
  readonly pe: number;
  /** Inputs consumed per cycle by each processing element. */
  readonly simd: number;
}

export interface DenseLayerSpec {
  readonly name: string;
  readonly index: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weightOrder: WeightOrder;
  readonly planes: readonly PlaneSpec[];
  readonly bias: readonly number[];
  readonly activation: Activation;
  readonly input: ActivationFormat;
  readonly output: ActivationFormat | 'accumulator';
  readonly integer: LayerIntegers;
  readonly hardware: HardwareFolding;
}

export interface NetworkSpec {
  readonly name: string;
  readonly decoders: readonly DecoderSpec[];
  readonly input: ActivationFormat & { readonly features: number };
  readonly layers: readonly DenseLayerSpec[];
  /** Short hash of the canonical config text; goes into every generated file header. */
  readonly hash: string;
  /** Config path as the user gave it, relative where possible; never absolute in generated files. */
  readonly source: string;
  /** Provenance written by `flexor train`, when the config has it. */
  readonly training?: { readonly dataset?: string };
}

/** Number of weights in a layer and of slices one plane of it needs. */
export function sliceCount(weights: number, nOut: number): number {
  return Math.ceil(weights / nOut);
}
