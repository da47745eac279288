import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor } from '../helpers/cli.js';
import { tempDir } from '../helpers/tools.js';

const CONFIG = 'rtl-tests/network/rounding-ties/config.json';

describe('flexor infer', () => {
  const base = tempDir('cli-infer');

  it('prints the hand-derived tie roundings', async () => {
    const file = path.join(await base, 'one.json');
    writeFileSync(file, '[[1]]');
    const result = await flexor(['infer', CONFIG, file]);
    expect(result.exitCode, result.stderr).toBe(0);
    // Accumulators -5, -3, -1, 1, 3, 5 rounded half up after a shift by one.
    expect(JSON.parse(result.stdout)).toEqual({ index: 0, class: 5, output: ['-2', '-1', '0', '1', '2', '3'] });
  });

  const bad: [string, string, RegExp][] = [
    ['not-json.json', '[[1]', /cannot read input vectors from .*not-json\.json/],
    ['empty.json', '[]', /expected a non-empty JSON array of input vectors/],
    ['scalar.json', '[5]', /input vector 0 is 5; expected an array of integers/],
    ['length.json', '[[1, 2]]', /input vector 0 has 2 values; the network takes 1 \(input\.features\)/],
    ['fraction.json', '[[1.5]]', /input vector 0, element 0 is 1\.5; expected an integer in the 8-bit unsigned input range 0 \.\.\. 255/],
    ['range.json', '[[7], [256]]', /input vector 1, element 0 is 256; expected an integer/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name.replace('.json', '')} inputs`, async () => {
      const file = path.join(await base, name);
      writeFileSync(file, text);
      const result = await flexor(['infer', CONFIG, file]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    });
  }
});
