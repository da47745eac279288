// Writing a set of files under a directory that the caller owns (a staging or bench directory).

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes each file (path relative to `root`), creating directories; returns the absolute paths. */
export async function writeFiles(root: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  const written: string[] = [];
  for (const [name, content] of files) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    written.push(file);
  }
  return written;
}
