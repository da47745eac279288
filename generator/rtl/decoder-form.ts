// How the rows of an XOR network are written. Small rows read best as one `assign` naming
// their taps. Wide rows are written as masked reductions, ^(enc_i & taps_r): Icarus
// evaluates each XOR operator of a chain as a separate node, so a 64x64 half-full matrix
// simulates 40 times slower as chains than as masks (docs/rtl.md has the measurements).

import type { XorMatrix } from '../config/model.js';

export type RowForm = 'taps' | 'masks';
export type FormRequest = RowForm | 'auto';

/**
 * Widest row, in taps, that the automatic choice still writes in the taps form: such a row
 * fits about two lines. A module whose widest row has more taps uses the masks form for
 * every row.
 */
export const MAX_TAPS_FORM_TAPS = 16;

export function maxRowTaps(matrix: XorMatrix): number {
  return matrix.rows.reduce((widest, taps) => Math.max(widest, taps.length), 0);
}

/** Picks the form for a whole module; the masks form needs at least one non-empty row. */
export function chooseRowForm(matrix: XorMatrix, request: FormRequest = 'auto'): RowForm {
  const widest = maxRowTaps(matrix);
  if (widest === 0) return 'taps';
  if (request !== 'auto') return request;
  return widest > MAX_TAPS_FORM_TAPS ? 'masks' : 'taps';
}
