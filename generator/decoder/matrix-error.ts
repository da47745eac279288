// The error for a malformed XOR matrix given on the command line or in a matrix file: every
// problem with its row, the value found, what was expected and how to fix it.

import { describeValue, FlexorError, type ConfigIssue } from '../errors.js';

export class MatrixError extends FlexorError {
  readonly issues: ConfigIssue[];

  constructor(origin: string, issues: ConfigIssue[]) {
    super('MATRIX_INVALID', formatMatrixIssues(origin, issues));
    this.name = 'MatrixError';
    this.issues = issues;
  }
}

function formatMatrixIssues(origin: string, issues: ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = [`invalid matrix in ${origin}: ${count}`];
  for (const issue of issues) {
    const where = issue.path === '' ? 'matrix' : issue.path;
    const found = issue.problem ?? `found ${describeValue(issue.value)}`;
    lines.push(`  ${where}: ${found}; expected ${issue.expected}.`);
    lines.push(`    fix: ${issue.fix}`);
  }
  return lines.join('\n');
}
