// Atomic writing of a JSON file: the text goes to a temporary sibling first and is renamed
// over the target only when it is complete, so a failure never leaves a half-written file.

import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FlexorError } from '../errors.js';

/** Checks before any work is done that `file` can be written: its folder exists and is writable, and it is not a folder. */
export async function checkWritable(file: string, flag: string): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const dirInfo = await stat(dir).catch(() => undefined);
  if (dirInfo === undefined || !dirInfo.isDirectory()) {
    throw new FlexorError('USAGE', `cannot write ${flag} ${file}: folder ${dir} does not exist or is not a folder. Create it first or choose another path.`);
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new FlexorError('USAGE', `cannot write ${flag} ${file}: folder ${dir} is not writable. Choose another path.`);
  }
  const info = await stat(target).catch(() => undefined);
  if (info !== undefined && !info.isFile()) {
    throw new FlexorError('USAGE', `cannot write ${flag} ${file}: it exists and is not a regular file. Choose another path.`);
  }
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new FlexorError('USAGE', `cannot write ${file}: ${(error as Error).message}. Check the path and free space.`, { cause: error });
  }
}
