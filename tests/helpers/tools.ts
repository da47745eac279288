// Deciding whether tests that need iverilog, Verilator or Yosys can run. Under CI (CI=true)
// a missing tool fails the test file; on a developer machine the tests are skipped with a
// message on stderr.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { findTool, type ToolName } from '../../generator/sim/tools.js';

export const ALL_SIM_TOOLS: readonly ToolName[] = ['iverilog', 'vvp', 'verilator'];

export async function toolsReady(names: readonly ToolName[], suite: string): Promise<boolean> {
  const missing: string[] = [];
  for (const name of names) if ((await findTool(name)) === undefined) missing.push(name);
  if (missing.length === 0) return true;
  const message = `${suite}: ${missing.join(', ')} not installed; run \`bash scripts/setup.sh\``;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true, so a missing tool is a failure)`);
  process.stderr.write(`SKIPPED ${message}\n`);
  return false;
}

/**
 * Creates a temporary directory removed after the enclosing suite. Call it while the suite
 * is collected (directly in a describe callback), because afterAll must be registered then.
 */
export function tempDir(prefix: string): Promise<string> {
  const dir = mkdtemp(path.join(tmpdir(), `flexor-${prefix}-`));
  afterAll(async () => {
    await rm(await dir, { recursive: true, force: true });
  });
  return dir;
}

export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures');
