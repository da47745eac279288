// Measured cycles next to the ideal ones, from a bench run.

import type { NetworkReport } from './network-report.js';
import type { CaseResult } from '../sim/network/bench.js';

export interface LayerCycleReport {
  name: string;
  idealCycles: number;
  /** Engine busy cycles per vector: from the start of a vector to the end of its last step. */
  busyCycles: number;
  /** Cycles per vector from the first start to the last end, gaps between vectors included. */
  intervalCycles: number;
  /** idealCycles / busyCycles: how close the engine comes to one step per A cycles. */
  efficiency: number;
}

export function layerCycles(report: NetworkReport, result: CaseResult): LayerCycleReport[] {
  return result.layers.map((layer, i) => {
    const ideal = report.layers[i]!.idealCycles;
    const interval = (layer.lastEnd - layer.firstStart + 1) / layer.vectors;
    const busy = layer.busy / layer.vectors;
    return { name: layer.name, idealCycles: ideal, busyCycles: busy, intervalCycles: interval, efficiency: ideal / busy };
  });
}

/** Cycles between the last outputs of consecutive vectors, averaged: the network's measured interval. */
export function outputInterval(result: CaseResult): number | undefined {
  if (result.vectors < 2) return undefined;
  return (result.lastOutput - result.firstOutput) / (result.vectors - 1);
}
