// Removal of staging directories when the process is interrupted (Ctrl-C or SIGTERM), so that
// an interrupted command leaves no half-written directory behind.

import { rmSync } from 'node:fs';

const pending = new Set<string>();
let installed = false;

function cleanUp(signal: NodeJS.Signals): void {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Removes `dir` if the process is interrupted before `forgetOnInterrupt(dir)`. */
export function removeOnInterrupt(dir: string): void {
  pending.add(dir);
  if (!installed) {
    process.once('SIGINT', cleanUp);
    process.once('SIGTERM', cleanUp);
    installed = true;
  }
}

export function forgetOnInterrupt(dir: string): void {
  pending.delete(dir);
}
