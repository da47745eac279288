import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decoderStats } from '../../generator/golden/decoder-stats.js';
import { rowString } from '../../generator/golden/xor-matrix.js';
import { chooseRowForm } from '../../generator/rtl/decoder-form.js';
import { runDecoderRegression } from '../../generator/sim/decoder-regression.js';
import { decoderVectors } from '../../generator/sim/decoder-vectors.js';
import { randomMatrix } from '../../generator/sim/random-matrix.js';
import { caseMatrix, caseModules, listDecoderCases } from '../helpers/decoder-cases.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../helpers/tools.js';

const cases = listDecoderCases();
const ready = await toolsReady([...ALL_SIM_TOOLS, 'yosys'], 'decoder regression cases');
const LARGE = 'fill-512x512';

describe.each(cases)('case $name', (decoderCase) => {
  it('matches its hand-derived facts', async () => {
    const matrix = await caseMatrix(decoderCase);
    const stats = decoderStats(matrix);
    const facts = decoderCase.expected;
    if (facts.xor2Gates !== undefined) expect(stats.xor2Gates).toBe(facts.xor2Gates);
    if (facts.depth !== undefined) expect(stats.depth).toBe(facts.depth);
    if (facts.rank !== undefined) expect(stats.rank).toBe(facts.rank);
    if (facts.rankAtMost !== undefined) expect(stats.rank).toBeLessThanOrEqual(facts.rankAtMost);
    if (facts.maxTaps !== undefined) expect(stats.maxTaps).toBe(facts.maxTaps);
    if (facts.unusedInputs !== undefined) expect(stats.unusedInputs).toEqual(facts.unusedInputs);
    if (facts.zeroRows !== undefined) expect(stats.zeroRows).toEqual(facts.zeroRows);
    if (facts.form !== undefined) expect(chooseRowForm(matrix)).toBe(facts.form);
    if (facts.vectors !== undefined) expect(decoderVectors(matrix, { registered: false, seed: 1, randomVectors: 10 }).inputs).toBe(facts.vectors);
  });

  const recipe = decoderCase.generated;
  if (recipe === undefined) return;
  it('regenerates from its seed', () => {
    const matrix = randomMatrix(recipe);
    const rows = readFileSync(decoderCase.matrixFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(matrix.rows.map((taps) => rowString(taps, matrix.nIn))).toEqual(rows);
  });
});

describe.runIf(ready)('decoder regression on both simulators', () => {
  const base = tempDir('cases');

  it('passes every small case', async () => {
    const modules = await caseModules(cases.filter((decoderCase) => decoderCase.name !== LARGE));
    const result = await runDecoderRegression({ modules, buildDir: path.join(await base, 'small'), seed: 1, randomVectors: 10_000, source: 'rtl-tests/decoder', verilatorSeeds: [1, 2] });
    expect(result.outcomes.map((outcome) => `${outcome.simulator}${outcome.seed ?? ''}`)).toEqual(['icarus', 'verilator1', 'verilator2']);
    const { expectedEdges, finalTime } = result.testbench.schedule;
    for (const outcome of result.outcomes) {
      expect(outcome.edges).toBe(expectedEdges);
      expect(outcome.time).toBe(finalTime);
    }
    for (const module of modules) expect(result.synth.get(module.name)?.latches).toBe(0);
    // The registered decoder's flip-flops carry the synchronous active-low reset.
    const flops = Object.keys(result.synth.get('paper_6x4_r')?.cells ?? {}).filter((type) => type.startsWith('$_SDFF'));
    expect(flops.length).toBeGreaterThan(0);
  });

  it('passes the 512x512 random fill', async () => {
    // A full Yosys synthesis of this module takes over a minute (docs/benchmarks.md), so the
    // suite elaborates it for the latch and driver checks; scripts/bench-decoder.mjs runs it.
    const modules = await caseModules(cases.filter((decoderCase) => decoderCase.name === LARGE));
    const result = await runDecoderRegression({ modules, buildDir: path.join(await base, 'large'), seed: 1, randomVectors: 10_000, source: 'rtl-tests/decoder', verilatorSeeds: [1], synth: 'elaborate' });
    expect(result.duts[0]!.vectors.stimulus).toHaveLength(10_000);
    expect(result.outcomes).toHaveLength(2);
    expect(result.synth.get('fill_512x512')?.latches).toBe(0);
  });
});
