// Shape of a version-1 model config. Every field error message is phrased as the valid value
// ("an integer from 1 to 4096"), because the loader prints it after "expected". Rules that
// relate several fields (sizes, decoder references, stream lengths) live in rules.ts.

import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, LIMITS } from './limits.js';

function intIn(min: number, max: number, description: string) {
  const text = `an integer from ${min} to ${max}`;
  return z.int({ error: text }).min(min, { error: text }).max(max, { error: text }).describe(description);
}

function finite(description: string) {
  return z.number({ error: 'a finite number' }).describe(description);
}

function positive(description: string) {
  const text = 'a finite number greater than 0';
  return z.number({ error: text }).positive({ error: text }).describe(description);
}

const safeInteger = z.int({ error: 'an integer between -(2^53 - 1) and 2^53 - 1' });

const name = z
  .string({ error: 'a string' })
  .describe('Identifier: a letter, then letters, digits or single underscores; not a Verilog keyword.');

const bitRow = z
  .string({ error: 'a string of 0 and 1 characters' })
  .regex(/^[01]+$/, { error: 'a string of 0 and 1 characters' })
  .describe('One output bit: character i is 1 when encrypted input i is XORed into it (column 0 first).');

const tapRow = z
  .array(intIn(0, LIMITS.maxDecoderBits - 1, 'Encrypted input index.'), { error: 'a list of input indices' })
  .describe('One output bit: the encrypted inputs XORed into it. A repeated index cancels (x XOR x = 0).');

export const decoderSchema = z
  .strictObject({
    name,
    nIn: intIn(1, LIMITS.maxDecoderBits, 'Encrypted bits per slice.'),
    nOut: intIn(1, LIMITS.maxDecoderBits, 'Decrypted weight bits per slice.'),
    rows: z.array(bitRow, { error: 'a list of 0/1 strings' }).optional().describe('Matrix M as nOut rows of nIn characters. Give rows or taps, not both.'),
    taps: z.array(tapRow, { error: 'a list of tap lists' }).optional().describe('Matrix M as nOut lists of tapped input indices. Give rows or taps, not both.'),
    description: z.string({ error: 'a string' }).optional(),
  })
  .describe('An XOR-gate network y = M x over GF(2).');

export const activationFormatSchema = z
  .strictObject({
    bits: intIn(LIMITS.minActivationBits, LIMITS.maxActivationBits, 'Width of each activation integer.'),
    signed: z.boolean({ error: 'true or false' }).describe('Two\'s complement when true, unsigned when false.'),
    scale: positive('Real value of one integer step: real = integer * scale.'),
  })
  .describe('Fixed-point format of an activation vector.');

const inputSchema = activationFormatSchema
  .extend({ features: intIn(1, LIMITS.maxFeatures, 'Length of the input vector.') })
  .describe('Format of the network input vector.');

const encryptedSchema = z
  .strictObject({
    bits: intIn(1, LIMITS.maxLayerWeights * 8, 'Number of encrypted bits: ceil(weights / nOut) * nIn.'),
    hex: z
      .string({ error: 'a string of hexadecimal digits' })
      .regex(/^([0-9a-fA-F]{2})*$/, { error: 'hexadecimal digits (0-9, a-f), two per byte' })
      .describe('Bit k of the stream is bit (k mod 8) of byte floor(k / 8); bytes as two hex digits each.'),
  })
  .describe('Encrypted bit stream of one plane, in slice order.');

const planeSchema = z
  .strictObject({
    decoder: name.describe('Name of the decoder that decrypts this plane.'),
    alpha: z.array(finite('Scaling factor.'), { error: 'a list of numbers' }).describe('Scaling factor per output channel.'),
    encrypted: encryptedSchema,
  })
  .describe('One binary-code plane: w += alpha[o] * b, b in {-1, +1}.');

const integerSchema = z
  .strictObject({
    alphaFracBits: intIn(0, LIMITS.maxAlphaFracBits, 'Fractional bits F of the alpha codes.'),
    alphaQ: z.array(z.array(safeInteger), { error: 'a list of integer lists' }).describe('alphaQ[p][o] = alpha[p][o] * 2^F, rounded.'),
    biasQ: z.array(safeInteger, { error: 'a list of integers' }).describe('Bias in accumulator units.'),
    multiplier: intIn(0, 2 ** 31 - 1, 'Requantization multiplier M.').optional(),
    shift: intIn(0, LIMITS.maxShift, 'Requantization right shift S.').optional(),
  })
  .describe('Integers the hardware and the golden model use; derived from the real values when absent.');

const hardwareSchema = z
  .strictObject({
    pe: intIn(1, LIMITS.maxPe, 'Processing elements: outputs computed in parallel.').optional(),
    simd: intIn(1, LIMITS.maxSimd, 'Inputs consumed per cycle by each processing element.').optional(),
  })
  .describe('Folding of the layer onto hardware.');

export const denseLayerSchema = z
  .strictObject({
    name,
    type: z.literal('dense', { error: 'the layer type "dense"' }),
    inFeatures: intIn(1, LIMITS.maxFeatures, 'Inputs of the layer.'),
    outFeatures: intIn(1, LIMITS.maxFeatures, 'Outputs of the layer.'),
    weightOrder: z
      .enum(['input-fastest', 'output-fastest'], { error: '"input-fastest" or "output-fastest"' })
      .describe('input-fastest: weight (o, i) is element o * inFeatures + i; output-fastest: element i * outFeatures + o.'),
    planes: z.array(planeSchema, { error: 'a list of planes' }).describe('The q binary-code planes.'),
    bias: z.array(finite('Bias.'), { error: 'a list of numbers' }).optional().describe('Real bias per output; zeros when absent.'),
    activation: z.enum(['relu', 'none'], { error: '"relu" or "none"' }),
    output: z
      .union([z.literal('accumulator'), activationFormatSchema], {
        error: '"accumulator" or an object with bits, signed and scale',
      })
      .describe('Requantized output format, or "accumulator" (last layer only) for raw accumulators.'),
    integer: integerSchema.optional(),
    hardware: hardwareSchema.optional(),
  })
  .describe('A fully connected layer whose weights are FleXOR-encrypted.');

const trainingSchema = z
  .looseObject({
    dataset: z.string().optional(),
    seed: z.int().optional(),
    epochs: z.int().optional(),
    command: z.string().optional(),
    floatAccuracy: z.number().optional(),
    integerAccuracy: z.number().optional(),
    testImages: z.int().optional(),
  })
  .describe('Provenance written by `flexor train`; informational only.');

export const configSchema = z
  .strictObject({
    format: z.literal(FORMAT_NAME, { error: `the string "${FORMAT_NAME}"` }),
    version: z.literal(FORMAT_VERSION, { error: `the number ${FORMAT_VERSION}` }),
    name,
    decoders: z.array(decoderSchema, { error: 'a list of decoders' }),
    input: inputSchema,
    layers: z.array(denseLayerSchema, { error: 'a list of layers' }),
    training: trainingSchema.optional(),
  })
  .describe('A trained FleXOR network, format version 1.');

export type ConfigDocument = z.infer<typeof configSchema>;
export type DecoderDocument = z.infer<typeof decoderSchema>;
export type DenseLayerDocument = z.infer<typeof denseLayerSchema>;
export type ActivationFormatDocument = z.infer<typeof activationFormatSchema>;

/** Returns the JSON Schema that `flexor schema` prints. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { target: 'draft-2020-12' });
}
