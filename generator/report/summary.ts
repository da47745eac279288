// Text lines that summarise a network report on the terminal.

import type { NetworkReport } from './network-report.js';

export function formatNetworkSummary(report: NetworkReport): string[] {
  const lines = report.layers.map(
    (l) =>
      `  ${l.name}: ${l.inFeatures} -> ${l.outFeatures}, ${l.bitsPerWeight.toFixed(3)} bits/weight, PE ${l.pe} x SIMD ${l.simd}, ` +
      `${l.weightMemoryBits} weight memory bits, ${l.xor2Gates} XOR2 gates, accumulator ${l.widths.accumulator} bits, ideal ${l.idealCycles} cycles/vector`,
  );
  const t = report.totals;
  lines.push(`  total: ${t.weights} weights, ${t.weightMemoryBits} weight memory bits (${t.streamBits} in the config), ${t.xor2Gates} XOR2 gates, ideal interval ${t.idealIntervalCycles} cycles`);
  return lines;
}
