import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseIdx, readIdxFile } from '../../generator/data/idx.js';
import { FlexorError } from '../../generator/errors.js';

/** Builds an IDX file of unsigned bytes by hand: magic 0 0 8 dims, big-endian sizes, data. */
function idxBytes(shape: number[], data: number[]): Uint8Array {
  const header = [0, 0, 0x08, shape.length];
  for (const size of shape) header.push((size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255);
  return Uint8Array.from([...header, ...data]);
}

describe('parseIdx', () => {
  it('reads shape and data of a 3-d array', () => {
    const data = Array.from({ length: 2 * 3 * 4 }, (_, k) => (k * 37) % 256);
    const idx = parseIdx(idxBytes([2, 3, 4], data), 'images');
    expect(idx.shape).toEqual([2, 3, 4]);
    expect(Array.from(idx.data)).toEqual(data);
  });

  it('reads sizes above 255 as big-endian', () => {
    const idx = parseIdx(idxBytes([300], new Array(300).fill(7)), 'labels');
    expect(idx.shape).toEqual([300]);
  });

  it('rejects a wrong element type', () => {
    const bytes = idxBytes([1], [5]);
    bytes[2] = 0x0d;
    expect(() => parseIdx(bytes, 'x.idx')).toThrow(/element type code 0xd/);
  });

  it('rejects a truncated data section', () => {
    const bytes = idxBytes([4], [1, 2, 3, 4]).subarray(0, 10);
    let caught: unknown;
    try {
      parseIdx(bytes, 'x.idx');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlexorError);
    expect((caught as FlexorError).code).toBe('DATASET_MISSING');
    expect((caught as FlexorError).message).toMatch(/needs 4 data bytes, found 2/);
  });
});

describe('readIdxFile', () => {
  it('gunzips a .gz file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idx-'));
    const file = path.join(dir, 'labels-idx1-ubyte.gz');
    writeFileSync(file, gzipSync(idxBytes([5], [9, 8, 7, 6, 5])));
    const idx = await readIdxFile(file);
    expect(idx.shape).toEqual([5]);
    expect(Array.from(idx.data)).toEqual([9, 8, 7, 6, 5]);
  });

  it('reads an uncompressed file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idx-'));
    const file = path.join(dir, 'images-idx3-ubyte');
    writeFileSync(file, idxBytes([1, 2, 2], [0, 255, 128, 1]));
    const idx = await readIdxFile(file);
    expect(idx.shape).toEqual([1, 2, 2]);
    expect(Array.from(idx.data)).toEqual([0, 255, 128, 1]);
  });
});
