#!/usr/bin/env node
// Writes the matrix.txt of a regression case from the "generated" recipe in its case.json,
// so that seeded cases can be recreated and checked. Needs `npm run build` first.
// Usage: node scripts/make-case-matrix.mjs rtl-tests/decoder/<case>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomMatrix } from '../dist/sim/random-matrix.js';
import { rowString } from '../dist/golden/xor-matrix.js';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: node scripts/make-case-matrix.mjs CASE_DIR\n');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8'));
if (spec.generated === undefined) {
  process.stderr.write(`${dir}/case.json has no "generated" recipe; its matrix.txt is written by hand\n`);
  process.exit(2);
}
const matrix = randomMatrix(spec.generated);
const lines = [`# ${JSON.stringify(spec.generated)}`, ...matrix.rows.map((taps) => rowString(taps, matrix.nIn))];
writeFileSync(path.join(dir, 'matrix.txt'), `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${path.join(dir, 'matrix.txt')}: ${matrix.nOut} rows of ${matrix.nIn} columns\n`);
