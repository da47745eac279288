// The subcommands of `flexor`, in the order `flexor --help` lists them.

import type { Command } from 'commander';
import { registerDecoder } from './decoder.js';
import { registerGen } from './gen.js';
import { registerInfer } from './infer.js';
import { registerQuantize } from './quantize.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerSim } from './sim.js';
import { registerSynth } from './synth.js';
import { registerTrain } from './train.js';
import { registerValidate } from './validate.js';

export function registerCommands(program: Command): void {
  registerRun(program);
  registerValidate(program);
  registerGen(program);
  registerSim(program);
  registerSynth(program);
  registerTrain(program);
  registerDecoder(program);
  registerQuantize(program);
  registerInfer(program);
  registerSchema(program);
}
