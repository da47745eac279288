// Reading the report lines a generated testbench prints (docs/testbench.md lists them):
// FLEXOR-MISMATCH, FLEXOR-VECTORS, FLEXOR-CHECKSUM and FLEXOR-DONE.

export interface MismatchLine {
  dut: string;
  cycle: number;
  /** Hex digits as the simulator printed them; may contain x or z. */
  stimulus: string;
  expected: string;
  got: string;
}

export interface TestbenchOutput {
  mismatch?: MismatchLine;
  /** Vector file whose sentinel word was wrong. */
  vectorProblem?: { file: string; word: number; found: string; expected: string };
  checksums: Map<string, { stimulus: number; outputs: number }>;
  done?: { edges: number; time: number };
}

export function parseTestbenchOutput(text: string): TestbenchOutput {
  const output: TestbenchOutput = { checksums: new Map() };
  for (const line of text.split('\n')) {
    let match = /FLEXOR-MISMATCH dut=(\S+) cycle=(\d+) stimulus=(\S+) expected=(\S+) got=(\S+)/.exec(line);
    if (match !== null && output.mismatch === undefined) {
      output.mismatch = { dut: match[1]!, cycle: Number(match[2]), stimulus: match[3]!, expected: match[4]!, got: match[5]! };
      continue;
    }
    match = /FLEXOR-VECTORS file=(\S+) word=(\d+) found=(\S+) expected=(\S+)/.exec(line);
    if (match !== null && output.vectorProblem === undefined) {
      output.vectorProblem = { file: match[1]!, word: Number(match[2]), found: match[3]!, expected: match[4]! };
      continue;
    }
    match = /FLEXOR-CHECKSUM dut=(\S+) stimulus=([0-9a-fA-Fxz]+) outputs=([0-9a-fA-Fxz]+)/.exec(line);
    if (match !== null) {
      output.checksums.set(match[1]!, { stimulus: Number.parseInt(match[2]!, 16), outputs: Number.parseInt(match[3]!, 16) });
      continue;
    }
    match = /FLEXOR-DONE edges=(\d+) time=(\d+)/.exec(line);
    if (match !== null) output.done = { edges: Number(match[1]), time: Number(match[2]) };
  }
  return output;
}
