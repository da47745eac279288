// Module and file names of a generated network. Every module carries the network's name as a
// prefix, so two generated networks can share one project. Layers, their output stages and
// decoders get distinct infixes (layer_, out_, xor_), so no user-chosen name can collide with
// another module or with the shared building blocks.

import type { NetworkSpec } from '../../config/model.js';

export interface ModuleNames {
  rom: string;
  weightLane: string;
  popcount: string;
  mac: string;
  inputBuffer: string;
  fifo: string;
  argmax: string;
  top: string;
  layer(name: string): string;
  layerOut(name: string): string;
  decoder(name: string): string;
}

export function moduleNames(network: Pick<NetworkSpec, 'name'>): ModuleNames {
  const prefix = network.name;
  return {
    rom: `${prefix}_rom`,
    weightLane: `${prefix}_weight_lane`,
    popcount: `${prefix}_popcount`,
    mac: `${prefix}_mac`,
    inputBuffer: `${prefix}_input_buffer`,
    fifo: `${prefix}_fifo`,
    argmax: `${prefix}_argmax`,
    top: `${prefix}_top`,
    layer: (name) => `${prefix}_layer_${name}`,
    layerOut: (name) => `${prefix}_out_${name}`,
    decoder: (name) => `${prefix}_xor_${name}`,
  };
}

/** Directory of the memory files inside a generated output, and the default of MEM_DIR. */
export const MEM_DIR = 'mem';

export function laneMemoryFile(layer: string, plane: number, lane: number): string {
  return `${layer}_p${plane}_l${lane}.hex`;
}

export function scaleMemoryFile(layer: string): string {
  return `${layer}_scale.hex`;
}
