import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tools.js';

const PAPER = '1011,1100,1110,0011,0101,0111';

describe('flexor decoder', () => {
  const base = tempDir('cli-decoder');

  it('writes the module and prints its figures', async () => {
    const out = path.join(await base, 'paper');
    const result = await flexor(['decoder', '--matrix', PAPER, '--name', 'xor6x4', '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('decoder xor6x4: 4 inputs -> 6 outputs, taps form\n');
    expect(result.stdout).toContain('  XOR2 gates 9, depth 2, rank 4, widest row 3 taps\n');
    expect(result.stdout).toContain('  unused inputs: none\n');
    const text = await readFile(path.join(out, 'xor6x4.v'), 'utf8');
    expect(text).toContain('module xor6x4 #(');
    expect(text).toContain(`// Source: flexor decoder --name xor6x4 --matrix ${PAPER}\n`);
  });

  it('writes byte-identical files on every run', async () => {
    const dir = await base;
    const matrixFile = path.join(dir, 'm.txt');
    await writeFile(matrixFile, '# test\n1100\n0000\n');
    const texts: string[] = [];
    for (const name of ['run1', 'run2']) {
      const result = await flexor(['decoder', '--matrix-file', matrixFile, '--name', 'zero4x2', '--registered', '-o', path.join(dir, name)]);
      expect(result.exitCode).toBe(0);
      texts.push(await readFile(path.join(dir, name, 'zero4x2.v'), 'utf8'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]).not.toMatch(/ \/(tmp|work|home)\//);
    expect(texts[0]).toContain(`--matrix-file ${path.relative(ROOT, matrixFile)}`);
  });

  it('warns about a row without taps', async () => {
    const out = path.join(await base, 'zero');
    const result = await flexor(['decoder', '--matrix', '10,00', '--name', 'z', '-o', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('flexor: warning: row 1 of the matrix taps no input, so dec_o[1] is the constant 0\n');
    expect(result.stdout).toContain('  constant-0 outputs: 1\n');
    expect(result.stdout).toContain('  unused inputs: 1\n');
  });

  it('notes more inputs than outputs', async () => {
    const result = await flexor(['decoder', '--matrix', '11111111', '--name', 'parity', '-o', path.join(await base, 'parity')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('a model config requires nIn <= nOut');
  });

  it.each([
    [['--matrix', '1011,1a10,001', '--name', 'x'], /row 1: found "a" at column 1[\s\S]*row 2: found 3 columns/],
    [['--matrix', '10', '--name', 'module'], /invalid --name "module": expected a name that is not a Verilog or SystemVerilog keyword/],
    [['--matrix', '10', '--name', '9lives'], /invalid --name "9lives": expected a name that starts with a letter/],
    [['--matrix', '10', '--matrix-file', 'm.txt', '--name', 'x'], /either --matrix ROWS or --matrix-file FILE/],
    [['--name', 'x'], /either --matrix ROWS or --matrix-file FILE/],
    [['--matrix-file', 'no/such/file.txt', '--name', 'x'], /cannot read matrix file no\/such\/file.txt: not found/],
  ])('rejects bad input %j with exit code 2', async (args, message) => {
    const out = path.join(await base, `bad-${args.join('-').replace(/\W/g, '')}`);
    const result = await flexor(['decoder', ...args, '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect((await readdir(path.dirname(out))).some((entry) => entry.startsWith(`${path.basename(out)}.tmp`))).toBe(false);
  });

  it('leaves a foreign directory untouched', async () => {
    const out = path.join(await base, 'foreign');
    await mkdir(out);
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    const result = await flexor(['decoder', '--matrix', '10', '--name', 'x', '-o', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('was not written by flexor');
    expect(await readdir(out)).toEqual(['notes.txt']);
  });

  it('replaces its own earlier output', async () => {
    const out = path.join(await base, 'again');
    expect((await flexor(['decoder', '--matrix', '10', '--name', 'first', '-o', out])).exitCode).toBe(0);
    expect((await flexor(['decoder', '--matrix', '10', '--name', 'second', '-o', out])).exitCode).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['.flexor-output', 'second.v']);
  });
});
