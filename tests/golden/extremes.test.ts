// Sums at the edges of their ranges, where one missing bit or one unsigned operand shows.

import { describe, expect, it } from 'vitest';
import { buildConfigDocument } from '../../generator/config/document.js';
import { loadConfigValue } from '../../generator/config/load.js';
import type { NetworkSpec } from '../../generator/config/model.js';
import { GoldenNetwork } from '../../generator/golden/network.js';
import { layerWidths } from '../../generator/quant/widths.js';
import { shiftRightFloor } from '../../generator/quant/rounding.js';

/** Builds one dense layer with an identity 1x1 decoder, so stream bit k is weight k (1 = +1, 0 = -1). */
function singleOutputLayer(inputs: number, weightBit: 0 | 1, alphaQ: number, alphaFracBits: number): NetworkSpec {
  const doc = buildConfigDocument({
    name: 'extreme',
    decoders: [{ name: 'identity', nIn: 1, nOut: 1, rows: [[0]] }],
    input: { features: inputs, bits: 8, signed: true, scale: 1 },
    layers: [
      {
        name: 'fc',
        inFeatures: inputs,
        outFeatures: 1,
        weightOrder: 'input-fastest',
        planes: [{ decoder: 'identity', alpha: [alphaQ / 2 ** alphaFracBits], encrypted: new Array<number>(inputs).fill(weightBit) }],
        activation: 'none',
        output: 'accumulator',
      },
    ],
  });
  doc.layers[0]!.integer = { alphaFracBits, alphaQ: [[alphaQ]], biasQ: [0] };
  return loadConfigValue(doc, 'extreme.json');
}

describe('plane sum extremes', () => {
  it('needs 11 bits for four inputs of -128 against -1 weights', () => {
    const net = singleOutputLayer(4, 0, 1, 0);
    const trace = new GoldenNetwork(net).forward([-128, -128, -128, -128]);
    expect(trace.layers[0]!.planeSums[0]).toEqual([512]);
    expect(layerWidths(net.layers[0]!).planeWidth).toBe(11);
  });

  it('reaches -128000 for 1000 inputs against +1 weights', () => {
    const net = singleOutputLayer(1000, 1, 1, 0);
    const trace = new GoldenNetwork(net).forward(new Array<number>(1000).fill(-128));
    expect(trace.output).toEqual([-128000n]);
    expect(layerWidths(net.layers[0]!).planeWidth).toBeGreaterThanOrEqual(18);
  });

  it('needs 19 bits for 1024 inputs against -1 weights', () => {
    const net = singleOutputLayer(1024, 0, 1, 0);
    const trace = new GoldenNetwork(net).forward(new Array<number>(1024).fill(-128));
    expect(trace.output).toEqual([131072n]);
    expect(layerWidths(net.layers[0]!).planeWidth).toBe(19);
    expect(layerWidths(net.layers[0]!).accWidth).toBeGreaterThanOrEqual(19);
  });
});

describe('signed contributions', () => {
  it('keeps a negative activation negative', () => {
    const net = singleOutputLayer(1, 1, 1, 0);
    const trace = new GoldenNetwork(net).forward([-3]);
    expect(trace.output).toEqual([-3n]);
    expect(shiftRightFloor(trace.output[0]!, 2)).toBe(-1n);
  });
});

describe('sums beyond 2^32', () => {
  it('computes 4096 x -128 x -1 x 2^15 exactly', () => {
    const net = singleOutputLayer(4096, 0, 2 ** 15, 15);
    const trace = new GoldenNetwork(net).forward(new Array<number>(4096).fill(-128));
    expect(trace.output).toEqual([2n ** 34n]);
    expect(trace.output[0]! >> 15n).toBe(524288n);
  });
});
