// Fault injection: each test breaks one thing the regression must catch (a wrong XOR, a
// register without reset, an X output, a missing or short vector file, a wrong vector
// directory, vectors that differ from the ones the model wrote, a wrong cycle count) and
// checks that the run fails with a message that points at it.

import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStandaloneDecoder } from '../../generator/decoder/standalone.js';
import { FlexorError } from '../../generator/errors.js';
import { decryptWord } from '../../generator/golden/xor-matrix.js';
import { hexWord } from '../../generator/emit/hex.js';
import { prepareDecoderRegression, simulateRegression, type PreparedRegression, type RegressionModule } from '../../generator/sim/decoder-regression.js';
import type { Simulator } from '../../generator/sim/run.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'decoder fault injection');
const PAPER_ROWS = '1011,1100,1110,0011,0101,0111';
const SIMULATORS: Simulator[] = ['icarus', 'verilator'];

async function paperModule(registered: boolean): Promise<RegressionModule> {
  const name = registered ? 'paper_r' : 'paper';
  const rendered = await renderStandaloneDecoder({ name, matrix: PAPER_ROWS, registered, form: 'auto' });
  return { name, matrix: rendered.matrix, registered, text: rendered.text };
}

async function prepare(buildDir: string, registered: boolean, mutate?: (text: string) => string): Promise<PreparedRegression> {
  const module = await paperModule(registered);
  const text = mutate === undefined ? module.text : mutate(module.text);
  expect(text).not.toBe(mutate === undefined ? undefined : module.text);
  return prepareDecoderRegression({ modules: [{ ...module, text }], buildDir, seed: 1, randomVectors: 100, source: 'tests', verilatorSeeds: [1, 2] });
}

async function failure(promise: Promise<unknown>): Promise<FlexorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlexorError);
  return error as FlexorError;
}

describe.runIf(ready)('decoder regression faults', () => {
  const base = tempDir('faults');

  it.each(SIMULATORS)('reports the first wrong output on %s', async (simulator) => {
    // Row 2 loses its tap on input 2, so the first vector with bit 2 set (input 4) fails.
    const prepared = await prepare(path.join(await base, `wrong-${simulator}`), false, (text) => text.replace('assign dec_o[2] = enc_i[0] ^ enc_i[1] ^ enc_i[2];', 'assign dec_o[2] = enc_i[0] ^ enc_i[1];'));
    const error = await failure(simulateRegression(prepared, simulator));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toContain('in cycle 5, after stimulus vector 4');
    expect(error.message).toContain("input    enc_i = 4'h4");
    expect(error.message).toContain("expected dec_o = 6'h2d");
    expect(error.message).toContain("got      dec_o = 6'h29");
    expect(error.message).toContain('differing: bits 2');
  });

  it('catches a register without reset on icarus', async () => {
    const prepared = await prepare(path.join(await base, 'no-reset-icarus'), true, (text) => text.replace('      dec_q   <= {N_OUT{1\'b0}};\n', ''));
    const error = await failure(simulateRegression(prepared, 'icarus'));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toContain('right after reset');
    expect(error.message).toContain('X or Z bits');
  });

  it('catches a register without reset on verilator with random init', async () => {
    const prepared = await prepare(path.join(await base, 'no-reset-verilator'), true, (text) => text.replace('      dec_q   <= {N_OUT{1\'b0}};\n', ''));
    const error = await failure(simulateRegression(prepared, 'verilator'));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toMatch(/verilator \(seed \d\) right after reset/);
  });

  it('catches an X output with !==', async () => {
    const prepared = await prepare(path.join(await base, 'x-output'), true, (text) => text.replace('assign dec_o   = dec_q;', "assign dec_o   = {N_OUT{1'bx}};"));
    const error = await failure(simulateRegression(prepared, 'icarus'));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toContain('X or Z bits');
  });

  it('passes the registered decoder with random register init', async () => {
    const prepared = await prepare(path.join(await base, 'registered'), true);
    const outcomes = await simulateRegression(prepared, 'verilator');
    expect(outcomes.map((outcome) => outcome.seed)).toEqual([1, 2]);
    expect(outcomes[1]!.buildReused).toBe(true);
    expect(outcomes[0]!.edges).toBe(outcomes[1]!.edges);
  });

  it.each(SIMULATORS)('fails on a missing vector file on %s', async (simulator) => {
    const prepared = await prepare(path.join(await base, `missing-${simulator}`), false);
    await rm(path.join(prepared.vectorsDir, 'paper.expect.hex'));
    const error = await failure(simulateRegression(prepared, simulator));
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toContain('paper.expect.hex');
  });

  it('reads a file without final newline only on icarus', async () => {
    // Verilator 5.006 drops the last word of such a file; here that word is the sentinel.
    const prepared = await prepare(path.join(await base, 'no-newline'), false);
    const file = path.join(prepared.vectorsDir, 'paper.stim.hex');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, ''));
    await expect(simulateRegression(prepared, 'icarus')).resolves.toHaveLength(1);
    const error = await failure(simulateRegression(prepared, 'verilator'));
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toMatch(/paper\.stim\.hex|ended before/);
  });

  it.each(SIMULATORS)('fails on a relative vector directory on %s', async (simulator) => {
    // The simulation runs inside its build directory, where "vectors" does not exist.
    const prepared = await prepare(path.join(await base, `relative-${simulator}`), false);
    const error = await failure(simulateRegression(prepared, simulator, 'vectors'));
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toContain('paper.stim.hex');
  });

  it.each(SIMULATORS)('detects other stimulus than written on %s', async (simulator) => {
    // Vector 3 and its expected output are replaced consistently, so every compare passes
    // and only the stimulus checksum shows that the applied vectors are not the model's.
    const prepared = await prepare(path.join(await base, `checksum-${simulator}`), false);
    const stimFile = path.join(prepared.vectorsDir, 'paper.stim.hex');
    const expectFile = path.join(prepared.vectorsDir, 'paper.expect.hex');
    const stim = (await readFile(stimFile, 'utf8')).split('\n');
    const expected = (await readFile(expectFile, 'utf8')).split('\n');
    stim[3] = hexWord(15n, 4);
    expected[4] = hexWord(decryptWord(prepared.duts[0]!.matrix, 15n), 6);
    await writeFile(stimFile, stim.join('\n'));
    await writeFile(expectFile, expected.join('\n'));
    const error = await failure(simulateRegression(prepared, simulator));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toContain('applied other vectors than were written');
  });

  it.each(SIMULATORS)('fails when the edge count differs on %s', async (simulator) => {
    const prepared = await prepare(path.join(await base, `edges-${simulator}`), false);
    const benchFile = prepared.files[prepared.files.length - 1]!;
    const text = await readFile(benchFile, 'utf8');
    const edges = prepared.bench.schedule.expectedEdges;
    await writeFile(benchFile, text.replace(`EXPECTED_EDGES = ${edges};`, `EXPECTED_EDGES = ${edges + 1};`));
    const error = await failure(simulateRegression(prepared, simulator));
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toContain(`clock edge count ${edges} differs from the expected ${edges + 1}`);
  });
});
