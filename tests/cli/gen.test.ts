import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { FIXTURES, tempDir } from '../helpers/tools.js';

const CONFIG = path.join(FIXTURES, 'configs', 'two-decoders.json');

describe('flexor gen', () => {
  const base = tempDir('cli-gen');

  it('writes one module per decoder', async () => {
    const out = path.join(await base, 'rtl');
    const result = await flexor(['gen', path.relative(ROOT, CONFIG), '-o', out]);
    expect(result.exitCode).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['.flexor-output', 'xor20x20.v', 'xor6x4.v']);
    expect(result.stdout).toContain('  decoder xor6x4: 4 -> 6, taps form, 9 XOR2 gates, depth 2, rank 4\n');
    const text = await readFile(path.join(out, 'xor6x4.v'), 'utf8');
    expect(text).toContain(`// Source: ${path.relative(ROOT, CONFIG)}\n`);
    expect(text).toMatch(/\/\/ Input hash: [0-9a-f]{12}\n/);
  });

  it('writes byte-identical files on every run', async () => {
    const dir = await base;
    await flexor(['gen', path.relative(ROOT, CONFIG), '-o', path.join(dir, 'a')]);
    await flexor(['gen', path.relative(ROOT, CONFIG), '-o', path.join(dir, 'b')]);
    for (const file of ['xor6x4.v', 'xor20x20.v']) {
      expect(await readFile(path.join(dir, 'b', file), 'utf8')).toBe(await readFile(path.join(dir, 'a', file), 'utf8'));
    }
  });

  it('rejects an invalid config and writes nothing', async () => {
    const dir = await base;
    const config = JSON.parse(await readFile(CONFIG, 'utf8')) as { decoders: { rows?: string[] }[] };
    config.decoders[0]!.rows![2] = '0000';
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(config));
    const out = path.join(dir, 'bad-out');
    const result = await flexor(['gen', bad, '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('decoders[0].rows[2]: found "0000"; expected a row with at least one tap');
    expect(existsSync(out)).toBe(false);
  });
});
