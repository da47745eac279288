// Reading an XOR matrix for `flexor decoder` and `flexor sim decoder`: rows of 0/1
// characters, column 0 first, separated by commas (on the command line) or by commas and
// line breaks (in a matrix file, where `#` starts a comment). Every problem is collected
// and reported together.

import { readFile } from 'node:fs/promises';
import type { XorMatrix } from '../config/model.js';
import { LIMITS } from '../config/limits.js';
import type { ConfigIssue } from '../errors.js';
import { FlexorError } from '../errors.js';
import { tapsFromRowString } from '../golden/xor-matrix.js';
import { MatrixError } from './matrix-error.js';

export interface ParsedMatrix {
  matrix: XorMatrix;
  /** The rows as given, one 0/1 string per output bit. */
  rowStrings: string[];
  /** Things that are valid but probably not intended, for stderr. */
  warnings: string[];
}

const ROW_FIX = 'write each row as 0 and 1 characters, one per encrypted input, column 0 first';

function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n');
}

/** Splits the text into row strings; an empty row between two separators is an issue. */
function splitRows(text: string, issues: ConfigIssue[]): string[] {
  const rows: string[] = [];
  const entries = stripComments(text)
    .split(/\n/)
    .flatMap((line) => (line.trim() === '' ? [] : line.split(',')));
  entries.forEach((entry) => {
    const row = entry.trim();
    if (row === '') {
      issues.push({ path: `row ${rows.length}`, value: entry, problem: 'found an empty row between two commas', expected: 'one 0/1 string per output bit', fix: 'remove the extra comma, or write a row of zeros such as 0000 for a constant-0 output' });
    }
    rows.push(row);
  });
  return rows;
}

function checkRow(row: string, r: number, width: number, issues: ConfigIssue[]): void {
  const bad = /[^01]/.exec(row);
  if (bad !== null) {
    issues.push({ path: `row ${r}`, value: row, problem: `found ${JSON.stringify(bad[0])} at column ${bad.index} of ${JSON.stringify(row)}`, expected: 'only the characters 0 and 1', fix: ROW_FIX });
  }
  if (row.length !== width && row !== '') {
    issues.push({ path: `row ${r}`, value: row, problem: `found ${row.length} columns`, expected: `${width} columns like row 0 (every row has one character per encrypted input)`, fix: 'pad or trim the row so that all rows have the same length' });
  }
}

function checkSize(nIn: number, nOut: number, issues: ConfigIssue[]): void {
  if (nIn > LIMITS.maxDecoderBits) {
    issues.push({ path: 'columns', value: nIn, expected: `at most ${LIMITS.maxDecoderBits} columns (encrypted inputs)`, fix: 'use a smaller matrix' });
  }
  if (nOut > LIMITS.maxDecoderBits) {
    issues.push({ path: 'rows', value: nOut, expected: `at most ${LIMITS.maxDecoderBits} rows (decrypted outputs)`, fix: 'use a smaller matrix' });
  }
}

/** Parses matrix text from `origin` (a flag or a file path, for messages); throws MatrixError. */
export function parseMatrixText(text: string, origin: string): ParsedMatrix {
  const issues: ConfigIssue[] = [];
  const rowStrings = splitRows(text, issues);
  if (rowStrings.length === 0) {
    issues.push({ path: '', value: text, problem: 'found no rows', expected: 'at least one row of 0/1 characters', fix: 'give the rows, for example --matrix 1011,1100,1110' });
    throw new MatrixError(origin, issues);
  }
  const nIn = rowStrings[0]!.length;
  rowStrings.forEach((row, r) => checkRow(row, r, nIn, issues));
  checkSize(nIn, rowStrings.length, issues);
  if (issues.length > 0) throw new MatrixError(origin, issues);

  const rows = rowStrings.map((row) => tapsFromRowString(row));
  const warnings = rows.flatMap((taps, r) => (taps.length === 0 ? [`row ${r} of the matrix taps no input, so dec_o[${r}] is the constant 0`] : []));
  return { matrix: { nIn, nOut: rows.length, rows }, rowStrings, warnings };
}

/** Reads a matrix file; see parseMatrixText for the format. */
export async function readMatrixFile(file: string, displayName: string): Promise<ParsedMatrix> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message;
    throw new FlexorError('USAGE', `cannot read matrix file ${displayName}: ${reason}. Check the path; a relative path starts at the working directory.`);
  }
  return parseMatrixText(text, displayName);
}
