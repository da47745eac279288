import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(['yosys'], 'flexor synth command');

describe.runIf(ready)('flexor synth', () => {
  const base = tempDir('cli-synth');

  for (const [name, flow] of [
    ['three-layer', 'coarse'],
    ['dense-37x13', 'full'],
    ['order-output-fastest', 'elaborate'],
  ] as const) {
    it(`infers every memory of ${name} (${flow})`, async () => {
      const out = path.join(await base, name);
      const config = path.join('rtl-tests', 'network', name, 'config.json');
      const result = await flexor(['synth', config, '-o', out, '--flow', flow]);
      expect(result.exitCode, result.stderr).toBe(0);
      const report = JSON.parse(await readFile(path.join(out, 'synth', 'report.json'), 'utf8')) as { top: string; memories: number; requiredMemories: number; latches: number };
      expect(report.latches).toBe(0);
      expect(report.memories).toBeGreaterThanOrEqual(report.requiredMemories);
      expect(report.requiredMemories).toBeGreaterThanOrEqual(4);
      expect(result.stdout).toContain(`${report.memories} memories inferred (at least ${report.requiredMemories} required), 0 latches`);
      const script = await readFile(path.join(out, 'synth', `${report.top}.ys`), 'utf8');
      expect(script).not.toContain(ROOT);
    });
  }
});
