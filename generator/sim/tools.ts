// Finding the external tools on PATH. A missing tool is reported with the command that
// installs it.

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { FlexorError } from '../errors.js';

export type ToolName = 'iverilog' | 'vvp' | 'verilator' | 'yosys';

/** Debian package that provides each tool. */
const PACKAGES: Record<ToolName | 'ccache', string> = {
  iverilog: 'iverilog',
  vvp: 'iverilog',
  verilator: 'verilator',
  yosys: 'yosys',
  ccache: 'ccache',
};

const found = new Map<string, string | undefined>();

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the path of `name` on PATH, or undefined when it is not installed. */
export async function findTool(name: ToolName | 'ccache'): Promise<string | undefined> {
  if (found.has(name)) return found.get(name);
  let result: string | undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) {
      result = candidate;
      break;
    }
  }
  found.set(name, result);
  return result;
}

/** Returns the path of `name`, or throws TOOL_MISSING with the command that installs it. */
export async function requireTool(name: ToolName): Promise<string> {
  const file = await findTool(name);
  if (file === undefined) {
    throw new FlexorError(
      'TOOL_MISSING',
      `${name} not found on PATH. Install it with \`bash scripts/setup.sh\` or \`apt-get install ${PACKAGES[name]}\` (Debian package ${PACKAGES[name]}).`,
    );
  }
  return file;
}
