// Every case under rtl-tests/network, generated, simulated on Icarus and on Verilator, and
// checked word for word against the golden model. All cases share one build per simulator.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatConfig } from '../../../generator/config/format.js';
import { networkDocument } from '../../../generator/config/random-network.js';
import { GoldenNetwork } from '../../../generator/golden/network.js';
import { QUICK_BUILD_VERILATOR_ARGS, runNetworkBench, writeNetworkBench, type BenchRun, type PreparedBench } from '../../../generator/sim/network/bench.js';
import type { Simulator } from '../../../generator/sim/run.js';
import { networkReport } from '../../../generator/report/network-report.js';
import { outputInterval } from '../../../generator/report/cycles.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../../helpers/tools.js';
import { CASES_DIR, loadRtlCase, rtlCaseNames } from '../../helpers/rtl-cases.js';

const cases = rtlCaseNames().map(loadRtlCase);
const ready = await toolsReady(ALL_SIM_TOOLS, 'network regression');

describe('rtl-tests/network cases', () => {
  it('are all loaded', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    if (c.spec.shape !== undefined) {
      it(`${c.name} config matches its shape`, () => {
        const text = readFileSync(path.join(CASES_DIR, c.name, 'config.json'), 'utf8');
        expect(text, 'run `npm run rtl-cases` to rewrite config.json').toBe(formatConfig(networkDocument(c.spec.shape!)));
      });
    }
    const expected = c.spec.expected;
    if (expected?.outputs !== undefined) {
      it(`${c.name} golden model gives the hand-derived outputs`, () => {
        const golden = new GoldenNetwork(c.network);
        expected.outputs!.forEach((outputs, v) => {
          expect(golden.forward(c.inputs[v]!).output).toEqual(outputs.map((value) => BigInt(value)));
        });
      });
    }
    if (expected?.alphaQ !== undefined) {
      it(`${c.name} derives the hand-computed alpha codes`, () => {
        expect(c.network.layers[0]!.integer.alphaFracBits).toBe(expected.alphaFracBits);
        expect(c.network.layers[0]!.integer.alphaQ).toEqual(expected.alphaQ);
      });
    }
  }
});

describe.runIf(ready)('network regression', () => {
  let bench: PreparedBench;
  const runs = new Map<Simulator, BenchRun>();

  beforeAll(async () => {
    const dir = await tempDir('network-regression');
    bench = await writeNetworkBench(dir, cases.map((c) => ({ network: c.network, inputs: c.inputs, stalls: c.spec.stalls })));
  });

  for (const simulator of ['icarus', 'verilator'] as const) {
    it(`passes every case on ${simulator}`, async () => {
      const run = await runNetworkBench(bench, simulator, { timeoutMs: 600_000, verilatorArgs: [...QUICK_BUILD_VERILATOR_ARGS] });
      runs.set(simulator, run);
      expect([...run.results.keys()].sort()).toEqual(cases.map((c) => c.network.name).sort());
    });
  }

  for (const c of cases.filter((x) => x.spec.minEfficiency !== undefined)) {
    it(`${c.name} reaches ${c.spec.minEfficiency! * 100}% of the ideal cycles`, () => {
      const run = runs.get('verilator') ?? runs.get('icarus');
      expect(run, 'no simulator run passed').toBeDefined();
      const result = run!.results.get(c.network.name)!;
      const ideal = networkReport(c.network).totals.idealIntervalCycles;
      const measured = outputInterval(result)!;
      expect(ideal / measured).toBeGreaterThanOrEqual(c.spec.minEfficiency!);
    });
  }

  it('gives identical cycles on both simulators', () => {
    const icarus = runs.get('icarus');
    const verilator = runs.get('verilator');
    expect(icarus, 'the Icarus run failed').toBeDefined();
    expect(verilator, 'the Verilator run failed').toBeDefined();
    for (const c of cases) {
      const a = icarus!.results.get(c.network.name)!;
      const b = verilator!.results.get(c.network.name)!;
      expect(b.cycles, c.name).toBe(a.cycles);
      expect(b.time, c.name).toBe(a.time);
      expect(b.layers, c.name).toEqual(a.layers);
    }
  });
});
