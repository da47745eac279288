// Reading a config file into a JSON value. Syntax errors report line and column, found by
// jsonc-parser because Node's JSON.parse messages do not always carry a position.

import { readFile } from 'node:fs/promises';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigError, FlexorError } from '../errors.js';

export async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : String((error as Error).message);
    throw new FlexorError('USAGE', `cannot read config ${file}: ${reason}. Check the path; a relative path starts at the working directory.`);
  }
}

export function parseConfigText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(source, [syntaxIssue(text)], 'CONFIG_PARSE');
  }
}

function syntaxIssue(text: string) {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  const problem = first === undefined ? 'invalid JSON' : describeParseError(printParseErrorCode(first.error));
  return {
    path: '',
    value: undefined,
    problem: `${problem} at line ${line}, column ${column}`,
    expected: 'a JSON document (no comments, no trailing commas)',
    fix: `correct the JSON syntax at line ${line}, column ${column}`,
  };
}

function describeParseError(code: string): string {
  // printParseErrorCode returns names such as "CommaExpected"; turn them into words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
