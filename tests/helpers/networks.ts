// Small network configs for tests, built by the seeded random-network builder.

export { buildNetwork, networkDocument, randomTaps, type NetworkShape } from '../../generator/config/random-network.js';

export const PIXELS = { features: 16, bits: 8, signed: false, scale: 1 / 255 } as const;
