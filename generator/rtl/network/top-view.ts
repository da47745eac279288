// View model of the network's top module: the layer chain and the argmax output stage.

import type { NetworkSpec } from '../../config/model.js';
import { layerOutputBits } from './layer-view.js';
import { indexWidth } from './verilog.js';
import { MEM_DIR, type ModuleNames } from './names.js';

/** Width of a stream's tdata: `bits` rounded up to whole bytes, as AXI-Stream requires. */
export function byteAligned(bits: number): number {
  return Math.ceil(bits / 8) * 8;
}

/** Width and signedness of the network's outputs as they enter the argmax stage. */
export function finalOutput(network: NetworkSpec): { bits: number; signed: boolean; argmaxWidth: number } {
  const last = network.layers[network.layers.length - 1]!;
  const bits = layerOutputBits(last);
  const signed = last.output === 'accumulator' || last.output.signed;
  // Unsigned outputs get a zero bit on top so that the argmax can compare them as signed.
  return { bits, signed, argmaxWidth: signed ? bits : bits + 1 };
}

export function buildTopView(network: NetworkSpec, names: ModuleNames, header: string) {
  const layers = network.layers;
  const last = layers[layers.length - 1]!;
  const output = finalOutput(network);
  const links = layers.map((layer, i) => ({ name: `link${i}`, width: layer.input.bits }));
  links.push({ name: `link${layers.length}`, width: output.bits });
  const lastLink = `link${layers.length}`;
  const inputDataWidth = byteAligned(network.input.bits);

  return {
    header,
    module: names.top,
    memDir: MEM_DIR,
    networkName: network.name,
    layerSummary: [network.input.features, ...layers.map((l) => l.outFeatures)].join(' -> '),
    inputBits: network.input.bits,
    inputSignedness: network.input.signed ? 'signed' : 'unsigned',
    inputFeatures: network.input.features,
    inputDataWidth,
    inputPadding: inputDataWidth > network.input.bits,
    outputFeatures: last.outFeatures,
    outputBits: output.bits,
    outputSignedness: output.signed ? 'signed' : 'unsigned',
    argmaxWidth: output.argmaxWidth,
    outputDataWidth: byteAligned(output.argmaxWidth),
    classWidth: indexWidth(last.outFeatures),
    finalData: output.signed ? `${lastLink}_tdata` : `{1'b0, ${lastLink}_tdata}`,
    links,
    layerCount: layers.length,
    firstLink: 'link0',
    lastLink,
    argmaxModule: names.argmax,
    layers: layers.map((layer, i) => ({
      module: names.layer(layer.name),
      name: layer.name,
      index: i,
      input: `link${i}`,
      output: `link${i + 1}`,
    })),
  };
}
