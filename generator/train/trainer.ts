// The training loop: shuffled mini-batches, forward, softmax cross-entropy, backward, one
// optimizer step per batch, with the learning rate and S_tanh following their schedules.

import type { ImageSet } from '../data/dataset.js';
import { softmaxCrossEntropy } from './loss.js';
import { fillInput, type Mlp } from './mlp.js';
import { clipLatents, createOptimizer, type OptimizerName } from './optimizer.js';
import { Random } from '../random.js';
import { learningRate, sTanhAt, type ScheduleOptions } from './schedule.js';

export interface TrainSettings extends ScheduleOptions {
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  /** Clip latents to +-clipLatents / S_tanh after every step; 0 disables clipping. */
  readonly clipLatents: number;
  readonly seed: number;
}

export interface EpochReport {
  readonly epoch: number;
  /** Mean training loss over the epoch. */
  readonly loss: number;
  /** Training accuracy over the epoch, measured on the batches as they were trained. */
  readonly accuracy: number;
  readonly seconds: number;
}

export interface BatchProgress {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  readonly loss: number;
  readonly accuracy: number;
}

export function trainModel(model: Mlp, set: ImageSet, settings: TrainSettings, onBatch?: (progress: BatchProgress) => void): EpochReport[] {
  const { features, classes } = model.options;
  const optimizer = createOptimizer(settings.optimizer, model.parameters());
  const parameters = model.parameters();
  const order = Random.stream(settings.seed, 'batch-order');
  const indices = Array.from({ length: set.count }, (_, k) => k);
  const labels = new Uint8Array(settings.batchSize);
  const logitGrad = new Float64Array(settings.batchSize * classes);
  const batches = Math.ceil(set.count / settings.batchSize);
  const reports: EpochReport[] = [];

  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    const started = performance.now();
    order.shuffle(indices);
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (let n = 0; n < batches; n += 1) {
      const from = n * settings.batchSize;
      const batch = Math.min(settings.batchSize, set.count - from);
      const progress = epoch + n / batches;
      const context = { sTanh: sTanhAt(settings, progress), relaxed: false };

      model.buildWeights(context);
      fillInput(set.pixels, features, indices, from, batch, model.input(batch));
      for (let b = 0; b < batch; b += 1) labels[b] = set.labels[indices[from + b]!]!;
      const logits = model.forward(batch, true);
      const result = softmaxCrossEntropy(logits, labels, batch, classes, logitGrad);
      model.backward(logitGrad, batch, context);
      optimizer.step(learningRate(settings, progress));
      if (settings.clipLatents > 0) clipLatents(parameters, settings.clipLatents / context.sTanh);

      lossSum += result.lossSum;
      correct += result.correct;
      seen += batch;
      onBatch?.({ epoch, batch: n + 1, batches, loss: lossSum / seen, accuracy: correct / seen });
    }
    reports.push({ epoch, loss: lossSum / seen, accuracy: correct / seen, seconds: (performance.now() - started) / 1000 });
  }
  model.buildWeights({ sTanh: settings.sTanh, relaxed: false });
  return reports;
}
