// The report of `flexor run`: a summary for the terminal and report.md, and report.json.

import type { RunReport } from '../pipeline/run.js';

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** Lines of the run summary, as printed and as listed in report.md. */
export function runSummaryLines(report: RunReport): [string, string][] {
  const c = report.cycles;
  const rate = c.perInference === undefined ? 'one image only' : `${c.perInference.toFixed(1)} measured, ${c.idealPerInference} ideal (${((c.idealPerInference / c.perInference) * 100).toFixed(1)}%)`;
  return [
    ['network', `${report.network} (${report.config}, config hash ${report.configHash})`],
    ['data set', `${report.dataset}, first ${report.images} test images`],
    ['RTL accuracy', percent(report.accuracy.rtl)],
    ['golden accuracy', percent(report.accuracy.golden)],
    ['float accuracy', percent(report.accuracy.float)],
    ['bit-exact', `${report.bitExactWords} of ${report.outputWords} output words, ${report.bitExactClasses} of ${report.images} classes`],
    ['cycles per inference', rate],
    ['latency of the first image', `${c.firstLatency} cycles`],
    ['bits per weight', report.networkReport.layers.map((l) => `${l.bitsPerWeight.toFixed(3)} (${l.name})`).join(', ')],
    ['weight memory', `${report.weightMemoryBits} bits`],
    ['XOR2 gates', `${report.xor2Gates}`],
    ['simulator', `${report.simulator}, ${report.simulatorSeconds.toFixed(1)} s`],
    ['wall time', `${report.wallSeconds.toFixed(1)} s`],
  ];
}

export function formatRunSummary(report: RunReport): string {
  const rows = runSummaryLines(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

export function runReportMarkdown(report: RunReport): string {
  const lines = [`# flexor run: ${report.network} on ${report.dataset}`, '', '| | |', '|---|---|'];
  for (const [name, value] of runSummaryLines(report)) lines.push(`| ${name} | ${value} |`);
  lines.push('', '## Layers', '', '| layer | size | bits/weight | PE x SIMD | weight memory bits | XOR2 gates | accumulator bits | ideal cycles |', '|---|---|---|---|---|---|---|---|');
  for (const l of report.networkReport.layers) {
    lines.push(`| ${l.name} | ${l.inFeatures} x ${l.outFeatures} | ${l.bitsPerWeight.toFixed(3)} | ${l.pe} x ${l.simd} | ${l.weightMemoryBits} | ${l.xor2Gates} | ${l.widths.accumulator} | ${l.idealCycles} |`);
  }
  lines.push('', 'Every output word and class of the hardware was compared with the integer golden model; the run stops at the first difference.', '');
  return lines.join('\n');
}
