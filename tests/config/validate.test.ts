import { describe, expect, it } from 'vitest';
import { loadConfigValue } from '../../generator/config/load.js';
import { parseConfigText } from '../../generator/config/parse.js';
import type { ConfigDocument } from '../../generator/config/schema.js';
import { ConfigError } from '../../generator/errors.js';
import { networkDocument, PIXELS } from '../helpers/networks.js';

function baseDocument(): ConfigDocument {
  return networkDocument({
    name: 'base',
    seed: 3,
    decoders: [
      { name: 'xa', nIn: 4, nOut: 6 },
      { name: 'xb', nIn: 3, nOut: 5 },
    ],
    input: { ...PIXELS, features: 10 },
    layers: [
      { name: 'fc1', outFeatures: 6, planes: ['xa', 'xb'], output: { bits: 8, signed: false, scale: 0.05 } },
      { name: 'fc2', outFeatures: 3, planes: ['xa'], output: 'accumulator' },
    ],
  });
}

/** Applies `change` to a fresh copy of the base document and returns the config error. */
function issuesAfter(change: (doc: any) => void) {
  const doc = structuredClone(baseDocument()) as any;
  change(doc);
  try {
    loadConfigValue(doc, 'case.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('the config was accepted');
}

describe('config validation', () => {
  it('accepts the base document', () => {
    const network = loadConfigValue(baseDocument(), 'case.json');
    expect(network.layers.map((l) => l.name)).toEqual(['fc1', 'fc2']);
    expect(network.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  const cases: { name: string; change: (doc: any) => void; path: string; expected: RegExp }[] = [
    { name: 'matrix entry 2', change: (d) => (d.decoders[0].rows[1] = '1201'), path: 'decoders[0].rows[1]', expected: /0 and 1/ },
    { name: 'empty row', change: (d) => (d.decoders[0].rows[2] = '0000'), path: 'decoders[0].rows[2]', expected: /at least one tap/ },
    { name: 'ragged row', change: (d) => (d.decoders[0].rows[3] = '10110'), path: 'decoders[0].rows[3]', expected: /nIn = 4 characters/ },
    { name: 'row count', change: (d) => d.decoders[0].rows.pop(), path: 'decoders[0].rows', expected: /nOut = 6 rows/ },
    { name: 'nIn above nOut', change: (d) => Object.assign(d.decoders[1], { nIn: 6, rows: d.decoders[1].rows.map((r: string) => `${r}000`) }), path: 'decoders[1].nIn', expected: /at most nOut/ },
    { name: 'taps and rows', change: (d) => (d.decoders[0].taps = [[0]]), path: 'decoders[0]', expected: /exactly one of "rows" or "taps"/ },
    { name: 'tap out of range', change: (d) => Object.assign(d.decoders[1], { rows: undefined, taps: [[0], [1], [2], [3], [0, 1]] }), path: 'decoders[1].taps[3][0]', expected: /below nIn = 3/ },
    { name: 'taps cancelling', change: (d) => Object.assign(d.decoders[1], { rows: undefined, taps: [[0], [1], [2], [2, 2], [0, 1]] }), path: 'decoders[1].taps[3]', expected: /at least one tap/ },
    { name: 'stream length', change: (d) => (d.layers[0].planes[0].encrypted.bits -= 1), path: 'layers[0].planes[0].encrypted.bits', expected: /ceil\(60 weights \/ nOut 6\) \* nIn 4 = 40/ },
    { name: 'hex length', change: (d) => (d.layers[0].planes[0].encrypted.hex += '00'), path: 'layers[0].planes[0].encrypted.hex', expected: /10 hex digits/ },
    { name: 'padding bits', change: (d) => (d.layers[0].planes[1].encrypted.hex = d.layers[0].planes[1].encrypted.hex.slice(0, -2) + 'ff'), path: 'layers[0].planes[1].encrypted.hex', expected: /unused high bits/ },
    { name: 'infinite alpha', change: (d) => (d.layers[0].planes[0].alpha[2] = Number.POSITIVE_INFINITY), path: 'layers[0].planes[0].alpha[2]', expected: /finite number/ },
    { name: 'alpha count', change: (d) => d.layers[0].planes[0].alpha.pop(), path: 'layers[0].planes[0].alpha', expected: /outFeatures = 6/ },
    { name: 'unknown decoder', change: (d) => (d.layers[1].planes[0].decoder = 'xc'), path: 'layers[1].planes[0].decoder', expected: /defined: xa, xb/ },
    { name: 'zero features', change: (d) => (d.layers[1].outFeatures = 0), path: 'layers[1].outFeatures', expected: /from 1 to 65536/ },
    { name: 'absurd features', change: (d) => (d.input.features = 1e9), path: 'input.features', expected: /from 1 to 65536/ },
    { name: 'fractional size', change: (d) => (d.layers[0].outFeatures = 6.5), path: 'layers[0].outFeatures', expected: /integer/ },
    { name: 'broken chain', change: (d) => (d.input.features = 11), path: 'layers[0].inFeatures', expected: /11, the value of input.features/ },
    { name: 'duplicate names', change: (d) => (d.layers[1].name = 'FC1'), path: 'layers[1].name', expected: /already used at layers\[0\].name/ },
    { name: 'decoder named like layer', change: (d) => (d.decoders[1].name = 'fc2'), path: 'layers[1].name', expected: /already used at decoders\[1\].name/ },
    { name: 'keyword name', change: (d) => (d.layers[0].name = 'module'), path: 'layers[0].name', expected: /keyword/ },
    { name: 'path in name', change: (d) => (d.name = '../evil'), path: 'name', expected: /starts with a letter/ },
    { name: 'double underscore', change: (d) => (d.decoders[0].name = 'x__a'), path: 'decoders[0].name', expected: /two underscores/ },
    { name: 'accumulator in the middle', change: (d) => (d.layers[0].output = 'accumulator'), path: 'layers[0].output', expected: /only the last layer/ },
    { name: 'relu on accumulators', change: (d) => (d.layers[1].activation = 'relu'), path: 'layers[1].activation', expected: /"none"/ },
    { name: 'unknown field', change: (d) => (d.layers[0].weigthOrder = 'input-fastest'), path: 'layers[0]', expected: /documented/ },
    { name: 'pe above outputs', change: (d) => (d.layers[1].hardware = { pe: 4 }), path: 'layers[1].hardware.pe', expected: /at most outFeatures = 3/ },
    { name: 'missing shift', change: (d) => (d.layers[0].integer = { alphaFracBits: 8, alphaQ: [new Array(6).fill(1), new Array(6).fill(1)], biasQ: new Array(6).fill(0), multiplier: 3 }), path: 'layers[0].integer.shift', expected: /requantizes/ },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const issues = issuesAfter(c.change);
      const issue = issues.find((i) => i.path === c.path);
      expect(issue, JSON.stringify(issues)).toBeDefined();
      expect(issue!.expected).toMatch(c.expected);
      expect(issue!.fix.length).toBeGreaterThan(0);
    });
  }

  it('reports every problem at once', () => {
    const issues = issuesAfter((d) => {
      d.decoders[0].rows[0] = '0000';
      d.layers[1].planes[0].decoder = 'nope';
      d.layers[0].bias = [1];
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['decoders[0].rows[0]', 'layers[0].bias', 'layers[1].planes[0].decoder']);
  });

  it('rejects another format version with one issue', () => {
    const issues = issuesAfter((d) => {
      d.version = 2;
      d.layers = 'changed shape';
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('version');
    expect(issues[0]!.fix).toMatch(/upgrade/);
  });

  it('rejects an output scale no multiplier can reach', () => {
    const issues = issuesAfter((d) => (d.layers[0].output.scale = 1e-30));
    expect(issues[0]!.path).toBe('layers[0].output.scale');
  });

  it('prints path, value, rule and fix in the message', () => {
    const doc = structuredClone(baseDocument()) as any;
    doc.layers[0].planes[0].decoder = 'xz';
    expect(() => loadConfigValue(doc, 'case.json')).toThrow(/layers\[0\]\.planes\[0\]\.decoder: found "xz"; expected the name of a decoder[\s\S]*fix: /);
  });
});

describe('parseConfigText', () => {
  it('reports line and column of a syntax error', () => {
    const text = '{\n  "format": "flexor-rtl",\n  "version": 1,,\n}';
    try {
      parseConfigText(text, 'bad.json');
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).code).toBe('CONFIG_PARSE');
      expect((error as ConfigError).message).toMatch(/line 3, column 16/);
    }
  });

  it('reports a truncated file at its end', () => {
    expect(() => parseConfigText('{"a": [1, 2', 'cut.json')).toThrow(/line 1, column 12/);
  });
});
