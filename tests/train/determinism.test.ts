import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../generator/cli/main.js';

/** Runs `flexor train` in-process on a tiny network and returns the written bytes. */
async function trainTiny(seed: string): Promise<Buffer> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'train-')), 'tiny.json');
  const args = ['--hidden', '8', '--epochs', '2', '--train-images', '500', '--test-images', '100', '--seed', seed, '--no-progress', '-o', file];
  const code = await main(['node', 'flexor', 'train', ...args]);
  expect(code).toBe(0);
  return readFileSync(file);
}

describe('flexor train output', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is byte-identical for the same seed', async () => {
    const first = await trainTiny('7');
    const second = await trainTiny('7');
    expect(first.length).toBeGreaterThan(1000);
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('changes with the seed', async () => {
    const first = await trainTiny('7');
    const other = await trainTiny('8');
    expect(Buffer.compare(first, other)).not.toBe(0);
  });

  it('records the command without the output path', async () => {
    const text = (await trainTiny('7')).toString('utf8');
    const training = (JSON.parse(text) as { training: { command: string; seed: number } }).training;
    expect(training.seed).toBe(7);
    expect(training.command).toContain('--seed 7');
    expect(training.command).not.toContain('tiny.json');
    expect(text).not.toContain(tmpdir());
  });
});
