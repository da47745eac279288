// Softmax cross-entropy over a batch of logits, averaged over the batch.

export interface BatchLoss {
  /** Sum over the batch of -log p(label). */
  lossSum: number;
  /** Rows whose largest logit (lowest index on ties) is the label. */
  correct: number;
}

/** Computes the loss and writes d (mean loss) / d logits into `grad`. */
export function softmaxCrossEntropy(logits: Float64Array, labels: ArrayLike<number>, batch: number, classes: number, grad: Float64Array): BatchLoss {
  let lossSum = 0;
  let correct = 0;
  for (let b = 0; b < batch; b += 1) {
    const base = b * classes;
    let max = logits[base]!;
    let best = 0;
    for (let c = 1; c < classes; c += 1) {
      if (logits[base + c]! > max) {
        max = logits[base + c]!;
        best = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < classes; c += 1) {
      const e = Math.exp(logits[base + c]! - max);
      grad[base + c] = e;
      sum += e;
    }
    const label = labels[b]!;
    lossSum += Math.log(sum) - (logits[base + label]! - max);
    if (best === label) correct += 1;
    for (let c = 0; c < classes; c += 1) grad[base + c] = (grad[base + c]! / sum - (c === label ? 1 : 0)) / batch;
  }
  return { lossSum, correct };
}
