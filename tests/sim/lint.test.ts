import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlexorError } from '../../generator/errors.js';
import { lintVerilog } from '../../generator/sim/lint.js';
import { FIXTURES, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(['iverilog', 'verilator'], 'lintVerilog tests');

describe.runIf(ready)('lintVerilog', () => {
  const base = tempDir('lint');

  it('accepts a clean module', async () => {
    await expect(lintVerilog([path.join(FIXTURES, 'sim', 'rom_probe.v')], 'rom_probe', path.join(await base, 'clean'))).resolves.toBeUndefined();
  });

  it('lists every warning of both tools', async () => {
    const error = await lintVerilog([path.join(FIXTURES, 'sim', 'sim_warning.v')], 'sim_warning', path.join(await base, 'warning'), { timing: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlexorError);
    expect((error as FlexorError).code).toBe('LINT_FAILED');
    expect((error as FlexorError).message).toMatch(/SELRANGE/);
    expect((error as FlexorError).message).toMatch(/iverilog .*\n.*Part select \[11:8\]/);
  });

  it('requires --timing for delays only when asked', async () => {
    const probe = path.join(FIXTURES, 'sim', 'sim_probe.v');
    await expect(lintVerilog([probe], 'sim_probe', path.join(await base, 'timing'), { timing: true })).resolves.toBeUndefined();
    await expect(lintVerilog([probe], 'sim_probe', path.join(await base, 'no-timing'))).rejects.toThrow(/timing/i);
  });
});
