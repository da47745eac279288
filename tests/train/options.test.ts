import { describe, expect, it } from 'vitest';
import { FlexorError } from '../../generator/errors.js';
import { commandLine, resolveTrainOptions } from '../../generator/train/options.js';

describe('resolveTrainOptions', () => {
  it('fills the documented defaults', () => {
    const options = resolveTrainOptions({});
    expect(options).toMatchObject({ dataset: 'mnist-digits', hidden: [64], q: 1, nIn: 16, nOut: 20, taps: 2, weightOrder: 'input-fastest', seed: 1 });
    expect(options.sTanhStart).toBe(options.sTanh);
    expect(options.name).toBe('mnist_digits_mlp');
    expect(options.hardware).toBeUndefined();
  });

  it('parses lists, random taps and folding', () => {
    const options = resolveTrainOptions({ hidden: '128, 32', taps: 'random', pe: '8,4,2', simd: '16,8,4' });
    expect(options.hidden).toEqual([128, 32]);
    expect(options.taps).toBe('random');
    expect(options.hardware).toEqual([
      { pe: 8, simd: 16 },
      { pe: 4, simd: 8 },
      { pe: 2, simd: 4 },
    ]);
  });

  it('rejects folding that does not fit a layer', () => {
    let caught: unknown;
    try {
      resolveTrainOptions({ hidden: '64', pe: '4,16' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FlexorError);
    expect((caught as FlexorError).code).toBe('USAGE');
    expect((caught as FlexorError).message).toContain('value 2 at most 10, the outputs of layer 2');
  });

  it('rejects N_tap above nIn', () => {
    expect(() => resolveTrainOptions({ nIn: '4', taps: '5' })).toThrow(/--taps: found "5"; expected an integer from 1 to 4/);
  });

  it('rejects an unsafe network name', () => {
    expect(() => resolveTrainOptions({ name: 'module' })).toThrow(/--name: found "module"/);
  });
});

describe('commandLine', () => {
  it('recreates the same options', () => {
    const options = resolveTrainOptions({ dataset: 'fashion-mnist', hidden: '32', q: '2', nIn: '12', sTanh: '30', trainImages: '500', pe: '4,2' });
    const args = commandLine(options).split(' ').slice(2);
    const raw: Record<string, string> = {};
    for (let k = 0; k < args.length; k += 2) raw[args[k]!.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = args[k + 1]!;
    expect(resolveTrainOptions(raw)).toEqual(options);
  });
});
