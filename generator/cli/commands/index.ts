// The subcommands of `flexor`, in the order `flexor --help` lists them.

import type { Command } from 'commander';
import { registerDecoder } from './decoder.js';
import { registerGen } from './gen.js';
import { registerSim } from './sim.js';
import { registerSchema } from './schema.js';
import { registerValidate } from './validate.js';

export function registerCommands(program: Command): void {
  registerValidate(program);
  registerGen(program);
  registerDecoder(program);
  registerSim(program);
  registerSchema(program);
}
