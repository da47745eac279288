// Input vectors given by the user as a JSON file, for `flexor infer` and `flexor sim --inputs`.
// This reads only the shape; checkInputVectors checks lengths and ranges against a network.

import { readFile } from 'node:fs/promises';
import { FlexorError } from '../errors.js';

/** Reads input vectors from JSON: an array of arrays, or {"inputs": [...]}. */
export async function readInputVectors(file: string): Promise<number[][]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new FlexorError('USAGE', `cannot read input vectors from ${file}: ${(error as Error).message}. Give a JSON array of integer arrays.`);
  }
  const vectors = Array.isArray(value) ? value : (value as { inputs?: unknown })?.inputs;
  if (!Array.isArray(vectors) || vectors.length === 0) {
    throw new FlexorError('USAGE', `${file}: expected a non-empty JSON array of input vectors, or an object with an "inputs" array`);
  }
  const bad = vectors.findIndex((vector) => !Array.isArray(vector));
  if (bad >= 0) throw new FlexorError('USAGE', `${file}: input vector ${bad} is ${JSON.stringify(vectors[bad])}; expected an array of integers`);
  return vectors as number[][];
}
