import { describe, expect, it } from 'vitest';
import { checksumChunk, checksumStatements, checksumWord, checksumWords, CHECKSUM_OFFSET } from '../../generator/sim/checksum.js';

describe('checksum', () => {
  it('folds 32-bit chunks least significant first', () => {
    const word = 0x0000_0003_0000_0005n;
    expect(checksumWord(CHECKSUM_OFFSET, word, 64)).toBe(checksumChunk(checksumChunk(CHECKSUM_OFFSET, 5), 3));
  });

  it('depends on word order', () => {
    expect(checksumWords([1n, 2n], 8)).not.toBe(checksumWords([2n, 1n], 8));
  });

  it('stays an unsigned 32-bit value', () => {
    const sum = checksumWords([2n ** 64n - 1n, 0n, 12345n], 64);
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(sum).toBeLessThan(2 ** 32);
  });

  it('pads the last chunk in Verilog', () => {
    expect(checksumStatements('s', 'w', 40)).toEqual(['s = checksum_step(s, w[31:0]);', "s = checksum_step(s, {24'd0, w[39:32]});"]);
    expect(checksumStatements('s', 'w', 1)).toEqual(["s = checksum_step(s, {31'd0, w});"]);
  });
});
