// Reader for the IDX format of the MNIST family: a 4-byte magic number (two zero bytes, a
// type code, the number of dimensions), one big-endian 32-bit size per dimension, then the
// data in row-major order. Only unsigned bytes (type code 0x08) occur in these data sets.

import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { FlexorError } from '../errors.js';

const UNSIGNED_BYTE = 0x08;

export interface IdxArray {
  readonly shape: readonly number[];
  readonly data: Uint8Array;
}

/** Parses an uncompressed IDX buffer of unsigned bytes; `source` names the file in errors. */
export function parseIdx(buffer: Uint8Array, source: string): IdxArray {
  const invalid = (what: string) => new FlexorError('DATASET_MISSING', `${source} is not a valid IDX file: ${what}. Reinstall the data set.`);
  if (buffer.length < 4) throw invalid(`it has ${buffer.length} bytes, fewer than the 4-byte header`);
  if (buffer[0] !== 0 || buffer[1] !== 0) throw invalid('the magic number does not start with two zero bytes');
  if (buffer[2] !== UNSIGNED_BYTE) throw invalid(`element type code 0x${buffer[2]!.toString(16)}; expected 0x08 (unsigned byte)`);

  const dimensions = buffer[3]!;
  const headerBytes = 4 + 4 * dimensions;
  if (dimensions === 0 || buffer.length < headerBytes) throw invalid(`header of ${dimensions} dimensions is incomplete`);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const shape: number[] = [];
  for (let d = 0; d < dimensions; d += 1) shape.push(view.getUint32(4 + 4 * d, false));

  const elements = shape.reduce((product, size) => product * size, 1);
  if (buffer.length - headerBytes !== elements) {
    throw invalid(`shape ${shape.join(' x ')} needs ${elements} data bytes, found ${buffer.length - headerBytes}`);
  }
  return { shape, data: buffer.subarray(headerBytes) };
}

/** Reads an IDX file, gunzipping it when the name ends in `.gz`. */
export async function readIdxFile(file: string): Promise<IdxArray> {
  const raw = await readFile(file);
  const buffer = file.endsWith('.gz') ? gunzipSync(raw) : raw;
  return parseIdx(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), file);
}
