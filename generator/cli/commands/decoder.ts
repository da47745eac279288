import { Command, Option } from 'commander';
import { decoderSummaryLines } from '../../decoder/summary.js';
import { renderStandaloneDecoder, writeStandaloneDecoder } from '../../decoder/standalone.js';
import { displayPath } from '../../config/load.js';
import { MAX_TAPS_FORM_TAPS } from '../../rtl/decoder-form.js';

export interface DecoderCommandOptions {
  matrix?: string;
  matrixFile?: string;
  name: string;
  out: string;
  registered: boolean;
  form: 'auto' | 'taps' | 'masks';
}

/** Options shared by `flexor decoder` and `flexor sim decoder`. */
export function addMatrixOptions(command: Command): Command {
  return command
    .option('--matrix <rows>', 'XOR matrix as comma-separated 0/1 rows, one per output bit, column 0 first (1011 taps inputs 0, 2 and 3)')
    .option('--matrix-file <file>', 'file with one 0/1 row per line (commas also separate rows; # starts a comment)')
    .option('--registered', 'register dec_o, with clk_i, rst_ni (synchronous, active low) and valid_i/valid_o', false)
    .addOption(
      new Option('--form <form>', `how rows are written: taps (one assign naming the taps), masks (masked reductions), or auto (masks when a row has more than ${MAX_TAPS_FORM_TAPS} taps)`)
        .choices(['auto', 'taps', 'masks'])
        .default('auto'),
    );
}

export function registerDecoder(program: Command): void {
  addMatrixOptions(
    program
      .command('decoder')
      .description('write a standalone XOR decoder module DIR/NAME.v from a matrix')
      .requiredOption('--name <name>', 'module and file name (a Verilog identifier)')
      .requiredOption('-o, --out <dir>', 'output directory; replaced as a whole, never left half-written'),
  ).action(async (options: DecoderCommandOptions) => {
    const decoder = await renderStandaloneDecoder(options);
    for (const warning of decoder.warnings) process.stderr.write(`flexor: warning: ${warning}\n`);
    const file = await writeStandaloneDecoder(decoder, options.out, options.matrixFile !== undefined ? [options.matrixFile] : []);
    const lines = [`wrote ${displayPath(file)}`, ...decoderSummaryLines(decoder.name, decoder.matrix, decoder.stats, decoder.form)];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
