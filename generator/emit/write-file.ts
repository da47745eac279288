// Writing one file atomically: the content goes to a temporary sibling that is renamed over
// the target, so a reader never sees half a file and a failure leaves the old file intact.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeError } from './output-dir.js';

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true }).catch((error: unknown) => {
    throw writeError(error, file);
  });
  const staging = `${target}.tmp-${process.pid}`;
  try {
    await writeFile(staging, content);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { force: true });
    throw writeError(error, file);
  }
}
