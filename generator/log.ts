// Per-stage timing on stderr for `flexor --verbose`. Stages call `logStage` when they finish;
// nothing is printed unless the CLI enabled it.

let enabled = false;
let started = performance.now();

export function enableStageLog(): void {
  enabled = true;
  started = performance.now();
}

/** Prints "flexor: [seconds since start] message" on stderr when --verbose is set. */
export function logStage(message: string): void {
  if (!enabled) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(`flexor: [${seconds} s] ${message}\n`);
}
