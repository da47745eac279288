// Output directories and files: what flexor refuses to replace, and how write errors read.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../helpers/tools.js';

const CONFIG = path.join(ROOT, 'rtl-tests', 'network', 'dense-37x13', 'config.json');
const ready = await toolsReady(ALL_SIM_TOOLS, 'output safety');

describe('output directories', () => {
  const base = tempDir('output-safety');

  it('refuses to replace a directory that contains the config', async () => {
    const dir = path.join(await base, 'self');
    expect((await flexor(['gen', CONFIG, '-o', dir])).exitCode).toBe(0);
    const inside = path.join(dir, 'my-config.json');
    await copyFile(CONFIG, inside);
    const result = await flexor(['gen', inside, '-o', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`lies inside the output directory ${dir}, which is replaced as a whole`);
    expect(existsSync(inside)).toBe(true);
  });

  it('reports a path below a file as a write error', async () => {
    const file = path.join(await base, 'afile');
    writeFileSync(file, 'not a directory\n');
    const result = await flexor(['gen', CONFIG, '-o', path.join(file, 'sub')]);
    expect(result.exitCode).toBe(2);
    // mkdir reports EEXIST for a path below a file.
    expect(result.stderr).toMatch(/flexor: error \[USAGE\]: cannot write .*afile\/sub: a file is in the way \(EEXIST\)/);
    expect(readFileSync(file, 'utf8')).toBe('not a directory\n');
  });

  it('reports a directory given as quantize output', async () => {
    const dir = path.join(await base, 'a-directory');
    mkdirSync(dir);
    const result = await flexor(['quantize', CONFIG, '-o', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*a-directory: it is a directory \(EISDIR\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects an alpha whose code cannot exist', async () => {
    const doc = JSON.parse(readFileSync(CONFIG, 'utf8')) as { layers: { planes: { alpha: number[] }[] }[] };
    doc.layers[0]!.planes[0]!.alpha[3] = 1e300;
    const file = path.join(await base, 'huge-alpha.json');
    writeFileSync(file, JSON.stringify(doc));
    const out = path.join(await base, 'huge-alpha-out');
    const result = await flexor(['gen', file, '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('layers[0].planes[0].alpha[3]: found 1e+300; expected a magnitude of at most 32767');
    expect(existsSync(out)).toBe(false);
  });
});

describe.runIf(ready)('simulation directories', () => {
  const base = tempDir('sim-safety');

  it('refuses a foreign --build-dir and keeps its files', async () => {
    const dir = path.join(await base, 'mine');
    mkdirSync(path.join(dir, 'rtl'), { recursive: true });
    writeFileSync(path.join(dir, 'rtl', 'important.v'), '// mine\n');
    const result = await flexor(['sim', 'decoder', '--matrix', '1011,1100,1110', '--name', 'xdec', '--build-dir', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('choose an empty or new directory with --build-dir');
    expect(readFileSync(path.join(dir, 'rtl', 'important.v'), 'utf8')).toBe('// mine\n');
  });

  it('rejects out-of-range inputs before writing anything', async () => {
    const inputs = path.join(await base, 'inputs.json');
    writeFileSync(inputs, JSON.stringify([new Array(37).fill(3), [...new Array(36).fill(0), 256]]));
    const out = path.join(await base, 'bad-inputs');
    const result = await flexor(['sim', CONFIG, '--inputs', inputs, '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('input vector 1, element 36 is 256; expected an integer in the 8-bit unsigned input range 0 ... 255');
    expect(existsSync(out)).toBe(false);
  });

  it('leaves no staging directory when interrupted', async () => {
    const dir = await base;
    const out = path.join(dir, 'interrupted');
    const child = execa('node', [path.join(ROOT, 'bin', 'flexor.js'), 'sim', CONFIG, '--vectors', '3000', '--simulator', 'icarus', '-o', out], { cwd: ROOT, reject: false });
    // Wait until the bench is in place and the simulator runs, then interrupt.
    for (let i = 0; i < 100 && !existsSync(path.join(out, 'build')); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
