// Turns zod's issues into ConfigIssues: a readable JSON path, the value found there, the rule
// (our schema phrases every message as the valid value) and a fix.

import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

export function issuesFromZod(error: z.ZodError, root: unknown): ConfigIssue[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        path: formatPath(issue.path),
        value: `unknown field ${keys}`,
        expected: 'only the fields documented in docs/config.md',
        fix: `remove ${keys} or correct its spelling`,
      };
    }
    const value = valueAt(root, issue.path);
    const expected = issue.message.startsWith('Invalid input') ? issue.message.replace(/^Invalid input: expected /, '') : issue.message;
    return {
      path: formatPath(issue.path),
      value,
      expected,
      fix: value === undefined ? 'add the field' : `replace the value with ${expected}`,
    };
  });
}
