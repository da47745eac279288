// Learning-rate and S_tanh schedules as functions of training progress in epochs (a real
// number: 2.5 is halfway through the third epoch).

export interface ScheduleOptions {
  readonly epochs: number;
  readonly lr: number;
  /** Epochs of linear learning-rate warm-up from 0. */
  readonly lrWarmupEpochs: number;
  /** Final S_tanh. */
  readonly sTanh: number;
  /** S_tanh at the start of training. */
  readonly sTanhStart: number;
  /** Epochs over which S_tanh grows linearly from sTanhStart to sTanh. */
  readonly sTanhWarmupEpochs: number;
}

/** Linear warm-up to `lr`, then cosine decay to 0 at the end of the last epoch. */
export function learningRate(options: ScheduleOptions, progress: number): number {
  const { epochs, lr, lrWarmupEpochs } = options;
  if (progress < lrWarmupEpochs) return (lr * progress) / lrWarmupEpochs;
  const span = epochs - lrWarmupEpochs;
  if (span <= 0) return lr;
  const done = Math.min((progress - lrWarmupEpochs) / span, 1);
  return 0.5 * lr * (1 + Math.cos(Math.PI * done));
}

/** S_tanh grows linearly from sTanhStart to sTanh during its warm-up, then stays at sTanh. */
export function sTanhAt(options: ScheduleOptions, progress: number): number {
  const { sTanh, sTanhStart, sTanhWarmupEpochs } = options;
  if (progress >= sTanhWarmupEpochs) return sTanh;
  return sTanhStart + ((sTanh - sTanhStart) * progress) / sTanhWarmupEpochs;
}
