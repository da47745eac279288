import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfigValue } from '../../config/load.js';
import { gf2Rank } from '../../golden/gf2.js';
import { DATASET_NAMES } from '../../data/load.js';
import { DEFAULTS, resolveTrainOptions, type RawTrainOptions } from '../../train/options.js';
import { runTraining, secondsPerEpoch } from '../../train/run.js';
import type { BatchProgress } from '../../train/trainer.js';
import { checkWritable, writeFileAtomic } from '../../train/write-json.js';
import { FlexorDense } from '../../train/flexor-dense.js';

interface CliOptions extends RawTrainOptions {
  output: string;
  progress: boolean;
  recordTime: boolean;
}

/** Progress display: one cli-progress bar per epoch on a terminal, one summary line per epoch otherwise. */
function createProgress(epochs: number, enabled: boolean): (progress: BatchProgress) => void {
  let bar: SingleBar | undefined;
  const terminal = process.stderr.isTTY === true;
  return (p) => {
    if (!enabled) return;
    const values = { epoch: p.epoch + 1, epochs, loss: p.loss.toFixed(4), accuracy: (100 * p.accuracy).toFixed(2) };
    if (terminal) {
      if (p.batch === 1) {
        bar = new SingleBar({ stream: process.stderr, format: 'epoch {epoch}/{epochs} [{bar}] {value}/{total} batches | loss {loss} | train accuracy {accuracy}%', hideCursor: true });
        bar.start(p.batches, 0, values);
      }
      bar?.update(p.batch, values);
      if (p.batch === p.batches) bar?.stop();
    } else if (p.batch === p.batches) {
      process.stderr.write(`epoch ${values.epoch}/${epochs}: loss ${values.loss}, train accuracy ${values.accuracy}%\n`);
    }
  };
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train a FleXOR multi-layer perceptron on MNIST digits or Fashion-MNIST and export it as a model config')
    .requiredOption('-o, --output <file>', 'model config to write (JSON); written only when training succeeds')
    .option('--dataset <name>', `training data: ${DATASET_NAMES.join(' or ')}`, DEFAULTS.dataset)
    .option('--hidden <sizes>', 'hidden layer sizes, comma-separated, input side first', DEFAULTS.hidden)
    .option('--q <planes>', 'binary-code planes per layer (bits per weight = q * nIn / nOut)', DEFAULTS.q)
    .option('--n-in <bits>', 'encrypted bits per XOR slice (nIn)', DEFAULTS.nIn)
    .option('--n-out <bits>', 'weight bits decrypted per XOR slice (nOut)', DEFAULTS.nOut)
    .option('--taps <count>', 'ones per row of each XOR matrix (N_tap), or "random" for a fill with probability 1/2', DEFAULTS.taps)
    .option('--weight-order <order>', 'flattening of the weights before slicing: input-fastest or output-fastest', DEFAULTS.weightOrder)
    .option('--epochs <count>', 'passes over the training images', DEFAULTS.epochs)
    .option('--batch-size <images>', 'images per optimizer step', DEFAULTS.batchSize)
    .option('--lr <rate>', 'peak learning rate, reached after the warm-up and decayed by a cosine to 0', DEFAULTS.lr)
    .option('--lr-warmup <epochs>', 'epochs of linear learning-rate warm-up from 0', DEFAULTS.lrWarmup)
    .option('--s-tanh <factor>', 'final S_tanh: slope factor of tanh(S_tanh * latent), the backward stand-in for sign()', DEFAULTS.sTanh)
    .option('--s-tanh-start <factor>', 'S_tanh at the start of training (default: the value of --s-tanh)')
    .option('--s-tanh-warmup <epochs>', 'epochs over which S_tanh grows linearly from --s-tanh-start to --s-tanh', DEFAULTS.sTanhWarmup)
    .option('--optimizer <name>', 'adam, or sgd (with momentum 0.9)', DEFAULTS.optimizer)
    .option('--clip-latents <c>', 'clip latent bits to +-c / S_tanh after every step; 0 disables clipping', DEFAULTS.clipLatents)
    .option('--latent-init-std <std>', 'standard deviation of the initial latent bits', DEFAULTS.latentInitStd)
    .option('--seed <n>', 'seed of every random choice: XOR matrices, initial values, batch order', DEFAULTS.seed)
    .option('--train-images <count>', 'train on the first <count> training images only (default: all)')
    .option('--test-images <count>', 'measure accuracy on the first <count> test images only (default: all)')
    .option('--name <name>', 'network name in the config (default: <dataset>_mlp)')
    .option('--pe <list>', 'hardware folding: processing elements per layer, comma-separated (written to each layer\'s hardware field)')
    .option('--simd <list>', 'hardware folding: inputs per cycle per layer, comma-separated')
    .option('--record-time', 'write training.secondsPerEpoch into the config (the file then differs from run to run)', false)
    .option('--no-progress', 'do not show the progress of each epoch on stderr')
    .action(async (cli: CliOptions) => {
      const options = resolveTrainOptions(cli);
      await checkWritable(cli.output, '--output');

      const result = await runTraining(options, 'flexor', { onBatch: createProgress(options.epochs, cli.progress) });
      const document = result.document!;
      if (cli.recordTime) document.training = { ...document.training, secondsPerEpoch: secondsPerEpoch(result.epochs) };
      loadConfigValue(document, cli.output);
      await writeFileAtomic(cli.output, `${JSON.stringify(document, null, 2)}\n`);

      const ranks = result.model.layers
        .filter((layer): layer is FlexorDense => layer instanceof FlexorDense)
        .map((layer) => Array.from({ length: layer.q }, (_, p) => `${layer.name}_xor${p} ${gf2Rank(layer.matrix(p))}`).join(', '))
        .join(', ');
      const lines = [
        `wrote ${cli.output}: ${options.dataset}, ${result.trainImages} training and ${result.testImages} test images, ${options.epochs} ${Number(options.epochs) === 1 ? 'epoch' : 'epochs'}`,
        `  bits per weight: ${((options.q * options.nIn) / options.nOut).toFixed(3)}; GF(2) rank of each XOR matrix (of ${options.nIn}): ${ranks}`,
        `  test accuracy: float model ${(100 * result.floatAccuracy).toFixed(2)}%, integer golden model ${(100 * result.integerAccuracy!).toFixed(2)}%`,
        `  seconds per epoch: ${secondsPerEpoch(result.epochs).toFixed(2)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
