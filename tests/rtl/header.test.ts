import { describe, expect, it } from 'vitest';
import { fileHeader, GENERATED_MARK } from '../../generator/rtl/header.js';

describe('fileHeader', () => {
  const info = {
    description: 'XOR decoder xor6x4.\nSecond line.',
    source: 'flexor decoder --matrix-file cases/m.txt',
    hash: '0123456789ab',
    parameters: [
      ['N_IN', 4],
      ['N_OUT', 6],
      ['FORM', 'taps'],
    ] as [string, string | number][],
  };

  it('starts with the do-not-edit line', () => {
    expect(fileHeader(info).split('\n')[0]).toBe(`// ${GENERATED_MARK}.`);
  });

  it('lists source, hash and aligned parameters', () => {
    const text = fileHeader(info);
    expect(text).toContain('// Source: flexor decoder --matrix-file cases/m.txt\n');
    expect(text).toContain('// Input hash: 0123456789ab\n');
    expect(text).toContain('//   N_IN  = 4\n');
    expect(text).toContain('//   FORM  = taps\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').every((line) => line === '' || line.startsWith('//'))).toBe(true);
  });

  it('rejects absolute paths in the source', () => {
    expect(() => fileHeader({ ...info, source: 'flexor gen /home/user/net.json' })).toThrow(/absolute path/);
    expect(() => fileHeader({ ...info, source: 'C:\\work\\net.json' })).toThrow(/absolute path/);
  });

  it('rejects line breaks in single-line fields', () => {
    expect(() => fileHeader({ ...info, hash: 'ab\ncd' })).toThrow(/spans several lines/);
  });
});
