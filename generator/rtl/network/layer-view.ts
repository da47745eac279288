// View models of a dense layer's two generated modules: the engine with its weight banks and
// MACs, and the output stage. Every number and width is computed here; the templates print them.

import type { DenseLayerSpec } from '../../config/model.js';
import { layerWidths, type LayerWidths } from '../../quant/widths.js';
import { activationRange } from '../../quant/ranges.js';
import { clog2, constantWidth, indexWidth, resizeSigned, signedLiteral, zeroExtendBit } from './verilog.js';
import { laneBanks, laneGeometry } from './layout.js';
import { laneMemoryFile, MEM_DIR, scaleMemoryFile, type ModuleNames } from './names.js';

export interface Localparam {
  name: string;
  value: number;
  comment: string;
}

/** Entries of the output FIFO; enough for the requantization pipeline to run without gaps. */
export const OUTPUT_FIFO_DEPTH = 8;

export function layerLoopSizes(layer: DenseLayerSpec): { words: number; blocks: number } {
  return { words: Math.ceil(layer.inFeatures / layer.hardware.simd), blocks: Math.ceil(layer.outFeatures / layer.hardware.pe) };
}

/** Width of the layer's output words: the output format, or the accumulator. */
export function layerOutputBits(layer: DenseLayerSpec, widths: LayerWidths = layerWidths(layer)): number {
  return layer.output === 'accumulator' ? widths.accWidth : layer.output.bits;
}

export function buildLayerView(layer: DenseLayerSpec, names: ModuleNames, header: string) {
  const widths = layerWidths(layer);
  const { pe, simd } = layer.hardware;
  const { words, blocks } = layerLoopSizes(layer);
  const geometry = laneGeometry(layer);
  const inputFastest = layer.weightOrder === 'input-fastest';
  const lastPassLanes = inputFastest ? layer.outFeatures - (blocks - 1) * pe : layer.inFeatures - (words - 1) * simd;
  const localparams: Localparam[] = [
    { name: 'IN', value: layer.inFeatures, comment: 'inputs' },
    { name: 'PE', value: pe, comment: 'processing elements' },
    { name: 'SIMD', value: simd, comment: 'inputs per processing element per cycle' },
    { name: 'A', value: layer.input.bits, comment: `bits per input activation, ${layer.input.signed ? 'signed' : 'unsigned'}` },
    { name: 'WORDS', value: words, comment: 'input words per vector: ceil(IN / SIMD)' },
    { name: 'BLOCKS', value: blocks, comment: 'output blocks per vector: ceil(OUT / PE)' },
    { name: 'WORD_ADDR_W', value: clog2(2 * words), comment: 'address of the two-bank input buffer: clog2(2 * WORDS)' },
    { name: 'BLOCK_W', value: indexWidth(blocks), comment: 'output block counter' },
    { name: 'BIT_W', value: indexWidth(layer.input.bits), comment: 'activation bit counter' },
    { name: 'COUNT_W', value: clog2(simd + 1), comment: 'popcount of SIMD bits: clog2(SIMD + 1)' },
    { name: 'GROUP_W', value: widths.groupWidth, comment: `group sum, |sum| <= SIMD * |a|max = ${widths.groupRange.max}` },
    { name: 'PLANE_W', value: widths.planeWidth, comment: `plane sum, |P| <= IN * |a|max = ${widths.planeRange.max}` },
    { name: 'LANES', value: geometry.lanes, comment: inputFastest ? 'weight lanes per plane: one per processing element' : 'weight lanes per plane: one per SIMD input' },
    { name: 'CHUNK', value: geometry.chunk, comment: inputFastest ? 'weight bits per lane per step: SIMD' : 'weight bits per lane per step: PE' },
    { name: 'ROW_LEN', value: geometry.rowLength, comment: inputFastest ? 'bits per lane row: one output\'s IN weights' : 'bits per lane row: one input\'s OUT weights' },
  ];
  if (lastPassLanes < geometry.lanes) {
    localparams.push({ name: 'LAST_PASS_LANES', value: lastPassLanes, comment: inputFastest ? 'lanes with an output in the last block' : 'lanes with an input in the last word' });
  }

  const planes = layer.planes.map((plane, p) => {
    const banks = laneBanks(geometry, plane.decoder.nOut);
    return {
      index: p,
      decoderName: plane.decoder.name,
      decoderModule: names.decoder(plane.decoder.name),
      nIn: plane.decoder.nIn,
      nOut: plane.decoder.nOut,
      laneCount: banks.length,
      lanes: banks.map((bank) => ({
        index: bank.lane,
        rows: bank.rows.length,
        rowsText: describeRows(bank.rows, geometry.lanes),
        depth: bank.slices.length,
        addrWidth: indexWidth(bank.slices.length),
        r0First: bank.r0First,
        r0Step: bank.r0Step,
        file: laneMemoryFile(layer.name, p, bank.lane),
      })),
    };
  });

  const chunksOk = planes.map((p) => `(&(chunk_valid_p${p.index} | ~lane_active))`).join(' && ');
  const holdConcat = planes.length === 1 ? 'hold_p0_q' : `{${planes.map((p) => `hold_p${p.index}_q`).reverse().join(', ')}}`;

  return {
    header,
    module: names.layer(layer.name),
    prefix: names.rom.slice(0, -'_rom'.length),
    memDir: MEM_DIR,
    outModule: names.layerOut(layer.name),
    layerName: layer.name,
    inFeatures: layer.inFeatures,
    outFeatures: layer.outFeatures,
    planeCount: layer.planes.length,
    pe,
    simd,
    actBits: layer.input.bits,
    actSignedness: layer.input.signed ? 'signed' : 'unsigned',
    outWidth: layerOutputBits(layer, widths),
    loopOrderText: inputFastest ? 'output-block-major' : 'input-word-major',
    laneText: inputFastest
      ? 'Weights are input-fastest, so lane e serves processing element e: rows are outputs.'
      : 'Weights are output-fastest, so lane j serves SIMD input j: rows are inputs, and plane sums of every output block wait between input words.',
    inputFastest,
    singleBitActivations: layer.input.bits === 1,
    negateTop: layer.input.signed ? "1'b1" : "1'b0",
    localparams,
    planes,
    groupToPlane: resizeSigned('group', widths.groupWidth, widths.planeWidth),
    chunksOkExpression: chunksOk,
    accumulatorArray: !inputFastest,
    partialLastPass: lastPassLanes < geometry.lanes,
    holdConcat,
  };
}

/** Concatenation of the bits of `name` outside [low, high), or '' when there are none. */
function unusedBits(name: string, width: number, low: number, high: number): string {
  const parts: string[] = [];
  if (high < width) parts.push(`${name}[${width - 1}:${high}]`);
  if (low > 0) parts.push(`${name}[${low - 1}:0]`);
  return parts.length === 0 ? '' : `{${parts.join(', ')}}`;
}

function describeRows(rows: readonly number[], stride: number): string {
  if (rows.length === 1) return `${rows[0]}`;
  return `${rows[0]}, ${rows[0]! + stride}, ... ${rows[rows.length - 1]} (every ${stride}th)`;
}

export function buildLayerOutView(layer: DenseLayerSpec, names: ModuleNames, header: string) {
  const widths = layerWidths(layer);
  const q = layer.planes.length;
  const outBits = layerOutputBits(layer, widths);
  const sumWidth = Math.max(widths.accWidth, widths.alphaWidth, widths.planeWidth, widths.biasWidth);
  const fifoCountWidth = clog2(OUTPUT_FIFO_DEPTH + 1);
  const localparams: Localparam[] = [
    { name: 'OUT', value: layer.outFeatures, comment: 'outputs' },
    { name: 'PE', value: layer.hardware.pe, comment: 'outputs per hold' },
    { name: 'PLANES', value: q, comment: 'weight planes' },
    { name: 'PLANE_W', value: widths.planeWidth, comment: `plane sum, |P| <= ${widths.planeRange.max}` },
    { name: 'ALPHA_W', value: widths.alphaWidth, comment: `alpha code, ${layer.integer.alphaFracBits} fractional bits` },
    { name: 'BIAS_W', value: widths.biasWidth, comment: 'bias code, in accumulator units' },
    { name: 'SCALE_W', value: widths.biasWidth + q * widths.alphaWidth, comment: 'scale ROM word: BIAS_W + PLANES * ALPHA_W' },
    { name: 'ACC_W', value: widths.accWidth, comment: `accumulator, ${widths.accRange.min} ... ${widths.accRange.max} over all outputs and inputs` },
    { name: 'SUM_W', value: sumWidth, comment: 'working width of the scaling sum: max(ACC_W, ALPHA_W, PLANE_W, BIAS_W)' },
    { name: 'OUT_BITS', value: outBits, comment: layer.output === 'accumulator' ? 'output word: the accumulator' : 'output activation' },
    { name: 'OUT_IDX_W', value: indexWidth(layer.outFeatures), comment: 'output index' },
    { name: 'PE_IDX_W', value: indexWidth(layer.hardware.pe), comment: 'processing element index' },
    { name: 'FIFO_DEPTH', value: OUTPUT_FIFO_DEPTH, comment: 'output FIFO entries' },
    { name: 'FIFO_PTR_W', value: clog2(OUTPUT_FIFO_DEPTH), comment: '' },
    { name: 'FIFO_COUNT_W', value: fifoCountWidth, comment: '' },
  ];
  const planes = layer.planes.map((_, p) => ({
    index: p,
    holdOffset: p * layer.hardware.pe * widths.planeWidth,
    alphaWide: resizeSigned(`alpha_p${p}`, widths.alphaWidth, sumWidth),
    sumWide: resizeSigned(`s1_sum_p${p}_q`, widths.planeWidth, sumWidth),
  }));
  const accSum = [...planes.map((p) => `term_p${p.index}`), 'bias_wide'].join(' + ');
  const inFlight = (stages: string[]) => stages.map((s) => zeroExtendBit(s, fifoCountWidth)).join(' + ');

  const view = {
    header,
    module: names.layerOut(layer.name),
    prefix: names.rom.slice(0, -'_rom'.length),
    layerName: layer.name,
    pe: layer.hardware.pe,
    outBits,
    holdWidth: q * layer.hardware.pe * widths.planeWidth,
    scaleFile: scaleMemoryFile(layer.name),
    scaleWordText: q === 1 ? '{biasQ, alphaQ[0]}' : `{biasQ, alphaQ[${q - 1}], ..., alphaQ[0]}`,
    memDir: MEM_DIR,
    localparams,
    constants: [] as { declaration: string; value: string; comment: string }[],
    planes,
    biasWide: resizeSigned('bias', widths.biasWidth, sumWidth),
    accSumExpression: accSum,
    accFromSum: resizeSigned('acc_sum', sumWidth, widths.accWidth),
    requantized: false,
    relu: layer.activation === 'relu',
    multiplier: 0,
    shift: 0,
    outSignedness: 'signed',
    inFlightAccumulator: inFlight(['s1_valid_q', 's2_valid_q']),
    inFlightRequant: inFlight(['s1_valid_q', 's2_valid_q', 's3_valid_q']),
    accWide: '',
    productWide: '',
    unusedRoundedBits: '',
    shiftedWide: '',
    clampExpression: '',
    clampUnusedBits: false,
  };
  if (widths.requant === undefined || layer.output === 'accumulator') return view;
  return { ...view, ...requantView(layer, widths, localparams, view.constants) };
}

function requantView(layer: DenseLayerSpec, widths: LayerWidths, localparams: Localparam[], constants: { declaration: string; value: string; comment: string }[]) {
  const requant = widths.requant!;
  const { multiplier, shift } = layer.integer.requant!;
  const format = layer.output as Exclude<DenseLayerSpec['output'], 'accumulator'>;
  const m = BigInt(multiplier);
  const half = shift === 0 ? 0n : 1n << BigInt(shift - 1);
  const productWidth = Math.max(requant.productWidth, constantWidth(m), widths.accWidth);
  const roundedWidth = Math.max(requant.roundedWidth, productWidth, constantWidth(half));
  const range = activationRange(format);
  const low = layer.activation === 'relu' && range.min < 0n ? 0n : range.min;
  const high = range.max;
  const clampWidth = Math.max(requant.shiftedWidth, constantWidth(low), constantWidth(high));
  const needLow = requant.shiftedRange.min < low;
  const needHigh = requant.shiftedRange.max > high;

  localparams.push(
    { name: 'PRODUCT_W', value: productWidth, comment: `acc * M, ${requant.productRange.min} ... ${requant.productRange.max}` },
    { name: 'ROUNDED_W', value: roundedWidth, comment: 'acc * M + 2^(S-1), with a guard bit where the constant can carry out' },
    { name: 'SHIFTED_W', value: requant.shiftedWidth, comment: `(acc * M + 2^(S-1)) >>> S, ${requant.shiftedRange.min} ... ${requant.shiftedRange.max}` },
    { name: 'CLAMP_W', value: clampWidth, comment: 'saturation compare: holds the shifted value and both limits' },
    { name: 'SHIFT', value: shift, comment: 'S' },
  );
  constants.push(
    { declaration: 'signed [PRODUCT_W-1:0] MULTIPLIER', value: signedLiteral(m, productWidth), comment: `M = ${multiplier}` },
    { declaration: 'signed [ROUNDED_W-1:0] HALF', value: signedLiteral(half, roundedWidth), comment: shift === 0 ? 'S = 0: nothing to round' : `2^(S-1) = ${half}` },
  );
  if (needLow) constants.push({ declaration: 'signed [CLAMP_W-1:0] LOW', value: signedLiteral(low, clampWidth), comment: `lowest output, ${low}` });
  if (needHigh) constants.push({ declaration: 'signed [CLAMP_W-1:0] HIGH', value: signedLiteral(high, clampWidth), comment: `highest output, ${high}` });

  let clamp = 'shifted_wide';
  if (needHigh) clamp = `(shifted_wide > HIGH) ? HIGH : ${clamp}`;
  if (needLow) clamp = `(shifted_wide < LOW) ? LOW : ${needHigh ? `(${clamp})` : clamp}`;

  return {
    requantized: true,
    multiplier,
    shift,
    outSignedness: format.signed ? 'signed' : 'unsigned',
    accWide: resizeSigned('s2_acc_q', widths.accWidth, productWidth),
    productWide: resizeSigned('s3_product_q', productWidth, roundedWidth),
    unusedRoundedBits: unusedBits('rounded', roundedWidth, shift, shift + requant.shiftedWidth),
    shiftedWide: resizeSigned('shifted', requant.shiftedWidth, clampWidth),
    clampExpression: clamp,
    clampUnusedBits: clampWidth > format.bits,
  };
}
