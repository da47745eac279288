// Locating files that ship with the package (templates), whether the code runs from dist/
// after `npm run build` or from generator/ under vitest.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** Returns the directory holding flexor-rtl's package.json, searching upward from this file. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'flexor-rtl') {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json of flexor-rtl not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function templatesDir(): string {
  return path.join(packageRoot(), 'templates');
}
