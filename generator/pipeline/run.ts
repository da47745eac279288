// `flexor run`: the main job. A trained config becomes the network's RTL and a testbench that
// streams real test images through the simulated hardware. Every output word and class is
// compared with the golden model, and a report sets the hardware's accuracy next to the
// accuracy of the golden and float models.

import type { NetworkSpec } from '../config/model.js';
import { takeImages, type Dataset } from '../data/dataset.js';
import { canonicalDatasetName, loadDataset } from '../data/load.js';
import { FlexorError } from '../errors.js';
import { FloatNetwork } from '../golden/float-model.js';
import { driftWarnings } from '../quant/drift.js';
import { outputInterval } from '../report/cycles.js';
import type { NetworkReport } from '../report/network-report.js';
import type { Simulator } from '../sim/run.js';
import { NO_STALLS } from '../sim/network/vectors.js';
import { simulateNetwork } from './simulate.js';


export interface RunOptions {
  dataset: string;
  images: number;
  simulator: Simulator;
  out: string;
  timeoutMs: number;
  /** Called with the number of images the hardware has finished. */
  onProgress?: (done: number) => void;
}

export interface RunReport {
  network: string;
  config: string;
  configHash: string;
  dataset: string;
  simulator: Simulator;
  images: number;
  accuracy: { rtl: number; golden: number; float: number };
  /** Output words compared with the golden model, and how many were equal. */
  outputWords: number;
  bitExactWords: number;
  /** Images whose class the hardware reported equal to the golden model's. */
  bitExactClasses: number;
  cycles: {
    /** Average cycles between consecutive images' last outputs: the pipeline's rate. */
    perInference: number | undefined;
    idealPerInference: number;
    /** Cycles from the first input beat to the first image's last output. */
    firstLatency: number;
    total: number;
  };
  bitsPerWeight: number[];
  weightMemoryBits: number;
  xor2Gates: number;
  wallSeconds: number;
  simulatorSeconds: number;
  networkReport: NetworkReport;
}

function checkDatasetFits(network: NetworkSpec, dataset: Dataset): void {
  const { input } = network;
  if (input.features !== dataset.features || input.bits !== 8 || input.signed) {
    throw new FlexorError(
      'USAGE',
      `${network.source}: input is ${input.features} ${input.bits}-bit ${input.signed ? 'signed' : 'unsigned'} values, but ${dataset.name} images are ${dataset.features} unsigned 8-bit pixels; use a config trained on ${dataset.name}`,
    );
  }
  const classes = network.layers[network.layers.length - 1]!.outFeatures;
  if (classes !== dataset.classes) {
    throw new FlexorError('USAGE', `${network.source}: the last layer has ${classes} outputs, but ${dataset.name} has ${dataset.classes} classes`);
  }
}

/** Warns when the config records training on another data set: its accuracy would mean little. */
function warnOnDatasetMismatch(network: NetworkSpec, dataset: string): void {
  const trained = network.training?.dataset;
  if (trained !== undefined && canonicalDatasetName(trained) !== dataset) {
    process.stderr.write(`flexor: warning: ${network.source} was trained on ${trained}, but the images come from ${dataset}\n`);
  }
}

function share(hits: number, total: number): number {
  return total === 0 ? 0 : hits / total;
}

export async function runOnDataset(network: NetworkSpec, options: RunOptions): Promise<RunReport> {
  const start = performance.now();
  const dataset = await loadDataset(options.dataset);
  warnOnDatasetMismatch(network, dataset.name);
  for (const warning of driftWarnings(network.layers, network.source)) process.stderr.write(`flexor: warning: ${warning}\n`);
  checkDatasetFits(network, dataset);
  if (options.images > dataset.test.count) {
    throw new FlexorError('USAGE', `--images ${options.images} is more than the ${dataset.test.count} test images of ${dataset.name}; pass --images ${dataset.test.count} or fewer`);
  }
  const test = takeImages(dataset.test, dataset.features, options.images);
  const inputs = Array.from({ length: test.count }, (_, i) => Array.from(test.pixels.subarray(i * dataset.features, (i + 1) * dataset.features)));

  let done = 0;
  const result = await simulateNetwork(network, {
    simulators: [options.simulator],
    inputs,
    inputSource: `${dataset.name} test images`,
    inputFiles: [network.source],
    stalls: NO_STALLS,
    out: options.out,
    timeoutMs: options.timeoutMs,
    onLine: (_simulator, line) => {
      if (line.startsWith('VECTOR ')) {
        done += 1;
        options.onProgress?.(done);
      }
    },
  }).catch((error: unknown) => {
    if (error instanceof FlexorError && error.code === 'TOOL_TIMEOUT') {
      throw new FlexorError('TOOL_TIMEOUT', `${error.message}\n  fix: raise --timeout (seconds) or lower --images; ${done} of ${test.count} images had finished`, { cause: error });
    }
    throw error;
  });

  const run = result.runs[0]!;
  const caseResult = run.results.get(network.name)!;
  const floatModel = new FloatNetwork(network);
  const labels = test.labels;
  let rtlHits = 0;
  let goldenHits = 0;
  let floatHits = 0;
  let classMatches = 0;
  const golden = result.goldenClasses;
  for (let i = 0; i < test.count; i += 1) {
    const label = labels[i]!;
    if (caseResult.classes[i] === label) rtlHits += 1;
    if (golden[i] === label) goldenHits += 1;
    if (caseResult.classes[i] === golden[i]) classMatches += 1;
    if (floatModel.classify(inputs[i]!) === label) floatHits += 1;
  }
  const report = result.report;
  return {
    network: network.name,
    config: network.source,
    configHash: network.hash,
    dataset: dataset.name,
    simulator: options.simulator,
    images: test.count,
    accuracy: { rtl: share(rtlHits, test.count), golden: share(goldenHits, test.count), float: share(floatHits, test.count) },
    outputWords: caseResult.outputs,
    // The testbench stops at the first differing word, so a finished run compared all of them equal.
    bitExactWords: caseResult.outputs,
    bitExactClasses: classMatches,
    cycles: {
      perInference: outputInterval(caseResult),
      idealPerInference: report.totals.idealIntervalCycles,
      firstLatency: caseResult.firstOutput - caseResult.firstInput,
      total: caseResult.cycles,
    },
    bitsPerWeight: report.layers.map((l) => l.bitsPerWeight),
    weightMemoryBits: report.totals.weightMemoryBits,
    xor2Gates: report.totals.xor2Gates,
    wallSeconds: (performance.now() - start) / 1000,
    simulatorSeconds: run.seconds,
    networkReport: report,
  };
}
