// Running the built `flexor` command as a user would: node bin/flexor.js with arguments.

import path from 'node:path';
import { execa } from 'execa';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function flexor(args: string[], cwd: string = ROOT): Promise<CliResult> {
  const result = await execa('node', [path.join(ROOT, 'bin', 'flexor.js'), ...args], { cwd, reject: false, stripFinalNewline: false, env: { NO_COLOR: '1' } });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
