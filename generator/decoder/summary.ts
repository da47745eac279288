// The figures `flexor decoder` and `flexor gen` print for each decoder module.

import type { XorMatrix } from '../config/model.js';
import type { DecoderStats } from '../golden/decoder-stats.js';
import type { RowForm } from '../rtl/decoder-form.js';

/** Lists column or row numbers, shortened after `limit` entries. */
export function listIndices(indices: readonly number[], limit = 16): string {
  if (indices.length === 0) return 'none';
  const shown = indices.slice(0, limit).join(', ');
  return indices.length > limit ? `${shown}, ... (${indices.length} in all)` : shown;
}

export function decoderSummaryLines(name: string, matrix: XorMatrix, stats: DecoderStats, form: RowForm): string[] {
  const lines = [
    `decoder ${name}: ${matrix.nIn} inputs -> ${matrix.nOut} outputs, ${form} form`,
    `  XOR2 gates ${stats.xor2Gates}, depth ${stats.depth}, rank ${stats.rank}, widest row ${stats.maxTaps} taps`,
    `  unused inputs: ${listIndices(stats.unusedInputs)}`,
    `  constant-0 outputs: ${listIndices(stats.zeroRows)}`,
  ];
  if (matrix.nIn > matrix.nOut) {
    lines.push(`  note: ${matrix.nIn} inputs > ${matrix.nOut} outputs; fine for a standalone XOR network, but a model config requires nIn <= nOut`);
  }
  return lines;
}
