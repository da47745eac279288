// Builds every Verilog file of a network: the shared building blocks, one XOR decoder per
// decoder the layers use, two modules per layer, and the top. Pure: returns file contents.

import type { NetworkSpec } from '../../config/model.js';
import { buildDecoderModule } from '../decoder-view.js';
import { fileHeader } from '../header.js';
import { renderVerilog } from '../render.js';
import { buildLayerOutView, buildLayerView } from './layer-view.js';
import { moduleNames } from './names.js';
import { buildTopView } from './top-view.js';

/** Builds a generated-file header from a description and the defining parameters. */
export type HeaderBuilder = (description: string, parameters: [string, string | number][]) => string;

/** Header of a file generated from `network`: its config path and hash, and the given parameters. */
export function networkHeader(network: NetworkSpec): HeaderBuilder {
  return (description, parameters) => fileHeader({ description, source: network.source, hash: network.hash, parameters });
}

function decoderModule(network: NetworkSpec, decoder: NetworkSpec['decoders'][number], moduleName: string): string {
  const built = buildDecoderModule(decoder, { name: moduleName, registered: false, form: 'auto', source: network.source, hash: network.hash });
  return renderVerilog('decoder', built.view, moduleName);
}

const BUILDING_BLOCKS = [
  { template: 'network/rom', key: 'rom', description: 'ROM with file-checked initialisation' },
  { template: 'network/weight-lane', key: 'weightLane', description: 'weight lane: decrypted slices to chunks' },
  { template: 'network/popcount', key: 'popcount', description: 'population count' },
  { template: 'network/mac', key: 'mac', description: 'bit-serial binary-code MAC' },
  { template: 'network/input-buffer', key: 'inputBuffer', description: 'double-buffered activation memory' },
  { template: 'network/fifo', key: 'fifo', description: 'output FIFO' },
  { template: 'network/argmax', key: 'argmax', description: 'output register slice and argmax' },
] as const;

/** Returns the Verilog of every module of the network, keyed by file name, in compile order. */
export function networkRtlFiles(network: NetworkSpec, header: HeaderBuilder = networkHeader(network)): Map<string, string> {
  const render = renderVerilog;
  const names = moduleNames(network);
  const prefix = network.name;
  const files = new Map<string, string>();
  const add = (moduleName: string, text: string) => files.set(`${moduleName}.v`, text);

  for (const block of BUILDING_BLOCKS) {
    const moduleName = names[block.key];
    add(moduleName, render(block.template, { header: header(block.description, []), module: moduleName, prefix }, moduleName));
  }

  const used = new Map(network.layers.flatMap((l) => l.planes.map((p) => [p.decoder.name, p.decoder] as const)));
  for (const d of used.values()) add(names.decoder(d.name), decoderModule(network, d, names.decoder(d.name)));

  for (const layer of network.layers) {
    const params: [string, string | number][] = [
      ['layer', layer.name],
      ['size', `${layer.inFeatures} x ${layer.outFeatures}`],
      ['planes', layer.planes.map((p) => p.decoder.name).join(', ')],
      ['weight order', layer.weightOrder],
      ['PE x SIMD', `${layer.hardware.pe} x ${layer.hardware.simd}`],
    ];
    const out = buildLayerOutView(layer, names, header(`output stage of layer ${layer.name}`, params));
    add(out.module, render('network/layer-out', out, out.module));
    const engine = buildLayerView(layer, names, header(`dense layer ${layer.name}`, params));
    add(engine.module, render('network/layer', engine, engine.module));
  }

  const top = buildTopView(network, names, header(`network ${network.name}`, [['layers', network.layers.map((l) => l.name).join(', ')]]));
  add(top.module, render('network/top', top, top.module));
  return files;
}
