// Options of `flexor train`: their defaults, the parsing of the strings commander hands over,
// and the checks between them. Every invalid option is reported, each with the value found,
// what a valid value looks like and how to fix it, before any data is loaded.

import type { WeightOrder } from '../config/model.js';
import { LIMITS } from '../config/limits.js';
import { checkIdentifier } from '../config/identifiers.js';
import { canonicalDatasetName, DATASET_CHOICES, DATASET_NAMES, IMAGE_CLASSES, IMAGE_FEATURES } from '../data/load.js';
import { FlexorError } from '../errors.js';
import type { Folding } from './export.js';
import type { OptimizerName } from './optimizer.js';
import type { TapRule } from './xor-draw.js';

export interface TrainOptions {
  readonly dataset: string;
  readonly hidden: readonly number[];
  readonly q: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly taps: TapRule;
  readonly weightOrder: WeightOrder;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly lrWarmupEpochs: number;
  readonly sTanh: number;
  readonly sTanhStart: number;
  readonly sTanhWarmupEpochs: number;
  readonly optimizer: OptimizerName;
  /** Clip latents to +-clipLatents / S_tanh; 0 disables clipping. */
  readonly clipLatents: number;
  readonly latentInitStd: number;
  readonly seed: number;
  /** Use only the first N training or test images; undefined for all of them. */
  readonly trainImages?: number;
  readonly testImages?: number;
  readonly name: string;
  /** Folding per layer, from --pe and --simd. */
  readonly hardware?: readonly Folding[];
}

/** Option values as commander passes them (keys are the camel-case flag names): strings, or undefined when not given. */
export type RawTrainOptions = Partial<Record<keyof typeof DEFAULTS | 'sTanhStart' | 'trainImages' | 'testImages' | 'pe' | 'simd' | 'name', string>>;

export const DEFAULTS = {
  dataset: 'mnist-digits',
  hidden: '64',
  q: '1',
  nIn: '16',
  nOut: '20',
  taps: '2',
  weightOrder: 'input-fastest',
  epochs: '30',
  batchSize: '100',
  lr: '0.001',
  lrWarmup: '1',
  sTanh: '3',
  sTanhWarmup: '0',
  optimizer: 'adam',
  clipLatents: '0',
  latentInitStd: '0.01',
  seed: '1',
} as const;

/** Command-line spelling of each option, for messages. */
export const FLAGS: Record<keyof RawTrainOptions, string> = {
  dataset: '--dataset',
  hidden: '--hidden',
  q: '--q',
  nIn: '--n-in',
  nOut: '--n-out',
  taps: '--taps',
  weightOrder: '--weight-order',
  epochs: '--epochs',
  batchSize: '--batch-size',
  lr: '--lr',
  lrWarmup: '--lr-warmup',
  sTanh: '--s-tanh',
  sTanhStart: '--s-tanh-start',
  sTanhWarmup: '--s-tanh-warmup',
  optimizer: '--optimizer',
  clipLatents: '--clip-latents',
  latentInitStd: '--latent-init-std',
  seed: '--seed',
  trainImages: '--train-images',
  testImages: '--test-images',
  pe: '--pe',
  simd: '--simd',
  name: '--name',
};

interface OptionIssue {
  flag: string;
  value: string;
  expected: string;
  fix: string;
}

class IssueList {
  readonly issues: OptionIssue[] = [];

  add(key: keyof RawTrainOptions, value: string, expected: string, fix: string): void {
    this.issues.push({ flag: FLAGS[key], value, expected, fix });
  }

  integer(raw: RawTrainOptions, key: keyof typeof DEFAULTS | 'trainImages' | 'testImages', min: number, max: number, fix: string): number {
    const text = raw[key] ?? (DEFAULTS as Record<string, string>)[key] ?? '';
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      this.add(key, text, `an integer from ${min} to ${max}`, fix);
      return min;
    }
    return value;
  }

  real(raw: RawTrainOptions, key: keyof typeof DEFAULTS | 'sTanhStart', min: number, minIncluded: boolean, fix: string, fallback?: string): number {
    const text = raw[key] ?? fallback ?? (DEFAULTS as Record<string, string>)[key] ?? '';
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || (!minIncluded && value === min)) {
      this.add(key, text, `a finite number ${minIncluded ? 'of at least' : 'greater than'} ${min}`, fix);
      return Math.max(min, 1);
    }
    return value;
  }

  choice<T extends string>(raw: RawTrainOptions, key: keyof typeof DEFAULTS, choices: readonly T[], fix: string): T {
    const text = raw[key] ?? DEFAULTS[key];
    if (!(choices as readonly string[]).includes(text)) {
      this.add(key, text, `one of ${choices.join(', ')}`, fix);
      return choices[0]!;
    }
    return text as T;
  }

  /** Parses a comma-separated list of integers from min to max; returns undefined when the list is invalid. */
  integerList(raw: RawTrainOptions, key: 'hidden' | 'pe' | 'simd', text: string, min: number, max: number, fix: string): number[] | undefined {
    const parts = text.split(',').map((part) => part.trim());
    const values = parts.map(Number);
    const valid = parts.every((part, k) => /^\d+$/.test(part) && values[k]! >= min && values[k]! <= max);
    if (!valid) {
      this.add(key, text, `a comma-separated list of integers from ${min} to ${max}`, fix);
      return undefined;
    }
    return values;
  }
}

function formatIssues(issues: OptionIssue[]): string {
  const lines = [`invalid options for flexor train: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}`];
  for (const issue of issues) {
    lines.push(`  ${issue.flag}: found ${JSON.stringify(issue.value)}; expected ${issue.expected}.`);
    lines.push(`    fix: ${issue.fix}`);
  }
  return lines.join('\n');
}

function parseFolding(raw: RawTrainOptions, list: IssueList, sizes: readonly number[]): Folding[] | undefined {
  if (raw.pe === undefined && raw.simd === undefined) return undefined;
  const layers = sizes.length - 1;
  const per = (key: 'pe' | 'simd', limit: number): (number | undefined)[] => {
    const text = raw[key];
    if (text === undefined) return new Array<undefined>(layers).fill(undefined);
    const values = list.integerList(raw, key, text, 1, limit, `give one value per layer, such as ${new Array(layers).fill(key === 'pe' ? 4 : 16).join(',')}`);
    if (values === undefined) return [];
    if (values.length !== layers) {
      list.add(key, text, `${layers} values, one per dense layer`, `give ${layers} comma-separated values`);
      return [];
    }
    values.forEach((value, l) => {
      const bound = key === 'pe' ? sizes[l + 1]! : sizes[l]!;
      if (value > bound) list.add(key, text, `value ${l + 1} at most ${bound}, the ${key === 'pe' ? 'outputs' : 'inputs'} of layer ${l + 1}`, `lower value ${l + 1}; extra ${key === 'pe' ? 'processing elements' : 'lanes'} would stay idle`);
    });
    return values;
  };
  const pe = per('pe', LIMITS.maxPe);
  const simd = per('simd', LIMITS.maxSimd);
  return Array.from({ length: layers }, (_, l) => ({
    ...(pe[l] !== undefined && { pe: pe[l] }),
    ...(simd[l] !== undefined && { simd: simd[l] }),
  }));
}

/** Parses and checks the options; throws one USAGE error that lists every problem. */
export function resolveTrainOptions(raw: RawTrainOptions): TrainOptions {
  const list = new IssueList();
  const dataset = canonicalDatasetName(list.choice(raw, 'dataset', DATASET_CHOICES, `pass --dataset ${DATASET_NAMES.join(' or --dataset ')}`));
  const hidden = list.integerList(raw, 'hidden', raw.hidden ?? DEFAULTS.hidden, 1, LIMITS.maxFeatures, 'give the hidden layer sizes from input to output, such as --hidden 256 or --hidden 128,64') ?? [1];

  const q = list.integer(raw, 'q', 1, LIMITS.maxPlanes, 'use 1 or 2 planes, as in most FleXOR models');
  const nOut = list.integer(raw, 'nOut', 1, LIMITS.maxDecoderBits, 'use for example --n-out 20');
  const nIn = list.integer(raw, 'nIn', 1, LIMITS.maxDecoderBits, 'use for example --n-in 16 (0.8 bits per weight with --n-out 20)');
  if (nIn > nOut) list.add('nIn', String(nIn), `at most --n-out (${nOut}); a decoder with more inputs than outputs stores more bits than it decrypts`, 'lower --n-in or raise --n-out');

  const tapsText = raw.taps ?? DEFAULTS.taps;
  let taps: TapRule = 'random';
  if (tapsText !== 'random') {
    taps = list.integer(raw, 'taps', 1, Math.max(1, nIn), 'give the ones per row of the XOR matrix (at most --n-in), or "random"');
  }

  const weightOrder = list.choice(raw, 'weightOrder', ['input-fastest', 'output-fastest'] as const, 'pass --weight-order input-fastest or output-fastest');
  const epochs = list.integer(raw, 'epochs', 1, 10_000, 'use for example --epochs 30');
  const batchSize = list.integer(raw, 'batchSize', 1, 65_536, 'use for example --batch-size 100');
  const lr = list.real(raw, 'lr', 0, false, 'use for example --lr 0.001');
  const lrWarmupEpochs = list.real(raw, 'lrWarmup', 0, true, 'use 0 to start at the full learning rate, or a number of epochs');
  const sTanh = list.real(raw, 'sTanh', 0, false, 'use for example --s-tanh 10');
  const sTanhStart = list.real(raw, 'sTanhStart', 0, false, 'use for example --s-tanh-start 1, or leave it out to start at --s-tanh', String(sTanh));
  const sTanhWarmupEpochs = list.real(raw, 'sTanhWarmup', 0, true, 'use 0 for a constant S_tanh, or a number of epochs');
  const optimizer = list.choice(raw, 'optimizer', ['adam', 'sgd'] as const, 'pass --optimizer adam or sgd');
  const clipLatents = list.real(raw, 'clipLatents', 0, true, 'use 0 for no clipping, or 2 to clip latents to +-2 / S_tanh');
  const latentInitStd = list.real(raw, 'latentInitStd', 0, false, 'use for example --latent-init-std 0.01');
  const seed = list.integer(raw, 'seed', 0, 2 ** 31 - 1, 'use a non-negative integer below 2^31');
  const trainImages = raw.trainImages === undefined ? undefined : list.integer(raw, 'trainImages', 1, 10_000_000, 'give a positive number of images, or leave the option out to use all');
  const testImages = raw.testImages === undefined ? undefined : list.integer(raw, 'testImages', 1, 10_000_000, 'give a positive number of images, or leave the option out to use all');

  const defaultName = `${dataset.replace(/-/g, '_')}_mlp`;
  const name = raw.name ?? defaultName;
  const nameRule = checkIdentifier(name);
  if (nameRule !== undefined) list.add('name', name, nameRule, `use for example --name ${defaultName}`);
  const hardware = parseFolding(raw, list, [IMAGE_FEATURES, ...hidden, IMAGE_CLASSES]);

  if (list.issues.length > 0) throw new FlexorError('USAGE', formatIssues(list.issues));
  return {
    dataset, hidden, q, nIn, nOut, taps, weightOrder, epochs, batchSize, lr, lrWarmupEpochs, sTanh, sTanhStart, sTanhWarmupEpochs,
    optimizer, clipLatents, latentInitStd, seed, name,
    ...(trainImages !== undefined && { trainImages }),
    ...(testImages !== undefined && { testImages }),
    ...(hardware !== undefined && { hardware }),
  };
}

/** Builds the `flexor train` command that recreates a model: every option that affects it, without the output path. */
export function commandLine(options: TrainOptions): string {
  const parts = [
    'flexor train',
    `--dataset ${options.dataset}`,
    `--hidden ${options.hidden.join(',')}`,
    `--q ${options.q}`,
    `--n-in ${options.nIn}`,
    `--n-out ${options.nOut}`,
    `--taps ${options.taps}`,
    `--weight-order ${options.weightOrder}`,
    `--epochs ${options.epochs}`,
    `--batch-size ${options.batchSize}`,
    `--lr ${options.lr}`,
    `--lr-warmup ${options.lrWarmupEpochs}`,
    `--s-tanh ${options.sTanh}`,
    `--s-tanh-start ${options.sTanhStart}`,
    `--s-tanh-warmup ${options.sTanhWarmupEpochs}`,
    `--optimizer ${options.optimizer}`,
    `--clip-latents ${options.clipLatents}`,
    `--latent-init-std ${options.latentInitStd}`,
    `--seed ${options.seed}`,
  ];
  if (options.trainImages !== undefined) parts.push(`--train-images ${options.trainImages}`);
  if (options.testImages !== undefined) parts.push(`--test-images ${options.testImages}`);
  parts.push(`--name ${options.name}`);
  if (options.hardware !== undefined) {
    if (options.hardware.some((f) => f.pe !== undefined)) parts.push(`--pe ${options.hardware.map((f) => f.pe).join(',')}`);
    if (options.hardware.some((f) => f.simd !== undefined)) parts.push(`--simd ${options.hardware.map((f) => f.simd).join(',')}`);
  }
  return parts.join(' ');
}
