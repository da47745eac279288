// The view model of an XOR decoder module: every decision about its text is made here, and
// templates/decoder.v.hbs only places the ready lines.

import type { XorMatrix } from '../config/model.js';
import { decoderStats, type DecoderStats } from '../golden/decoder-stats.js';
import { chooseRowForm, type FormRequest, type RowForm } from './decoder-form.js';
import { fileHeader } from './header.js';
import { alignColumns, maskLiteral, wrapTerms } from './verilog-text.js';

export interface DecoderModuleOptions {
  /** Module and file name; already checked with checkIdentifier. */
  name: string;
  /** Adds clk_i, rst_ni and valid_i/valid_o, and registers dec_o. */
  registered: boolean;
  form: FormRequest;
  /** Command or config path for the header, relative. */
  source?: string;
  hash?: string;
}

export interface DecoderView {
  header: string;
  module: string;
  localparams: string[];
  ports: string[];
  registered: boolean;
  tapsForm: boolean;
  /** Declaration of dec_d in the registered variant; empty otherwise. */
  resultDeclaration: string;
  /** Taps form: one `assign` per output bit. */
  assigns: string[];
  /** Masks form: the constant mask nets and the statements of the always block. */
  masks: string[];
  maskStatements: string[];
  hasUnused: boolean;
  unusedComment: string;
  unusedAssign: string;
}

export interface DecoderModule {
  view: DecoderView;
  stats: DecoderStats;
  form: RowForm;
}

const RESET_NOTE = 'synchronous reset, active low';

function enc(column: number): string {
  return `enc_i[${column}]`;
}

/** Lists input columns as Verilog bit selects, for comments. */
function listColumns(columns: readonly number[]): string {
  return columns.map(enc).join(', ');
}

function portLines(registered: boolean, resultIsReg: boolean): string[] {
  const rows: string[][] = [];
  if (registered) {
    rows.push(['input  wire', '', 'clk_i,', '']);
    rows.push(['input  wire', '', 'rst_ni,', `// ${RESET_NOTE}`]);
    rows.push(['input  wire', '', 'valid_i,', '// enc_i carries a slice to decrypt in this cycle']);
  }
  rows.push(['input  wire', '[N_IN-1:0]', 'enc_i,', '// bit i is encrypted input column i']);
  if (registered) rows.push(['output wire', '', 'valid_o,', '// dec_o holds the slice that arrived with the last valid_i']);
  const output = resultIsReg ? 'output reg ' : 'output wire';
  rows.push([output, '[N_OUT-1:0]', 'dec_o', '// bit r is the XOR of the inputs that row r taps']);
  return alignColumns(rows);
}

function localparamLines(matrix: XorMatrix): string[] {
  return alignColumns([
    ['localparam integer N_IN', '=', `${matrix.nIn},`, '// encrypted inputs: columns of the XOR matrix'],
    ['localparam integer N_OUT', '=', `${matrix.nOut}`, '// decrypted outputs: rows of the XOR matrix'],
  ]);
}

function tapAssigns(matrix: XorMatrix, target: string): string[] {
  return matrix.rows.map((taps, r) => {
    const left = `assign ${target}[${r}] = `;
    const right = taps.length === 0 ? "1'b0;  // row taps no input" : `${wrapTerms(taps.map(enc), '^', 2 + left.length, 2 + left.length - 2)};`;
    return `${left}${right}`;
  });
}

function maskLines(matrix: XorMatrix): string[] {
  const rows: string[][] = [];
  matrix.rows.forEach((taps, r) => {
    if (taps.length > 0) rows.push([`wire [N_IN-1:0] taps_${r}`, `= ${maskLiteral(taps, matrix.nIn)};`, `// ${taps.length} taps`]);
  });
  return alignColumns(rows);
}

function maskStatements(matrix: XorMatrix, target: string): string[] {
  return matrix.rows.map((taps, r) => (taps.length === 0 ? `${target}[${r}] = 1'b0;  // row taps no input` : `${target}[${r}] = ^(enc_i & taps_${r});`));
}

function headerText(matrix: XorMatrix, options: DecoderModuleOptions, stats: DecoderStats, form: RowForm): string {
  const output = options.registered ? `registered (${RESET_NOTE}, valid in and out)` : 'combinational';
  return fileHeader({
    description: `XOR decoder ${options.name}: dec_o = M enc_i over GF(2), ${matrix.nIn} encrypted inputs to ${matrix.nOut} decrypted outputs.`,
    ...(options.source !== undefined && { source: options.source }),
    ...(options.hash !== undefined && { hash: options.hash }),
    parameters: [
      ['N_IN', matrix.nIn],
      ['N_OUT', matrix.nOut],
      ['output', output],
      ['row form', form === 'taps' ? 'taps (one assign per output bit)' : 'masks (one masked reduction per output bit)'],
      ['XOR2 gates', stats.xor2Gates],
      ['depth', stats.depth],
      ['rank', stats.rank],
      ['unused inputs', stats.unusedInputs.length],
    ],
  });
}

/** Builds the view of one decoder module and the figures reported for it. */
export function buildDecoderModule(matrix: XorMatrix, options: DecoderModuleOptions): DecoderModule {
  const stats = decoderStats(matrix);
  const form = chooseRowForm(matrix, options.form);
  const target = options.registered ? 'dec_d' : 'dec_o';
  const tapsForm = form === 'taps';
  // In the masks form every row reads all of enc_i through its mask, so only the taps form
  // needs the unused_enc wire for columns that no row taps.
  const hasUnused = tapsForm && stats.unusedInputs.length > 0;
  const resultDeclaration = options.registered ? `${tapsForm ? 'wire' : 'reg '} [N_OUT-1:0] dec_d;  // decrypted slice of enc_i, before the output register` : '';

  const view: DecoderView = {
    header: headerText(matrix, options, stats, form),
    module: options.name,
    localparams: localparamLines(matrix),
    ports: portLines(options.registered, !tapsForm && !options.registered),
    registered: options.registered,
    tapsForm,
    resultDeclaration,
    assigns: tapsForm ? tapAssigns(matrix, target) : [],
    masks: tapsForm ? [] : maskLines(matrix),
    maskStatements: tapsForm ? [] : maskStatements(matrix, target),
    hasUnused,
    unusedComment: hasUnused
      ? `// No row taps ${listColumns(stats.unusedInputs)}. Verilator's lint skips signals named unused_*,\n  // so reading the columns here keeps -Wall quiet without a waiver; synthesis removes it.`
      : '',
    unusedAssign: hasUnused ? `assign unused_enc = ${wrapTerms(stats.unusedInputs.map(enc), '^', 23, 21)};` : '',
  };
  return { view, stats, form };
}
