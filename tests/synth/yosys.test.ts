import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlexorError } from '../../generator/errors.js';
import { synthCheck } from '../../generator/synth/yosys.js';
import { FIXTURES, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(['yosys'], 'synthCheck tests');

describe.runIf(ready)('synthCheck', () => {
  const base = tempDir('yosys');

  it('reports an inferred memory and mapped cells', async () => {
    const result = await synthCheck([path.join(FIXTURES, 'sim', 'rom_probe.v')], 'rom_probe', path.join(await base, 'rom'));
    expect(result.memories).toBe(1);
    expect(result.latches).toBe(0);
    expect(Object.keys(result.cells).some((type) => type.startsWith('$_DFF'))).toBe(true);
  });

  it('stops before mapping in the coarse flow', async () => {
    const result = await synthCheck([path.join(FIXTURES, 'sim', 'rom_probe.v')], 'rom_probe', path.join(await base, 'coarse'), { flow: 'coarse' });
    expect(result.memories).toBe(1);
    expect(result.cells.$mem_v2).toBe(1);
  });

  it('rejects a latch and names its signal', async () => {
    const error = await synthCheck([path.join(FIXTURES, 'sim', 'latch_probe.v')], 'latch_probe', path.join(await base, 'latch')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FlexorError);
    expect((error as FlexorError).code).toBe('SYNTH_FAILED');
    expect((error as FlexorError).message).toMatch(/1 latch\(es\) in latch_probe: .*latch_o/);
  });
});
