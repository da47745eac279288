import { describe, expect, it } from 'vitest';
import { Random } from '../../generator/random.js';
import { drawXorMatrix } from '../../generator/train/xor-draw.js';

describe('drawXorMatrix', () => {
  it('puts N_tap ones at distinct columns in every row', () => {
    const matrix = drawXorMatrix(Random.stream(5, 'xor'), 16, 20, 2);
    expect(matrix.rows).toHaveLength(20);
    for (const row of matrix.rows) {
      expect(row).toHaveLength(2);
      expect(new Set(row).size).toBe(2);
      for (const tap of row) expect(tap).toBeGreaterThanOrEqual(0);
      for (const tap of row) expect(tap).toBeLessThan(16);
    }
  });

  it('fills random rows without empty ones', () => {
    const matrix = drawXorMatrix(Random.stream(3, 'xor'), 3, 200, 'random');
    for (const row of matrix.rows) expect(row.length).toBeGreaterThan(0);
    // With p = 1/2, the 200 rows of 3 columns hit each of the 7 nonempty patterns.
    expect(new Set(matrix.rows.map((row) => row.join(','))).size).toBe(7);
  });

  it('repeats for the same seed and differs for another', () => {
    const a = drawXorMatrix(Random.stream(1, 'xor:fc1:0'), 12, 20, 2);
    const b = drawXorMatrix(Random.stream(1, 'xor:fc1:0'), 12, 20, 2);
    const c = drawXorMatrix(Random.stream(2, 'xor:fc1:0'), 12, 20, 2);
    expect(b.rows).toEqual(a.rows);
    expect(c.rows).not.toEqual(a.rows);
  });
});
