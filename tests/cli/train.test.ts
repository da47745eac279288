import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.js';

/** Runs `flexor train` with `args` and returns the exit code and what went to stderr. */
async function runTrain(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const code = await main(['node', 'flexor', 'train', '--epochs', '1', '--train-images', '100', '--test-images', '50', '--no-progress', ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'train-cli-'));
}

describe('flexor train errors', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects an unknown dataset', async () => {
    const dir = freshDir();
    const { code, stderr } = await runTrain(['--dataset', 'cifar10', '-o', path.join(dir, 'm.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('[USAGE]');
    expect(stderr).toContain('--dataset: found "cifar10"; expected one of mnist-digits, fashion-mnist');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects nIn above nOut', async () => {
    const dir = freshDir();
    const { code, stderr } = await runTrain(['--n-in', '24', '--n-out', '20', '-o', path.join(dir, 'm.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--n-in: found "24"; expected at most --n-out (20)');
    expect(stderr).toContain('fix: lower --n-in or raise --n-out');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects bad hidden sizes', async () => {
    for (const hidden of ['64,abc', '0', '', '64,,32']) {
      const dir = freshDir();
      const { code, stderr } = await runTrain(['--hidden', hidden, '-o', path.join(dir, 'm.json')]);
      expect(code, hidden).toBe(2);
      expect(stderr, hidden).toContain(`--hidden: found ${JSON.stringify(hidden)}; expected a comma-separated list of integers from 1 to 65536`);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('lists every invalid option at once', async () => {
    const dir = freshDir();
    const { code, stderr } = await runTrain(['--q', '9', '--lr', '-1', '--taps', 'many', '-o', path.join(dir, 'm.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('3 problems');
    expect(stderr).toContain('--q: found "9"');
    expect(stderr).toContain('--lr: found "-1"');
    expect(stderr).toContain('--taps: found "many"');
  });

  it('rejects an output folder that does not exist', async () => {
    const dir = freshDir();
    const target = path.join(dir, 'missing', 'm.json');
    const { code, stderr } = await runTrain(['-o', target]);
    expect(code).toBe(2);
    expect(stderr).toContain('does not exist or is not a folder');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects an output path below a regular file', async () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'file'), 'x');
    const { code, stderr } = await runTrain(['-o', path.join(dir, 'file', 'm.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('--output');
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('rejects an output path that is a folder', async () => {
    const dir = freshDir();
    const { code, stderr } = await runTrain(['-o', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('exists and is not a regular file');
    expect(readdirSync(dir)).toEqual([]);
  });
});
