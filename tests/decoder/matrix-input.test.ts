import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../generator/decoder/matrix-error.js';
import { parseMatrixText } from '../../generator/decoder/matrix-input.js';

function parseError(text: string): MatrixError {
  try {
    parseMatrixText(text, '--matrix');
  } catch (error) {
    expect(error).toBeInstanceOf(MatrixError);
    return error as MatrixError;
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

describe('parseMatrixText', () => {
  it('reads rows with column 0 first', () => {
    const { matrix } = parseMatrixText('1011,1100', '--matrix');
    expect(matrix).toEqual({ nIn: 4, nOut: 2, rows: [[0, 2, 3], [0, 1]] });
  });

  it('reads files with comments and blank lines', () => {
    const { matrix } = parseMatrixText('# comment\n10\n\n01  # second\n', 'm.txt');
    expect(matrix.rows).toEqual([[0], [1]]);
  });

  it('warns about rows without taps', () => {
    const { warnings, matrix } = parseMatrixText('10,00', '--matrix');
    expect(matrix.rows[1]).toEqual([]);
    expect(warnings).toEqual(['row 1 of the matrix taps no input, so dec_o[1] is the constant 0']);
  });

  it('accepts more columns than rows', () => {
    expect(parseMatrixText('11111111', '--matrix').matrix.nIn).toBe(8);
  });

  it('reports every bad row at once', () => {
    const error = parseError('1011,1a10,001');
    expect(error.code).toBe('MATRIX_INVALID');
    expect(error.exitCode).toBe(2);
    expect(error.issues.map((issue) => issue.path)).toEqual(['row 1', 'row 2']);
    expect(error.message).toContain('row 1: found "a" at column 1 of "1a10"; expected only the characters 0 and 1.');
    expect(error.message).toContain('row 2: found 3 columns; expected 4 columns like row 0');
    expect(error.message).toContain('fix: pad or trim the row');
  });

  it('rejects an empty row between commas', () => {
    expect(parseError('10,,01').message).toContain('found an empty row between two commas');
  });

  it('rejects an empty matrix', () => {
    expect(parseError(' \n# only a comment\n').message).toContain('found no rows; expected at least one row');
  });

  it('rejects matrices above the size limit', () => {
    expect(parseError('1'.repeat(4097)).message).toContain('columns: found 4097; expected at most 4096 columns');
  });
});
