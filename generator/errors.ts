// Error classes shared by every stage. Each carries a stable `code` that tests and the CLI
// match on, and the process exit code the CLI returns for it.

export type ErrorCode =
  | 'CONFIG_PARSE'
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'DATASET_MISSING'
  | 'TOOL_MISSING'
  | 'TOOL_FAILED'
  | 'TOOL_TIMEOUT'
  | 'SIM_MISMATCH'
  | 'LINT_FAILED'
  | 'SYNTH_FAILED'
  | 'MATRIX_INVALID'
  | 'INTERNAL';

/** Exit codes of the `flexor` command, documented in docs/cli.md. */
export const EXIT_CODES: Record<ErrorCode, number> = {
  CONFIG_PARSE: 2,
  CONFIG_INVALID: 2,
  USAGE: 2,
  DATASET_MISSING: 2,
  TOOL_MISSING: 3,
  TOOL_FAILED: 3,
  TOOL_TIMEOUT: 3,
  SIM_MISMATCH: 4,
  LINT_FAILED: 4,
  SYNTH_FAILED: 4,
  MATRIX_INVALID: 2,
  INTERNAL: 70,
};

export class FlexorError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FlexorError';
    this.code = code;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** One violation found in a config: where, what was there, what the rule wants, how to fix it. */
export interface ConfigIssue {
  /** JSON path such as `layers[0].planes[1].alpha[3]`; empty for the document itself. */
  path: string;
  /** The value found at `path`, or undefined when the field is missing. */
  value: unknown;
  /** The rule, phrased as what a valid value looks like. */
  expected: string;
  /** Change that satisfies the rule. */
  fix: string;
  /** Replaces "found <value>" when the problem is not a single value, such as a JSON syntax error. */
  problem?: string;
}

export class ConfigError extends FlexorError {
  readonly issues: ConfigIssue[];
  readonly source: string;

  constructor(source: string, issues: ConfigIssue[], code: 'CONFIG_INVALID' | 'CONFIG_PARSE' = 'CONFIG_INVALID') {
    super(code, formatConfigIssues(source, issues));
    this.name = 'ConfigError';
    this.issues = issues;
    this.source = source;
  }
}

/** Renders a value for an error message, shortened so that a huge array cannot flood the terminal. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = typeof value === 'string' ? JSON.stringify(value) : safeStringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function safeStringify(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/**
 * Formats issues under a title line such as "invalid config net.json: 2 problems"; an issue
 * with an empty path is shown at `wholeInput`.
 */
export function formatIssues(title: string, issues: ConfigIssue[], wholeInput: string): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = [`${title}: ${count}`];
  for (const issue of issues) {
    const where = issue.path === '' ? wholeInput : issue.path;
    const found = issue.problem ?? `found ${describeValue(issue.value)}`;
    lines.push(`  ${where}: ${found}; expected ${issue.expected}.`);
    lines.push(`    fix: ${issue.fix}`);
  }
  return lines.join('\n');
}

function formatConfigIssues(source: string, issues: ConfigIssue[]): string {
  return formatIssues(`invalid config ${source}`, issues, '(document)');
}
