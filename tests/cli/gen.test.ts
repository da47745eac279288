import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { FIXTURES, tempDir } from '../helpers/tools.js';

const CONFIG = path.join(FIXTURES, 'configs', 'two-decoders.json');

describe('flexor gen', () => {
  const base = tempDir('cli-gen');

  it('writes the network, its memories, a file list and a report', async () => {
    const out = path.join(await base, 'rtl');
    const result = await flexor(['gen', path.relative(ROOT, CONFIG), '-o', out]);
    expect(result.exitCode).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['.flexor-output', 'filelist.f', 'mem', 'report.json', 'rtl']);
    const modules = (await readdir(path.join(out, 'rtl'))).sort();
    expect(modules).toContain('tiny_xor_xor6x4.v');
    expect(modules).toContain('tiny_xor_xor20x20.v');
    expect(modules).toContain('tiny_layer_fc1.v');
    expect(modules).toContain('tiny_top.v');
    const filelist = (await readFile(path.join(out, 'filelist.f'), 'utf8')).trim().split('\n');
    expect(filelist.sort()).toEqual(modules.map((m) => `rtl/${m}`));
    // Planes 4 / 6 and 20 / 20 bits per weight.
    expect(result.stdout).toMatch(/fc1: 12 -> 2, 1\.667 bits\/weight/);
    const text = await readFile(path.join(out, 'rtl', 'tiny_xor_xor6x4.v'), 'utf8');
    expect(text).toContain(`// Source: ${path.relative(ROOT, CONFIG)}\n`);
    expect(text).toMatch(/\/\/ Input hash: [0-9a-f]{12}\n/);
    expect(text).toContain('assign dec_o[0] = enc_i[0] ^ enc_i[2] ^ enc_i[3];');
  });

  it('writes byte-identical files on every run', async () => {
    const dir = await base;
    await flexor(['gen', path.relative(ROOT, CONFIG), '-o', path.join(dir, 'a')]);
    await flexor(['gen', path.relative(ROOT, CONFIG), '-o', path.join(dir, 'b')]);
    const files = (await readdir(path.join(dir, 'a'), { recursive: true })).filter((f) => /\.(v|hex|json|f)$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(await readFile(path.join(dir, 'b', file), 'utf8'), file).toBe(await readFile(path.join(dir, 'a', file), 'utf8'));
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
