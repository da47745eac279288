// One training run from options to results: load the data, build and train the MLP, measure
// the float model, and for FleXOR weights export the config and measure the integer golden
// model on the same test images.

import type { NetworkSpec } from '../config/model.js';
import type { ConfigDocument } from '../config/schema.js';
import { takeImages, type Dataset } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { accuracy, predictFloat, predictGolden } from './evaluate.js';
import { exportConfig } from './export.js';
import { Mlp } from './mlp.js';
import { commandLine, type TrainOptions } from './options.js';
import { trainModel, type BatchProgress, type EpochReport } from './trainer.js';

export type WeightKind = 'flexor' | 'float';

export interface RunHooks {
  onBatch?: (progress: BatchProgress) => void;
  /** Data set already loaded by the caller, to skip loading it again. */
  dataset?: Dataset;
}

export interface RunResult {
  readonly options: TrainOptions;
  readonly epochs: readonly EpochReport[];
  readonly trainImages: number;
  readonly testImages: number;
  readonly floatAccuracy: number;
  /** Undefined for float weights, which have no integer model. */
  readonly integerAccuracy?: number;
  readonly document?: ConfigDocument;
  readonly spec?: NetworkSpec;
  readonly model: Mlp;
}

export function buildModel(options: TrainOptions, dataset: Pick<Dataset, 'features' | 'classes'>, weights: WeightKind): Mlp {
  const flexor = { q: options.q, nIn: options.nIn, nOut: options.nOut, taps: options.taps, weightOrder: options.weightOrder, latentInitStd: options.latentInitStd };
  return new Mlp({
    features: dataset.features,
    classes: dataset.classes,
    hidden: options.hidden,
    ...(weights === 'flexor' && { flexor }),
    quantizeActivations: true,
    seed: options.seed,
  });
}

/** Mean seconds per epoch of a run. */
export function secondsPerEpoch(epochs: readonly EpochReport[]): number {
  return epochs.reduce((sum, e) => sum + e.seconds, 0) / Math.max(epochs.length, 1);
}

export async function runTraining(options: TrainOptions, weights: WeightKind, hooks: RunHooks = {}): Promise<RunResult> {
  const dataset = hooks.dataset ?? (await loadDataset(options.dataset));
  const train = takeImages(dataset.train, dataset.features, options.trainImages);
  const test = takeImages(dataset.test, dataset.features, options.testImages);

  const model = buildModel(options, dataset, weights);
  const epochs = trainModel(model, train, { ...options }, hooks.onBatch);
  const floatAccuracy = accuracy(predictFloat(model, test), test.labels);
  const base = { options, epochs, trainImages: train.count, testImages: test.count, floatAccuracy, model };
  if (weights === 'float') return base;

  const { document, spec } = exportConfig({ name: options.name, model, ...(options.hardware !== undefined && { hardware: options.hardware }) }, `${options.name}.json`);
  const integerAccuracy = accuracy(predictGolden(spec, test), test.labels);
  document.training = {
    dataset: dataset.name,
    split: dataset.split,
    seed: options.seed,
    epochs: options.epochs,
    command: commandLine(options),
    trainImages: train.count,
    testImages: test.count,
    floatAccuracy,
    integerAccuracy,
  };
  return { ...base, integerAccuracy, document, spec };
}
