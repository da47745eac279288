import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '../../generator/paths.js';
import { buildDecoderTestbench } from '../../generator/sim/decoder-testbench.js';
import { decoderVectors } from '../../generator/sim/decoder-vectors.js';
import { sentinelWord, testbenchSchedule } from '../../generator/sim/testbench-kit.js';

const PAPER = { nIn: 4, nOut: 6, rows: [[0, 2, 3], [0, 1], [0, 1, 2], [2, 3], [1, 3], [1, 2, 3]] };

function bench(registered: boolean) {
  return buildDecoderTestbench([{ name: 'paper', matrix: PAPER, registered, vectors: decoderVectors(PAPER, { registered, seed: 1, randomVectors: 10 }) }], 'tests');
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? templateFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

describe('decoder testbench', () => {
  it('takes stimulus only from vector files', () => {
    for (const text of [bench(false).text, bench(true).text, ...templateFiles(templatesDir()).map((file) => readFileSync(file, 'utf8'))]) {
      expect(text).not.toMatch(/\$(random|urandom)/);
    }
  });

  it('starts the clock at 0 and drives on falling edges', () => {
    const text = bench(true).text;
    expect(text).toContain("reg        clk = 1'b0;");
    const loop = text.slice(text.indexOf('for (cycle = 0;'));
    expect(loop).toMatch(/^for \(cycle = 0; cycle <= CYCLES; cycle = cycle \+ 1\) begin\n\s+@\(negedge clk\);/);
    expect(text).not.toContain('@(posedge clk);');
  });

  it('compares with !== and stops with $fatal', () => {
    const text = bench(false).text;
    expect(text).toContain('if (paper_got !== paper_expect[cycle]) begin');
    expect(text).not.toMatch(/[^!=]!=[^=]/);
    expect(text).toContain('$fatal(1, "paper: output differs from the golden model in cycle %0d", cycle);');
  });

  it('ends every vector file with its sentinel', () => {
    const { files } = bench(true);
    const stim = files.get('paper.stim.hex')!.split('\n');
    expect(stim.at(-1)).toBe('');
    expect(BigInt(`0x${stim.at(-2)}`)).toBe(sentinelWord(5));
    expect(sentinelWord(5)).toBe(0b00101n);
    expect(sentinelWord(8)).toBe(0xa5n);
    expect(sentinelWord(1)).toBe(1n);
  });

  it('predicts edges and end time', () => {
    const schedule = testbenchSchedule(16);
    expect(schedule.expectedEdges).toBe(19);
    expect(schedule.finalTime).toBe(190);
    expect(bench(false).schedule).toEqual(schedule);
  });

  it('rejects a decoder named like the testbench', () => {
    expect(() => buildDecoderTestbench([{ name: 'flexor_decoder_tb', matrix: PAPER, registered: false, vectors: decoderVectors(PAPER, { registered: false, seed: 1, randomVectors: 1 }) }], 'tests')).toThrow(/clashes with the testbench/);
  });
});
