import { describe, expect, it } from 'vitest';
import { loadConfigValue } from '../../generator/config/load.js';
import { loadMnistDigits } from '../../generator/data/mnist-digits.js';
import { planeSigns } from '../../generator/golden/decrypt.js';
import { FlexorDense } from '../../generator/train/flexor-dense.js';
import { resolveTrainOptions, type RawTrainOptions } from '../../generator/train/options.js';
import { runTraining } from '../../generator/train/run.js';

const dataset = await loadMnistDigits();

/** Trains briefly on a few hundred images, enough to move the weights away from their start. */
async function train(raw: RawTrainOptions) {
  const options = resolveTrainOptions({ hidden: '16', epochs: '2', trainImages: '800', testImages: '300', ...raw });
  return runTraining(options, 'flexor', { dataset });
}

describe('exportConfig', () => {
  for (const weightOrder of ['input-fastest', 'output-fastest']) {
    it(`decrypts to the trainer's signs (${weightOrder})`, async () => {
      const result = await train({ weightOrder, q: '2', nIn: '12' });
      const spec = loadConfigValue(result.document, 'exported.json');
      expect(spec.layers).toHaveLength(2);
      spec.layers.forEach((layer, l) => {
        const trained = result.model.layers[l] as FlexorDense;
        expect(layer.weightOrder).toBe(weightOrder);
        expect(layer.planes).toHaveLength(2);
        for (let p = 0; p < 2; p += 1) {
          const golden = planeSigns(layer, p);
          const own = trained.signs(p);
          expect(golden.length).toBe(own.length);
          expect(Buffer.compare(Buffer.from(golden.buffer), Buffer.from(own.buffer))).toBe(0);
        }
      });
    });
  }

  it('writes integers that the loader re-derives identically', async () => {
    const result = await train({});
    const document = structuredClone(result.document!);
    expect(document.layers[0]!.integer).toBeDefined();
    expect(document.layers[0]!.output).toMatchObject({ bits: 8, signed: false });
    expect(document.layers[1]!.output).toBe('accumulator');
    expect(document.layers[1]!.activation).toBe('none');
    const written = document.layers.map((layer) => layer.integer);
    for (const layer of document.layers) delete layer.integer;
    const derived = loadConfigValue(document, 'stripped.json');
    derived.layers.forEach((layer, l) => {
      expect(layer.integer.fromConfig).toBe(false);
      expect(layer.integer.alphaQ).toEqual(written[l]!.alphaQ);
      expect(layer.integer.biasQ).toEqual(written[l]!.biasQ);
      expect(layer.integer.requant?.multiplier).toBe(written[l]!.multiplier);
      expect(layer.integer.requant?.shift).toBe(written[l]!.shift);
    });
  });

  it('keeps golden accuracy close to the float model', async () => {
    const result = await train({ epochs: '3', trainImages: '2000' });
    expect(result.testImages).toBe(300);
    expect(result.floatAccuracy).toBeGreaterThan(0.6);
    expect(Math.abs(result.floatAccuracy - result.integerAccuracy!)).toBeLessThanOrEqual(0.01);
    expect(result.document!.training).toMatchObject({ dataset: 'mnist-digits', testImages: 300, floatAccuracy: result.floatAccuracy, integerAccuracy: result.integerAccuracy });
  });

  it('passes folding through to the hardware field', async () => {
    const result = await train({ pe: '4,2', simd: '16,8', epochs: '1' });
    expect(result.document!.layers[0]!.hardware).toEqual({ pe: 4, simd: 16 });
    expect(result.document!.layers[1]!.hardware).toEqual({ pe: 2, simd: 8 });
    const spec = loadConfigValue(result.document, 'folded.json');
    expect(spec.layers[1]!.hardware).toEqual({ pe: 2, simd: 8 });
  });
});
