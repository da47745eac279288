// The `flexor` command: one subcommand per action, each registered from its own file.
// Results go to stdout, diagnostics to stderr; errors map to the exit codes of docs/cli.md.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../paths.js';
import { FlexorError } from '../errors.js';
import { enableStageLog } from '../log.js';
import { registerCommands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('flexor')
    .description('Turns trained FleXOR networks into verified, synthesizable Verilog.')
    .version(packageVersion(), '-V, --version', 'print the flexor-rtl version')
    .configureOutput({ outputError: (text, write) => write(`flexor: error [USAGE]: ${text.replace(/^error: /, '')}`) })
    .option('--verbose', 'print per-stage timing and tool commands on stderr', false)
    .showHelpAfterError('(add --help for usage)')
    .enablePositionalOptions()
    .exitOverride()
    .hook('preAction', (command) => {
      if (command.opts<{ verbose: boolean }>().verbose) enableStageLog();
    });
  registerCommands(program);
  return program;
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version requests end with code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof FlexorError) {
    process.stderr.write(`flexor: error [${error.code}]: ${error.message}\n`);
    return error.exitCode;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`flexor: internal error, please report it with the command you ran:\n${text}\n`);
  return 70;
}
