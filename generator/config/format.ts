// Pretty-printing of config documents: two-space indentation, with arrays of numbers,
// strings or booleans on one line so that a layer's alphas do not take a line each.

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function format(value: unknown, indent: string): string {
  if (isPrimitive(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${format(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** Serializes a config document; the text ends with a newline. */
export function formatConfig(doc: unknown): string {
  return `${format(doc, '')}\n`;
}
