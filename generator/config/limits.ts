// Bounds on config values. They keep generated hardware and the golden model inside ranges
// that were exercised by tests; they are not limits of the FleXOR method itself.

export const FORMAT_NAME = 'flexor-rtl';
export const FORMAT_VERSION = 1;

export const LIMITS = {
  /** Largest nIn or nOut of an XOR network; the 512x512 regression case is the largest tested. */
  maxDecoderBits: 4096,
  /** Largest inFeatures or outFeatures of a dense layer. */
  maxFeatures: 65536,
  /** Largest number of weights (inFeatures * outFeatures) in one layer. */
  maxLayerWeights: 1 << 26,
  maxLayers: 64,
  maxPlanes: 8,
  /** Activation widths in bits. */
  minActivationBits: 1,
  maxActivationBits: 16,
  /** Fractional bits of the fixed-point alpha codes. */
  maxAlphaFracBits: 40,
  /** Largest right shift of the requantization step. */
  maxShift: 62,
  maxNameLength: 48,
  maxPe: 256,
  maxSimd: 256,
} as const;
