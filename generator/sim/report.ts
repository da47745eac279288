// The summary `flexor sim` prints after a passing regression.

import type { RegressionResult } from './decoder-regression.js';

function cellSummary(cells: Record<string, number>): string {
  const entries = Object.entries(cells).sort(([a], [b]) => (a < b ? -1 : 1));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return `${total} cells${entries.length > 0 ? ` (${entries.map(([type, count]) => `${type} ${count}`).join(', ')})` : ''}`;
}

export function regressionSummary(result: RegressionResult): string[] {
  const lines: string[] = [];
  for (const dut of result.duts) {
    const coverage = dut.vectors.exhaustive ? `all ${dut.vectors.inputs} inputs` : `${dut.vectors.inputs} seeded random inputs`;
    lines.push(`decoder ${dut.name}: ${dut.matrix.nIn} -> ${dut.matrix.nOut}, ${dut.registered ? 'registered' : 'combinational'}, ${coverage}, ${dut.vectors.stimulus.length} cycles`);
    const synth = result.synth.get(dut.name);
    if (synth !== undefined) lines.push(`  yosys: no latches, ${synth.memories} memories, ${cellSummary(synth.cells)}`);
  }
  for (const outcome of result.outcomes) {
    const label = outcome.seed === undefined ? outcome.simulator : `${outcome.simulator} (random register init, seed ${outcome.seed})`;
    const build = outcome.buildReused ? 'build reused' : `build ${outcome.buildSeconds.toFixed(1)} s`;
    lines.push(`${label}: pass, ${outcome.edges} clock edges until ${outcome.time} ns, ${build}, run ${outcome.runSeconds.toFixed(1)} s`);
  }
  lines.push('PASS: every output matched the golden model on every simulator');
  return lines;
}
