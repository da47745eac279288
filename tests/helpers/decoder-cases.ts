// Loading the decoder regression cases under rtl-tests/decoder/: each folder has a
// case.json (description, variants, hand-derived facts) and a matrix.txt.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readMatrixFile } from '../../generator/decoder/matrix-input.js';
import { renderStandaloneDecoder } from '../../generator/decoder/standalone.js';
import type { XorMatrix } from '../../generator/config/model.js';
import type { RegressionModule } from '../../generator/sim/decoder-regression.js';
import type { MatrixRecipe } from '../../generator/sim/random-matrix.js';

export const CASES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'rtl-tests', 'decoder');

export interface CaseFacts {
  xor2Gates?: number;
  depth?: number;
  rank?: number;
  rankAtMost?: number;
  maxTaps?: number;
  unusedInputs?: number[];
  zeroRows?: number[];
  form?: 'taps' | 'masks';
  vectors?: number;
}

export interface DecoderCase {
  name: string;
  dir: string;
  matrixFile: string;
  description: string;
  generated?: MatrixRecipe;
  variants: ('combinational' | 'registered')[];
  expected: CaseFacts;
}

export function listDecoderCases(): DecoderCase[] {
  return readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const dir = path.join(CASES_DIR, name);
      const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Omit<DecoderCase, 'name' | 'dir' | 'matrixFile'> & { matrix: string };
      return { ...spec, name, dir, matrixFile: path.join(dir, spec.matrix) };
    });
}

export async function caseMatrix(decoderCase: DecoderCase): Promise<XorMatrix> {
  return (await readMatrixFile(decoderCase.matrixFile, decoderCase.matrixFile)).matrix;
}

/** Module name of a case variant: the folder name with underscores, plus _r when registered. */
export function caseModuleName(decoderCase: DecoderCase, variant: 'combinational' | 'registered'): string {
  return `${decoderCase.name.replace(/-/g, '_')}${variant === 'registered' ? '_r' : ''}`;
}

/** Renders every variant of the given cases as regression modules. */
export async function caseModules(cases: readonly DecoderCase[]): Promise<RegressionModule[]> {
  const modules: RegressionModule[] = [];
  for (const decoderCase of cases) {
    for (const variant of decoderCase.variants) {
      const registered = variant === 'registered';
      const name = caseModuleName(decoderCase, variant);
      const rendered = await renderStandaloneDecoder({ name, matrixFile: path.relative(process.cwd(), decoderCase.matrixFile), registered, form: 'auto' });
      modules.push({ name, matrix: rendered.matrix, registered, text: rendered.text });
    }
  }
  return modules;
}
