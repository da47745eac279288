// View model of the network testbench template.

import type { NetworkSpec } from '../../config/model.js';
import { moduleNames } from '../../rtl/network/names.js';
import { layerLoopSizes } from '../../rtl/network/layer-view.js';
import type { BenchData } from './vectors.js';

function checksumTerm(signal: string, width: number): string {
  if (width === 32) return signal;
  return width > 32 ? `${signal}[31:0]` : `{ {${32 - width}{1'b0}}, ${signal} }`;
}

/** Upper bound of the cycles a run may take before the testbench gives up. */
export function watchdogCycles(network: NetworkSpec, vectors: number, data: BenchData): number {
  const perVector = network.layers.reduce((sum, layer) => {
    const { words, blocks } = layerLoopSizes(layer);
    return sum + words * blocks * layer.input.bits + layer.inFeatures + layer.outFeatures + 64;
  }, 0);
  const slowdown = 1 / Math.max(1 - Math.max(data.stalls.inputGap, data.stalls.outputGap), 0.05);
  return Math.ceil((vectors + 2) * perVector * slowdown * 4) + 10_000;
}

/** View of one network's testbench; `standalone` ends the run itself, otherwise a bundle does. */
export function buildBenchView(network: NetworkSpec, data: BenchData, header: string, standalone = true) {
  const names = moduleNames(network);
  const vectors = data.traces.length;
  const last = network.layers[network.layers.length - 1]!;
  const maxCycles = watchdogCycles(network, vectors, data);
  const file = (name: string, array: string, width: number, words: number) => ({ file: name, array, width, words });
  return {
    header,
    module: `${network.name}_tb`,
    networkName: network.name,
    standalone,
    dutModule: names.top,
    vectors,
    inFeatures: network.input.features,
    outFeatures: last.outFeatures,
    inputDataWidth: data.inputDataWidth,
    outputDataWidth: data.outputDataWidth,
    classWidth: data.classWidth,
    stallLength: data.stalls.length,
    maxCycles,
    maxCyclesText: 'four times the ideal cycles of every layer, stretched by the stall rates',
    inChecksumTerm: checksumTerm('s_axis_tdata', data.inputDataWidth),
    outChecksumTerm: checksumTerm('m_axis_tdata', data.outputDataWidth),
    files: [
      file('stimulus.hex', 'stimulus', data.inputDataWidth, vectors * network.input.features),
      file('expected.hex', 'expected', data.outputDataWidth, vectors * last.outFeatures),
      file('classes.hex', 'classes', data.classWidth, vectors),
      file('in_gap.hex', 'in_gap', 1, data.stalls.length),
      file('out_gap.hex', 'out_gap', 1, data.stalls.length),
    ],
    layers: network.layers.map((layer) => ({ name: layer.name })),
  };
}
