// Rules that relate fields of a config that already has the right shape. Each rule states
// what a valid config looks like and how to fix a violation. `checkRules` runs them all and
// returns every violation, so the user sees all problems in one run.

import type { ConfigIssue } from '../errors.js';
import { checkIdentifier } from './identifiers.js';
import { LIMITS } from './limits.js';
import { ALPHA_BITS } from '../quant/derive.js';
import type { ConfigDocument, DecoderDocument } from './schema.js';
import { reduceTaps, tapsFromRowString } from '../golden/xor-matrix.js';

type Report = (path: string, value: unknown, expected: string, fix: string) => void;
type Rule = (doc: ConfigDocument, report: Report) => void;

/** Tap lists of a decoder after reduction mod 2, or undefined while its rows are malformed. */
export function decoderTaps(decoder: DecoderDocument): number[][] | undefined {
  if (decoder.rows !== undefined) return decoder.rows.map((row) => tapsFromRowString(row));
  if (decoder.taps !== undefined) return decoder.taps.map((taps) => reduceTaps(taps));
  return undefined;
}

const checkNames: Rule = (doc, report) => {
  const named: { path: string; name: string }[] = [{ path: 'name', name: doc.name }];
  doc.decoders.forEach((d, i) => named.push({ path: `decoders[${i}].name`, name: d.name }));
  doc.layers.forEach((l, i) => named.push({ path: `layers[${i}].name`, name: l.name }));
  for (const { path, name } of named) {
    const rule = checkIdentifier(name);
    if (rule !== undefined) report(path, name, rule, 'rename it, for example to "fc1" or "xor20x16"');
  }
  const seen = new Map<string, string>();
  for (const { path, name } of named.slice(1)) {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      report(path, name, `a name not already used at ${first} (names are compared ignoring letter case)`, 'give every decoder and layer its own name');
    } else {
      seen.set(key, path);
    }
  }
};

const checkDecoderShape: Rule = (doc, report) => {
  doc.decoders.forEach((d, i) => {
    const at = `decoders[${i}]`;
    if ((d.rows === undefined) === (d.taps === undefined)) {
      report(at, Object.keys(d), 'exactly one of "rows" or "taps"', 'describe the matrix once, either as 0/1 strings or as tap lists');
      return;
    }
    if (d.nIn > d.nOut) {
      report(`${at}.nIn`, d.nIn, `at most nOut (${d.nOut}); a decoder with more inputs than outputs stores more bits than it decrypts`, 'swap nIn and nOut, or use a decoder with nIn <= nOut');
    }
    const rowCount = (d.rows ?? d.taps ?? []).length;
    const field = d.rows !== undefined ? 'rows' : 'taps';
    if (rowCount !== d.nOut) {
      report(`${at}.${field}`, `${rowCount} rows`, `nOut = ${d.nOut} rows, one per decrypted bit`, `give ${d.nOut} rows or change nOut`);
    }
    d.rows?.forEach((row, r) => {
      if (row.length !== d.nIn) {
        report(`${at}.rows[${r}]`, row, `a row of nIn = ${d.nIn} characters (every row the same length)`, 'pad or trim the row so that it has one character per encrypted input');
      }
    });
    d.taps?.forEach((taps, r) => {
      taps.forEach((tap, t) => {
        if (tap >= d.nIn) report(`${at}.taps[${r}][${t}]`, tap, `an input index below nIn = ${d.nIn}`, 'remove the tap or raise nIn');
      });
    });
  });
};

const checkDecoderRowsNonEmpty: Rule = (doc, report) => {
  doc.decoders.forEach((d, i) => {
    const taps = decoderTaps(d);
    taps?.forEach((row, r) => {
      if (row.length === 0) {
        const field = d.rows !== undefined ? 'rows' : 'taps';
        report(
          `decoders[${i}].${field}[${r}]`,
          d.rows?.[r] ?? d.taps?.[r],
          'a row with at least one tap after cancelling repeated taps (an empty row pins every weight it decrypts to -1)',
          'tap at least one encrypted input in this row',
        );
      }
    });
  });
};

const checkLayerChain: Rule = (doc, report) => {
  if (doc.layers.length === 0 || doc.layers.length > LIMITS.maxLayers) {
    report('layers', `${doc.layers.length} layers`, `from 1 to ${LIMITS.maxLayers} layers`, 'describe at least one dense layer');
    return;
  }
  doc.layers.forEach((layer, i) => {
    const at = `layers[${i}]`;
    const expectedIn = i === 0 ? doc.input.features : doc.layers[i - 1]!.outFeatures;
    const source = i === 0 ? 'input.features' : `layers[${i - 1}].outFeatures`;
    if (layer.inFeatures !== expectedIn) {
      report(`${at}.inFeatures`, layer.inFeatures, `${expectedIn}, the value of ${source}`, 'make each layer take as many inputs as the one before it produces');
    }
    if (layer.inFeatures * layer.outFeatures > LIMITS.maxLayerWeights) {
      report(at, `${layer.inFeatures} x ${layer.outFeatures} weights`, `at most ${LIMITS.maxLayerWeights} weights per layer`, 'split the layer or reduce its size');
    }
    const last = i === doc.layers.length - 1;
    if (layer.output === 'accumulator' && layer.activation !== 'none') {
      report(`${at}.activation`, layer.activation, '"none" for a layer that outputs raw accumulators', 'set "activation": "none", or give the layer a requantized output format');
    }
    if (layer.output === 'accumulator' && !last) {
      report(`${at}.output`, layer.output, 'an activation format {bits, signed, scale}; only the last layer may output raw accumulators', 'give the layer an output format, which the next layer reads');
    }
  });
};

const checkPlanes: Rule = (doc, report) => {
  const decoders = new Map(doc.decoders.map((d) => [d.name, d]));
  doc.layers.forEach((layer, i) => {
    const at = `layers[${i}]`;
    const q = layer.planes.length;
    if (q < 1 || q > LIMITS.maxPlanes) {
      report(`${at}.planes`, `${q} planes`, `from 1 to ${LIMITS.maxPlanes} planes`, 'give each layer at least one binary-code plane');
    }
    const weights = layer.inFeatures * layer.outFeatures;
    layer.planes.forEach((plane, p) => {
      const pat = `${at}.planes[${p}]`;
      const decoder = decoders.get(plane.decoder);
      if (decoder === undefined) {
        const known = doc.decoders.map((d) => d.name).join(', ') || 'none';
        report(`${pat}.decoder`, plane.decoder, `the name of a decoder in "decoders" (defined: ${known})`, 'fix the spelling or add the decoder');
      }
      if (plane.alpha.length !== layer.outFeatures) {
        report(`${pat}.alpha`, `${plane.alpha.length} values`, `outFeatures = ${layer.outFeatures} values, one per output channel`, 'give one alpha per output channel');
      }
      if (decoder !== undefined && decoder.nOut >= 1) {
        const bits = Math.ceil(weights / decoder.nOut) * decoder.nIn;
        if (plane.encrypted.bits !== bits) {
          report(
            `${pat}.encrypted.bits`,
            plane.encrypted.bits,
            `ceil(${weights} weights / nOut ${decoder.nOut}) * nIn ${decoder.nIn} = ${bits}`,
            'export the stream with the decoder this plane names, or point the plane at the decoder it was trained with',
          );
        }
      }
      checkHexLength(plane.encrypted.bits, plane.encrypted.hex, `${pat}.encrypted.hex`, report);
    });
    if (layer.bias !== undefined && layer.bias.length !== layer.outFeatures) {
      report(`${at}.bias`, `${layer.bias.length} values`, `outFeatures = ${layer.outFeatures} values`, 'give one bias per output channel, or omit "bias" for zeros');
    }
  });
};

function checkHexLength(bits: number, hex: string, path: string, report: Report): void {
  const bytes = Math.ceil(bits / 8);
  if (hex.length !== bytes * 2) {
    report(path, `${hex.length} hex digits`, `${bytes * 2} hex digits for ${bits} bits`, 'write ceil(bits / 8) bytes, two hex digits each');
    return;
  }
  const spare = bytes * 8 - bits;
  if (spare > 0) {
    const last = Number.parseInt(hex.slice(-2), 16);
    if (last >> (8 - spare) !== 0) {
      report(path, `last byte 0x${hex.slice(-2)}`, `the ${spare} unused high bits of the last byte set to 0`, 'clear the padding bits after the last stream bit');
    }
  }
}

/** Largest |alpha| whose code fits ALPHA_BITS signed bits with F = 0 fractional bits. */
const MAX_DERIVED_ALPHA = 2 ** (ALPHA_BITS - 1) - 1;

const checkAlphaRange: Rule = (doc, report) => {
  doc.layers.forEach((layer, i) => {
    if (layer.integer !== undefined) return;
    layer.planes.forEach((plane, p) => {
      plane.alpha.forEach((alpha, o) => {
        if (Math.abs(alpha) > MAX_DERIVED_ALPHA) {
          report(
            `layers[${i}].planes[${p}].alpha[${o}]`,
            alpha,
            `a magnitude of at most ${MAX_DERIVED_ALPHA}, so that its code fits ${ALPHA_BITS} bits when the integers are derived`,
            'scale the layer\'s alphas and its output scale down by the same factor, or give the integer block yourself',
          );
        }
      });
    });
  });
};

const checkIntegers: Rule = (doc, report) => {
  doc.layers.forEach((layer, i) => {
    const integer = layer.integer;
    if (integer === undefined) return;
    const at = `layers[${i}].integer`;
    if (integer.alphaQ.length !== layer.planes.length) {
      report(`${at}.alphaQ`, `${integer.alphaQ.length} planes`, `one list per plane (${layer.planes.length})`, 'regenerate the block with `flexor quantize`, or delete it to derive it on load');
    }
    integer.alphaQ.forEach((row, p) => {
      if (row.length !== layer.outFeatures) {
        report(`${at}.alphaQ[${p}]`, `${row.length} values`, `outFeatures = ${layer.outFeatures} values`, 'give one alpha code per output channel');
      }
    });
    if (integer.biasQ.length !== layer.outFeatures) {
      report(`${at}.biasQ`, `${integer.biasQ.length} values`, `outFeatures = ${layer.outFeatures} values`, 'give one bias code per output channel');
    }
    const requantized = layer.output !== 'accumulator';
    for (const key of ['multiplier', 'shift'] as const) {
      if (requantized && integer[key] === undefined) {
        report(`${at}.${key}`, undefined, `a ${key} because the layer requantizes its output`, 'regenerate the block with `flexor quantize`');
      }
      if (!requantized && integer[key] !== undefined) {
        report(`${at}.${key}`, integer[key], `no ${key}, because the layer outputs raw accumulators`, `remove "${key}"`);
      }
    }
  });
};

const checkHardware: Rule = (doc, report) => {
  doc.layers.forEach((layer, i) => {
    const pe = layer.hardware?.pe;
    const simd = layer.hardware?.simd;
    if (pe !== undefined && pe > layer.outFeatures) {
      report(`layers[${i}].hardware.pe`, pe, `at most outFeatures = ${layer.outFeatures}`, 'lower pe; extra processing elements would stay idle');
    }
    if (simd !== undefined && simd > layer.inFeatures) {
      report(`layers[${i}].hardware.simd`, simd, `at most inFeatures = ${layer.inFeatures}`, 'lower simd; extra lanes would stay idle');
    }
  });
};

/** The rule table, run in this order. */
const RULES: readonly Rule[] = [checkNames, checkDecoderShape, checkDecoderRowsNonEmpty, checkLayerChain, checkPlanes, checkAlphaRange, checkIntegers, checkHardware];

export function checkRules(doc: ConfigDocument): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report: Report = (path, value, expected, fix) => issues.push({ path, value, expected, fix });
  for (const rule of RULES) rule(doc, report);
  return issues;
}
