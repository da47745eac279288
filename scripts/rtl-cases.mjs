#!/usr/bin/env node
// Writes config.json of every RTL regression case that is described by a shape in its
// case.json (sizes, decoders, folding and a seed). Run with `npm run rtl-cases` after
// changing a shape; the test suite fails when a config.json is out of date.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfig } from '../dist/config/format.js';
import { networkDocument } from '../dist/config/random-network.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'rtl-tests', 'network');

let written = 0;
for (const name of (await readdir(root)).sort()) {
  const spec = JSON.parse(await readFile(path.join(root, name, 'case.json'), 'utf8'));
  if (spec.shape === undefined) continue;
  await writeFile(path.join(root, name, 'config.json'), formatConfig(networkDocument(spec.shape)));
  written += 1;
}
console.log(`wrote ${written} config.json files under ${path.relative(process.cwd(), root) || '.'}`);
