// The `flexor` command: one subcommand per action, each registered from its own file.
// Results go to stdout, diagnostics to stderr; errors map to the exit codes of docs/cli.md.

import { Command, CommanderError } from 'commander';
import { FlexorError } from '../errors.js';
import { enableStageLog } from '../log.js';
import { registerCommands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('flexor')
    .description('Turns trained FleXOR networks into verified, synthesizable Verilog.')
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
