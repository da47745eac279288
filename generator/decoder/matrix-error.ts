// The error for a malformed XOR matrix given on the command line or in a matrix file: every
// problem with its row, the value found, what was expected and how to fix it.

import { FlexorError, formatIssues, type ConfigIssue } from '../errors.js';

export class MatrixError extends FlexorError {
  readonly issues: ConfigIssue[];

  constructor(origin: string, issues: ConfigIssue[]) {
    super('MATRIX_INVALID', formatIssues(`invalid matrix in ${origin}`, issues, 'matrix'));
    this.name = 'MatrixError';
    this.issues = issues;
  }
}
