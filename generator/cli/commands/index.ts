// The subcommands of `flexor`, in the order `flexor --help` lists them.

import type { Command } from 'commander';
import { registerSchema } from './schema.js';
import { registerTrain } from './train.js';
import { registerValidate } from './validate.js';

export function registerCommands(program: Command): void {
  registerValidate(program);
  registerSchema(program);
  registerTrain(program);
}
