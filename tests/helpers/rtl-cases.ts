// Loading the network regression cases under rtl-tests/network: each folder has a case.json
// (description, inputs or a vector count, stall pattern, hand-derived expectations) and the
// config.json it runs.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfigValue } from '../../generator/config/load.js';
import type { NetworkSpec } from '../../generator/config/model.js';
import type { NetworkShape } from '../../generator/config/random-network.js';
import { randomInputs, type StallOptions } from '../../generator/sim/network/vectors.js';

export const CASES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'rtl-tests', 'network');

export interface CaseFile {
  description: string;
  shape?: NetworkShape;
  vectors?: number;
  inputs?: number[][];
  stalls: StallOptions;
  expected?: { outputs?: (number | string)[][]; alphaFracBits?: number; alphaQ?: number[][] };
  /** Minimum of ideal / measured cycles per vector, for cases that run without stalls. */
  minEfficiency?: number;
}

export interface RtlCase {
  name: string;
  spec: CaseFile;
  config: unknown;
  network: NetworkSpec;
  inputs: number[][];
}

export function loadRtlCase(name: string): RtlCase {
  const dir = path.join(CASES_DIR, name);
  const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseFile;
  const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as unknown;
  const network = loadConfigValue(config, `rtl-tests/network/${name}/config.json`);
  const inputs = spec.inputs ?? randomInputs(network, spec.vectors ?? 6, 1000 + name.length);
  return { name, spec, config, network, inputs };
}

export function rtlCaseNames(): string[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
