// Memory files as both simulators read them: exact 64-bit and negative words, the last word
// of the file, and paths resolved from the simulator's working directory.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexWord, memoryFile } from '../../generator/emit/hex.js';
import { FlexorError } from '../../generator/errors.js';
import { runSimulation, type Simulator } from '../../generator/sim/run.js';
import { ALL_SIM_TOOLS, FIXTURES, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'memory file simulations');
const probe = path.join(FIXTURES, 'sim', 'memory_probe.v');

describe.runIf(ready).each<Simulator>(['icarus', 'verilator'])('memory files on %s', (simulator) => {
  const base = tempDir(`memory-${simulator}`);

  async function readBack(name: string, text: string, width: number, depth: number, cwd?: string, fileParameter?: string) {
    const dir = await base;
    const file = path.join(dir, 'sub', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    return runSimulation({
      simulator,
      sources: [probe],
      top: 'memory_probe',
      buildDir: path.join(dir, `build-${width}-${depth}`),
      timeoutMs: 120_000,
      parameters: { FILE: fileParameter ?? file, WIDTH: width, DEPTH: depth },
      ...(cwd !== undefined && { cwd }),
    });
  }

  it('reads a 64-bit word exactly', async () => {
    const result = await readBack('wide.hex', memoryFile([18446744073709551615n, -2n], 64), 64, 2);
    expect(result.stdout).toContain('word 0 hex ffffffffffffffff dec 18446744073709551615\n');
    expect(result.stdout).toContain('word 1 hex fffffffffffffffe dec 18446744073709551614\n');
  });

  it('reads -59 written as c5', async () => {
    expect(hexWord(-59n, 8)).toBe('c5');
    const result = await readBack('byte.hex', memoryFile([-59n, 0x11n, 0x22n, 0x44n], 8), 8, 4);
    expect(result.stdout).toContain('word 0 hex c5 dec 197\n');
    expect(result.stdout).toContain('word 3 hex 44 dec 68\n');
  });

  it('resolves a relative path from the working directory', async () => {
    const dir = await base;
    const result = await readBack('relative.hex', memoryFile([0x11n, 0x22n, 0x33n, 0x44n], 8), 8, 4, dir, 'sub/relative.hex');
    expect(result.stdout).toContain('word 3 hex 44 dec 68\n');
    const error = await readBack('relative.hex', memoryFile([0x11n, 0x22n, 0x33n, 0x44n], 8), 8, 4, path.join(dir, 'sub'), 'sub/relative.hex').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlexorError);
    expect((error as FlexorError).code).toBe('TOOL_FAILED');
    expect((error as FlexorError).message).toContain('could not read a file');
  });

  it('handles a last line without newline', async () => {
    // Verilator 5.006 drops the last word of such a file and prints a warning; Icarus reads it.
    const run = readBack('no-newline.hex', '11\n22\n33\n44', 8, 4);
    if (simulator === 'icarus') {
      expect((await run).stdout).toContain('word 3 hex 44 dec 68\n');
    } else {
      const error = await run.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FlexorError);
      expect((error as FlexorError).message).toMatch(/ended before specified final address/);
    }
  });
});
