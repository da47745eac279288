// Loading a model config: read, parse, check the format version, check the shape, check the
// rules, normalize. Every stage after reading is pure, so `validateConfigValue` serves both
// files and in-memory documents.

import path from 'node:path';
import { ConfigError } from '../errors.js';
import { logStage } from '../log.js';
import { configHash } from './hash.js';
import { FORMAT_NAME, FORMAT_VERSION } from './limits.js';
import type { NetworkSpec } from './model.js';
import { normalizeConfig } from './normalize.js';
import { parseConfigText, readConfigText } from './parse.js';
import { checkRules } from './rules.js';
import { configSchema, type ConfigDocument } from './schema.js';
import { issuesFromZod } from './zod-issues.js';

/** Rejects a document of another format or version before the schema floods the user with mismatches. */
function checkVersion(value: unknown, source: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(source, [{ path: '', value, expected: 'a JSON object', fix: 'start the file with { and give the fields of docs/config.md' }]);
  }
  const doc = value as Record<string, unknown>;
  if (doc.format === FORMAT_NAME && typeof doc.version === 'number' && doc.version !== FORMAT_VERSION) {
    throw new ConfigError(source, [
      {
        path: 'version',
        value: doc.version,
        expected: `format version ${FORMAT_VERSION}, the only version this flexor-rtl reads`,
        fix: doc.version > FORMAT_VERSION ? 'upgrade flexor-rtl, or export the model as version 1' : 'convert the config to version 1 (see docs/config.md)',
      },
    ]);
  }
}

/** Checks a parsed document against the schema and the rules; returns it typed or throws every issue. */
export function validateConfigValue(value: unknown, source: string): ConfigDocument {
  checkVersion(value, source);
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(source, issuesFromZod(parsed.error, value));
  const issues = checkRules(parsed.data);
  if (issues.length > 0) throw new ConfigError(source, issues);
  return parsed.data;
}

/** Config path for generated headers: relative to the working directory, never absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

export function loadConfigValue(value: unknown, source: string): NetworkSpec {
  const doc = validateConfigValue(value, source);
  return normalizeConfig(doc, source, configHash(doc));
}

export async function loadConfig(file: string): Promise<NetworkSpec> {
  const source = displayPath(file);
  const text = await readConfigText(file);
  const network = loadConfigValue(parseConfigText(text, source), source);
  logStage(`loaded and validated ${source}`);
  return network;
}
