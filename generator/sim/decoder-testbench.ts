// The self-checking testbench for one or more decoder modules: each decoder reads its own
// stimulus and expected files, all run on one clock, and every output is compared with `!==`
// in every cycle. Several decoders share one testbench so that one Verilator build covers
// them all.

import { FlexorError } from '../errors.js';
import { fileHeader } from '../rtl/header.js';
import { renderVerilog } from '../rtl/render.js';
import { checksumStatements, checksumWords, CHECKSUM_OFFSET } from '../sim/checksum.js';
import type { XorMatrix } from '../config/model.js';
import type { VectorSet } from './decoder-vectors.js';
import { memoryDeclaration, memoryLoad, testbenchSchedule, vectorFileText, type TestbenchSchedule, type VectorMemory } from './testbench-kit.js';

export const DECODER_TESTBENCH = 'flexor_decoder_tb';

export interface DecoderUnderTest {
  name: string;
  matrix: XorMatrix;
  registered: boolean;
  vectors: VectorSet;
}

export interface DutExpectation {
  name: string;
  stimulusChecksum: number;
  outputChecksum: number;
  cycles: number;
}

export interface DecoderTestbench {
  text: string;
  /** Vector files by name, for the vector directory. */
  files: Map<string, string>;
  schedule: TestbenchSchedule;
  expectations: DutExpectation[];
}

interface DutView {
  title: string;
  declarations: string[];
  instance: string[];
  loads: string[];
  cycleStatements: string[];
  reports: string[];
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

function memories(dut: DecoderUnderTest): { stimulus: VectorMemory; expected: VectorMemory } {
  return {
    stimulus: { name: `${dut.name}_stim`, file: `${dut.name}.stim.hex`, width: dut.vectors.stimulusWidth, words: dut.vectors.stimulus },
    expected: { name: `${dut.name}_expect`, file: `${dut.name}.expect.hex`, width: dut.vectors.expectedWidth, words: dut.vectors.expected },
  };
}

function instanceLines(dut: DecoderUnderTest): string[] {
  const n = dut.name;
  const ports = dut.registered
    ? [`.clk_i   (clk)`, `.rst_ni  (rst_n)`, `.valid_i (${n}_valid)`, `.enc_i   (${n}_enc)`, `.valid_o (${n}_valid_o)`, `.dec_o   (${n}_dec)`]
    : [`.enc_i (${n}_enc)`, `.dec_o (${n}_dec)`];
  return [`${n} u_${n} (`, ...ports.map((port, i) => `  ${port}${i === ports.length - 1 ? '' : ','}`), ');'];
}

function declarationLines(dut: DecoderUnderTest, mem: ReturnType<typeof memories>): string[] {
  const n = dut.name;
  const { nIn, nOut } = dut.matrix;
  const lines = [
    `localparam integer COUNT_${n} = ${dut.vectors.stimulus.length};  // cycles with stimulus`,
    memoryDeclaration(mem.stimulus),
    memoryDeclaration(mem.expected),
    `reg  [${mem.stimulus.width - 1}:0] ${n}_applied = ${mem.stimulus.width}'d0;  // stimulus driven in the last cycle`,
    `reg  [${mem.expected.width - 1}:0] ${n}_got;`,
    `reg  [${nIn - 1}:0] ${n}_enc = ${nIn}'d0;`,
    `wire [${nOut - 1}:0] ${n}_dec;`,
    `reg  [31:0] ${n}_stim_sum = 32'h${hex32(CHECKSUM_OFFSET)};`,
    `reg  [31:0] ${n}_out_sum = 32'h${hex32(CHECKSUM_OFFSET)};`,
  ];
  if (dut.registered) lines.push(`reg  ${n}_valid = 1'b0;`, `wire ${n}_valid_o;`);
  return lines;
}

function cycleLines(dut: DecoderUnderTest, mem: ReturnType<typeof memories>): string[] {
  const n = dut.name;
  const got = dut.registered ? `{${n}_valid_o, ${n}_dec}` : `${n}_dec`;
  const drive = dut.registered ? `{${n}_valid, ${n}_enc} = ${n}_applied;` : `${n}_enc = ${n}_applied;`;
  return [
    `if (cycle <= COUNT_${n}) begin`,
    `  ${n}_got = ${got};`,
    ...checksumStatements(`${n}_out_sum`, `${n}_got`, mem.expected.width).map((line) => `  ${line}`),
    `  if (${n}_got !== ${mem.expected.name}[cycle]) begin`,
    `    $display("FLEXOR-MISMATCH dut=${n} cycle=%0d stimulus=%h expected=%h got=%h", cycle, ${n}_applied, ${mem.expected.name}[cycle], ${n}_got);`,
    `    $fatal(1, "${n}: output differs from the golden model in cycle %0d", cycle);`,
    '  end',
    'end',
    `if (cycle < COUNT_${n}) begin`,
    `  ${n}_applied = ${mem.stimulus.name}[cycle];`,
    `  ${drive}`,
    ...checksumStatements(`${n}_stim_sum`, `${n}_applied`, mem.stimulus.width).map((line) => `  ${line}`),
    'end',
  ];
}

function dutView(dut: DecoderUnderTest): DutView {
  const mem = memories(dut);
  const kind = dut.registered ? 'registered' : 'combinational';
  return {
    title: `${dut.name}: ${dut.matrix.nIn} -> ${dut.matrix.nOut}, ${kind}, ${dut.vectors.inputs} input vectors${dut.vectors.exhaustive ? ' (all of them)' : ' (seeded random)'}`,
    declarations: declarationLines(dut, mem),
    instance: instanceLines(dut),
    loads: [...memoryLoad(mem.stimulus), ...memoryLoad(mem.expected)],
    cycleStatements: cycleLines(dut, mem),
    reports: [`$display("FLEXOR-CHECKSUM dut=${dut.name} stimulus=%h outputs=%h", ${dut.name}_stim_sum, ${dut.name}_out_sum);`],
  };
}

/** Renders the testbench and its vector files for `duts`; pure. */
export function buildDecoderTestbench(duts: readonly DecoderUnderTest[], source: string): DecoderTestbench {
  const names = new Set<string>();
  for (const dut of duts) {
    if (dut.name === DECODER_TESTBENCH || names.has(dut.name)) {
      throw new FlexorError('USAGE', `decoder name ${dut.name} is used twice or clashes with the testbench ${DECODER_TESTBENCH}; rename the decoder`);
    }
    names.add(dut.name);
  }
  const schedule = testbenchSchedule(Math.max(...duts.map((dut) => dut.vectors.stimulus.length)));
  const view = {
    header: fileHeader({
      description: `Self-checking testbench of ${duts.length} XOR decoder(s); vectors come from the golden model.`,
      source,
      parameters: duts.map((dut) => [dut.name, `${dut.vectors.stimulus.length} cycles`] as [string, string]),
    }),
    module: DECODER_TESTBENCH,
    schedule,
    hasReset: duts.some((dut) => dut.registered),
    duts: duts.map(dutView),
  };
  const files = new Map<string, string>();
  const expectations: DutExpectation[] = [];
  for (const dut of duts) {
    const mem = memories(dut);
    files.set(mem.stimulus.file, vectorFileText(mem.stimulus));
    files.set(mem.expected.file, vectorFileText(mem.expected));
    expectations.push({
      name: dut.name,
      stimulusChecksum: checksumWords(dut.vectors.stimulus, mem.stimulus.width),
      outputChecksum: checksumWords(dut.vectors.expected, mem.expected.width),
      cycles: dut.vectors.stimulus.length,
    });
  }
  return { text: renderVerilog('decoder_tb', view, DECODER_TESTBENCH), files, schedule, expectations };
}
