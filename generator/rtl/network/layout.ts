// How a layer's weight planes are spread over memory banks. Each plane has one bank per lane,
// and a lane serves every LANES-th row of the weight matrix in the order the hardware
// consumes them. With input-fastest weights a row is one output's weights and lanes are
// processing elements. With output-fastest weights a row is one input's weights across all
// outputs and lanes are SIMD inputs. Either way a row is a contiguous run of ROW_LEN bits of
// the plane's flattened stream, so a bank stores, row after row, the slices that cover each
// row. A slice shared by the end of one row and the start of the next is stored for both rows.

import type { DenseLayerSpec, PlaneSpec } from '../../config/model.js';

export interface LaneGeometry {
  /** Number of lanes: PE for input-fastest, SIMD for output-fastest. */
  lanes: number;
  /** Weight bits per lane per step: SIMD for input-fastest, PE for output-fastest. */
  chunk: number;
  /** Bits per row: inFeatures for input-fastest, outFeatures for output-fastest. */
  rowLength: number;
  /** Rows in all: outFeatures or inFeatures. */
  rowCount: number;
}

export interface LaneBank {
  lane: number;
  /** Matrix rows this lane serves, in order. */
  rows: number[];
  /** Plane slice index of each bank word, in address order. */
  slices: number[];
  /** Bit offset of the lane's first row inside its first slice. */
  r0First: number;
  /** Offset added (mod nOut) from one of the lane's rows to the next. */
  r0Step: number;
}

export function laneGeometry(layer: DenseLayerSpec): LaneGeometry {
  const { pe, simd } = layer.hardware;
  return layer.weightOrder === 'input-fastest'
    ? { lanes: pe, chunk: simd, rowLength: layer.inFeatures, rowCount: layer.outFeatures }
    : { lanes: simd, chunk: pe, rowLength: layer.outFeatures, rowCount: layer.inFeatures };
}

export function laneBanks(geometry: LaneGeometry, nOut: number): LaneBank[] {
  const { lanes, rowLength, rowCount } = geometry;
  const banks: LaneBank[] = [];
  for (let lane = 0; lane < lanes; lane += 1) {
    const rows: number[] = [];
    const slices: number[] = [];
    for (let row = lane; row < rowCount; row += lanes) {
      rows.push(row);
      const start = row * rowLength;
      const first = Math.floor(start / nOut);
      const last = Math.floor((start + rowLength - 1) / nOut);
      for (let s = first; s <= last; s += 1) slices.push(s);
    }
    banks.push({ lane, rows, slices, r0First: (lane * rowLength) % nOut, r0Step: (lanes * rowLength) % nOut });
  }
  return banks;
}

/** Encrypted bits of one slice as a word: bit i is encrypted input i. */
export function sliceWord(plane: PlaneSpec, slice: number): bigint {
  const { nIn } = plane.decoder;
  let word = 0n;
  for (let i = nIn - 1; i >= 0; i -= 1) word = (word << 1n) | BigInt(plane.encrypted[slice * nIn + i]!);
  return word;
}
