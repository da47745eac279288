// `flexor decoder`: one XOR network as a standalone module, for engineers who want only the
// decoder. The stages are those of `flexor gen`: read the matrix, build the view, render,
// check, write.

import path from 'node:path';
import { checkIdentifier } from '../config/identifiers.js';
import { configHash } from '../config/hash.js';
import { displayPath } from '../config/load.js';
import type { XorMatrix } from '../config/model.js';
import { FlexorError } from '../errors.js';
import { writeOutputDir } from '../emit/output-dir.js';
import type { DecoderStats } from '../golden/decoder-stats.js';
import type { FormRequest, RowForm } from '../rtl/decoder-form.js';
import { buildDecoderModule } from '../rtl/decoder-view.js';
import { renderVerilog } from '../rtl/render.js';
import { parseMatrixText, readMatrixFile, type ParsedMatrix } from './matrix-input.js';

export interface MatrixSource {
  /** Rows as given to --matrix. */
  matrix?: string;
  /** Path given to --matrix-file. */
  matrixFile?: string;
}

export interface DecoderRequest extends MatrixSource {
  name: string;
  registered: boolean;
  form: FormRequest;
}

export interface RenderedDecoder {
  name: string;
  matrix: XorMatrix;
  text: string;
  stats: DecoderStats;
  form: RowForm;
  warnings: string[];
}

/** Maximum length of an inline matrix that the header's source line repeats; longer ones are summarized. */
const MAX_INLINE_SOURCE = 120;

export function checkModuleName(name: string, option = '--name'): void {
  const rule = checkIdentifier(name);
  if (rule !== undefined) {
    throw new FlexorError('USAGE', `invalid ${option} ${JSON.stringify(name)}: expected ${rule}. Fix: choose a name such as xor20x16.`);
  }
}

/** Reads the matrix from exactly one of --matrix and --matrix-file. */
export async function loadMatrix(source: MatrixSource): Promise<ParsedMatrix> {
  if ((source.matrix === undefined) === (source.matrixFile === undefined)) {
    throw new FlexorError('USAGE', 'give the matrix once: either --matrix ROWS or --matrix-file FILE');
  }
  if (source.matrix !== undefined) return parseMatrixText(source.matrix, '--matrix');
  return readMatrixFile(source.matrixFile!, displayPath(source.matrixFile!));
}

function sourceLine(request: DecoderRequest, parsed: ParsedMatrix): string {
  const flags = [`--name ${request.name}`];
  if (request.registered) flags.push('--registered');
  if (request.form !== 'auto') flags.push(`--form ${request.form}`);
  if (request.matrixFile !== undefined) {
    flags.push(`--matrix-file ${displayPath(request.matrixFile)}`);
  } else {
    const inline = parsed.rowStrings.join(',');
    flags.push(inline.length <= MAX_INLINE_SOURCE ? `--matrix ${inline}` : `--matrix (${parsed.matrix.nOut} rows of ${parsed.matrix.nIn} columns)`);
  }
  return `flexor decoder ${flags.join(' ')}`;
}

/** Renders the module text of a decoder request; pure apart from reading a matrix file. */
export async function renderStandaloneDecoder(request: DecoderRequest): Promise<RenderedDecoder> {
  checkModuleName(request.name);
  const parsed = await loadMatrix(request);
  const hash = configHash({ name: request.name, rows: parsed.rowStrings, registered: request.registered, form: request.form });
  const module = buildDecoderModule(parsed.matrix, {
    name: request.name,
    registered: request.registered,
    form: request.form,
    source: sourceLine(request, parsed),
    hash,
  });
  const text = renderVerilog('decoder', module.view, request.name);
  return { name: request.name, matrix: parsed.matrix, text, stats: module.stats, form: module.form, warnings: parsed.warnings };
}

/** Writes `<out>/<name>.v`; the directory is replaced as a whole or left untouched. */
export async function writeStandaloneDecoder(decoder: RenderedDecoder, out: string, inputs: readonly string[] = []): Promise<string> {
  const dir = await writeOutputDir(out, new Map([[`${decoder.name}.v`, decoder.text]]), { inputs });
  return path.join(dir, `${decoder.name}.v`);
}
