// Random small networks (fast-check, fixed seed) generated, simulated on both simulators and
// compared word for word with the golden model.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivationFormat } from '../../../generator/config/model.js';
import { buildNetwork, type NetworkShape } from '../../../generator/config/random-network.js';
import { QUICK_BUILD_VERILATOR_ARGS, runNetworkBench, writeNetworkBench, type PreparedBench } from '../../../generator/sim/network/bench.js';
import { randomInputs } from '../../../generator/sim/network/vectors.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../../helpers/tools.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'network property test');

const format = (signed: boolean): fc.Arbitrary<ActivationFormat> =>
  fc.record({ bits: fc.integer({ min: 1, max: 10 }), signed: fc.constant(signed), scale: fc.double({ min: 0.002, max: 2, noNaN: true }) });

const decoderArbitrary = fc
  .record({ nIn: fc.integer({ min: 1, max: 12 }), extra: fc.integer({ min: 0, max: 10 }), taps: fc.integer({ min: 1, max: 3 }) })
  .map(({ nIn, extra, taps }) => ({ nIn, nOut: nIn + extra, taps }));

const shapeArbitrary: fc.Arbitrary<Omit<NetworkShape, 'name'>> = fc
  .record({
    seed: fc.integer({ min: 1, max: 100_000 }),
    decoders: fc.array(decoderArbitrary, { minLength: 1, maxLength: 3 }),
    signedInput: fc.boolean(),
    inputFeatures: fc.integer({ min: 1, max: 16 }),
    layers: fc.array(
      fc.record({
        out: fc.integer({ min: 1, max: 10 }),
        planes: fc.array(fc.nat(2), { minLength: 1, maxLength: 3 }),
        outputFastest: fc.boolean(),
        relu: fc.boolean(),
        signedOutput: fc.boolean(),
        pe: fc.integer({ min: 1, max: 10 }),
        simd: fc.integer({ min: 1, max: 12 }),
        alphaSpread: fc.constantFrom(1, 0.01, -0.5, 3),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    inputFormat: fc.boolean().chain((signed) => format(signed)),
    hiddenFormats: fc.array(fc.boolean().chain((signed) => format(signed)), { minLength: 3, maxLength: 3 }),
    lastAccumulator: fc.boolean(),
  })
  .map((s) => {
    let features = s.inputFeatures;
    const layers = s.layers.map((l, i) => {
      const last = i === s.layers.length - 1;
      const output = last && s.lastAccumulator ? ('accumulator' as const) : s.hiddenFormats[i]!;
      const layer = {
        name: `fc${i}`,
        outFeatures: l.out,
        planes: l.planes.map((p) => `x${p % s.decoders.length}`),
        weightOrder: l.outputFastest ? ('output-fastest' as const) : ('input-fastest' as const),
        output,
        activation: output === 'accumulator' || !l.relu ? ('none' as const) : ('relu' as const),
        pe: Math.min(l.pe, l.out),
        simd: Math.min(l.simd, features),
        alphaSpread: l.alphaSpread,
      };
      features = l.out;
      return layer;
    });
    return {
      seed: s.seed,
      decoders: s.decoders.map((d, i) => ({ name: `x${i}`, ...d })),
      input: { ...s.inputFormat, features: s.inputFeatures },
      layers,
    };
  });

const NETWORKS = 10;
const shapes = fc.sample(shapeArbitrary, { seed: 20261204, numRuns: NETWORKS }).map((shape, i) => ({ ...shape, name: `prop${i}` }));

describe('random networks', () => {
  it('all load as valid configs', () => {
    for (const shape of shapes) expect(() => buildNetwork(shape)).not.toThrow();
  });
});

describe.runIf(ready)('random networks on both simulators', () => {
  let bench: PreparedBench;

  beforeAll(async () => {
    const dir = await tempDir('network-property');
    bench = await writeNetworkBench(
      dir,
      shapes.map((shape, i) => {
        const network = buildNetwork(shape);
        return { network, inputs: randomInputs(network, 5, i + 1), stalls: { inputGap: 0.2, outputGap: 0.35, seed: i + 7, length: 47 } };
      }),
    );
  });

  for (const simulator of ['icarus', 'verilator'] as const) {
    it(`match the golden model on ${simulator}`, async () => {
      const run = await runNetworkBench(bench, simulator, { timeoutMs: 600_000, verilatorArgs: [...QUICK_BUILD_VERILATOR_ARGS] });
      expect(run.results.size).toBe(NETWORKS);
    });
  }
});
