// Builds every Verilog file of a network: the shared building blocks, one XOR decoder per
// decoder the layers use, two modules per layer, and the top. Pure: returns file contents.

import type { NetworkSpec } from '../../config/model.js';
import { buildLayerOutView, buildLayerView } from './layer-view.js';
import { moduleNames } from './names.js';
import { buildTopView } from './top-view.js';

/** Renders a template with a view; checks that the text declares `moduleName`. */
export type RenderVerilog = (template: string, view: object, moduleName: string) => string;
/** Builds a generated-file header from a one-line description and the defining parameters. */
export type HeaderBuilder = (description: string, parameters: [string, string | number][]) => string;
/** Builds the Verilog of one XOR decoder module for the network. */
export type DecoderBuilder = (decoder: NetworkSpec['decoders'][number], moduleName: string) => string;

const BUILDING_BLOCKS = [
  { template: 'network/rom', key: 'rom', description: 'ROM with file-checked initialisation' },
  { template: 'network/weight-lane', key: 'weightLane', description: 'weight lane: decrypted slices to chunks' },
  { template: 'network/popcount', key: 'popcount', description: 'population count' },
  { template: 'network/mac', key: 'mac', description: 'bit-serial binary-code MAC' },
  { template: 'network/input-buffer', key: 'inputBuffer', description: 'double-buffered activation memory' },
  { template: 'network/fifo', key: 'fifo', description: 'output FIFO' },
  { template: 'network/argmax', key: 'argmax', description: 'output register slice and argmax' },
] as const;

export function networkRtlFiles(network: NetworkSpec, render: RenderVerilog, header: HeaderBuilder, decoder: DecoderBuilder): Map<string, string> {
  const names = moduleNames(network);
  const prefix = network.name;
  const files = new Map<string, string>();
  const add = (moduleName: string, text: string) => files.set(`${moduleName}.v`, text);

  for (const block of BUILDING_BLOCKS) {
    const moduleName = names[block.key];
    add(moduleName, render(block.template, { header: header(block.description, []), module: moduleName, prefix }, moduleName));
  }

  const used = new Map(network.layers.flatMap((l) => l.planes.map((p) => [p.decoder.name, p.decoder] as const)));
  for (const d of used.values()) add(names.decoder(d.name), decoder(d, names.decoder(d.name)));

  for (const layer of network.layers) {
    const params: [string, string | number][] = [
      ['layer', layer.name],
      ['size', `${layer.inFeatures} x ${layer.outFeatures}`],
      ['planes', layer.planes.map((p) => p.decoder.name).join(', ')],
      ['weight order', layer.weightOrder],
      ['PE x SIMD', `${layer.hardware.pe} x ${layer.hardware.simd}`],
    ];
    const engine = buildLayerView(layer, names, header(`dense layer ${layer.name}`, params));
    add(engine.module, render('network/layer', engine, engine.module));
    const out = buildLayerOutView(layer, names, header(`output stage of layer ${layer.name}`, params));
    add(out.module, render('network/layer-out', out, out.module));
  }

  const top = buildTopView(network, names, header(`network ${network.name}`, [['layers', network.layers.map((l) => l.name).join(', ')]]));
  add(top.module, render('network/top', top, top.module));
  return files;
}

/** Module files in an order where each module comes after the ones it instantiates. */
export function compileOrder(files: ReadonlyMap<string, string>, network: NetworkSpec): string[] {
  const names = moduleNames(network);
  const top = `${names.top}.v`;
  return [...files.keys()].filter((f) => f !== top).concat(top);
}
