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
    const files = await readdir(path.join(out, 'rtl'));
    expect(files).toContain('tiny_xor_xor6x4.v');
    expect(files).toContain('tiny_xor_xor20x20.v');
    const text = await readFile(path.join(out, 'rtl', 'tiny_xor_xor6x4.v'), 'utf8');
    expect(text).toContain('module tiny_xor_xor6x4 #(');
    expect(text).toContain('  assign dec_o[0] = enc_i[0] ^ enc_i[2] ^ enc_i[3];\n');
    expect(text).toContain(`// Source: ${path.relative(ROOT, CONFIG)}\n`);
    expect(text).toMatch(/\/\/ Input hash: [0-9a-f]{12}\n/);
  });

  it('writes byte-identical files on every run', async () => {
    const dir = await base;
    for (const name of ['a', 'b']) expect((await flexor(['gen', path.relative(ROOT, CONFIG), '-o', path.join(dir, name)])).exitCode).toBe(0);
    const files = (await readdir(path.join(dir, 'a'), { recursive: true })).filter((file) => /\.(v|hex|f|json)$/.test(file)).sort();
    expect(files.length).toBeGreaterThan(10);
    expect((await readdir(path.join(dir, 'b'), { recursive: true })).filter((file) => /\.(v|hex|f|json)$/.test(file)).sort()).toEqual(files);
    for (const file of files) {
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
