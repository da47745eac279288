// Faults a network bench must catch. Memory files may be missing, short or read from the
// wrong directory, an output may carry X, and state may depend on power-up values.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FlexorError } from '../../../generator/errors.js';
import { runNetworkBench, writeNetworkBench, type PreparedBench } from '../../../generator/sim/network/bench.js';
import { randomInputs } from '../../../generator/sim/network/vectors.js';
import { runSimulation, type Simulator } from '../../../generator/sim/run.js';
import { ALL_SIM_TOOLS, tempDir, toolsReady } from '../../helpers/tools.js';
import { loadRtlCase } from '../../helpers/rtl-cases.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'network bench checks');
const base = loadRtlCase('dense-37x13');
const SIMULATORS: Simulator[] = ['icarus', 'verilator'];

/** Writes a fresh single-network bench into its own directory. */
async function freshBench(label: string): Promise<PreparedBench> {
  const dir = path.join(await tempDir(`bench-${label}`), 'bench');
  return writeNetworkBench(dir, [{ network: base.network, inputs: randomInputs(base.network, 4, 3), stalls: { inputGap: 0.2, outputGap: 0.2, seed: 2, length: 31 } }]);
}

async function failure(promise: Promise<unknown>): Promise<FlexorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the run passed').toBeInstanceOf(FlexorError);
  return error as FlexorError;
}

describe.runIf(ready).each(SIMULATORS)('network bench on %s', (simulator) => {
  it('passes when nothing is wrong', async () => {
    const bench = await freshBench(`ok-${simulator}`);
    const run = await runNetworkBench(bench, simulator, { timeoutMs: 300_000 });
    expect(run.results.get(base.network.name)!.outputs).toBe(4 * 13);
  });

  it('stops on a missing memory file', async () => {
    const bench = await freshBench(`missing-${simulator}`);
    rmSync(path.join(bench.dir, 'mem', 'fc_p0_l2.hex'));
    const error = await failure(runNetworkBench(bench, simulator, { timeoutMs: 300_000 }));
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toMatch(/mem\/fc_p0_l2\.hex not found; set MEM_DIR/);
  });

  it('stops on a short memory file', async () => {
    const bench = await freshBench(`short-${simulator}`);
    const file = path.join(bench.dir, 'mem', 'fc_scale.hex');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, `${lines.slice(0, -2).join('\n')}\n`);
    const error = await failure(runNetworkBench(bench, simulator, { timeoutMs: 300_000 }));
    expect(error.message).toMatch(/fc_scale\.hex has 12 words, expected 13/);
  });

  it('stops when run from the parent directory', async () => {
    const bench = await freshBench(`parent-${simulator}`);
    const error = await failure(
      runSimulation({ simulator, sources: bench.sources, top: bench.top, buildDir: path.join(bench.dir, 'build-parent'), cwd: path.dirname(bench.dir), timeoutMs: 300_000 }),
    );
    expect(error.code).toBe('TOOL_FAILED');
    expect(error.message).toMatch(/not found; set (MEM_DIR|VEC_DIR)/);
  });

  it('stops on a changed weight bit', async () => {
    const bench = await freshBench(`weight-${simulator}`);
    const file = path.join(bench.dir, 'mem', 'fc_p0_l1.hex');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = (Number.parseInt(lines[1]!, 16) ^ 0x10).toString(16).padStart(lines[1]!.length, '0');
    writeFileSync(file, lines.join('\n'));
    const error = await failure(runNetworkBench(bench, simulator, { timeoutMs: 300_000 }));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toMatch(/vector \d+ output \d+: expected [0-9a-f]+, got [0-9a-f]+/);
  });
});

describe.runIf(ready)('memory file endings', () => {
  it('stops Verilator when the last line has no newline', async () => {
    const bench = await freshBench('newline');
    const file = path.join(bench.dir, 'mem', 'fc_scale.hex');
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    const error = await failure(runNetworkBench(bench, 'verilator', { timeoutMs: 300_000 }));
    expect(error.message).toMatch(/last word of mem\/fc_scale\.hex did not load; end the file with a newline/);
  });
});

describe.runIf(ready)('unknown values', () => {
  it('fails Icarus when an output carries X', async () => {
    const bench = await freshBench('x-output');
    const file = bench.sources.find((source) => source.endsWith(`${base.network.name}_argmax.v`))!;
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/data_q(\s+)<= s_axis_tdata;/, "data_q$1<= s_axis_tdata ^ {W{1'bx}};");
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const error = await failure(runNetworkBench(bench, 'icarus', { timeoutMs: 300_000 }));
    expect(error.code).toBe('SIM_MISMATCH');
    expect(error.message).toMatch(/got x+/);
  });

  it('gives the same results from random power-up state', async () => {
    const bench = await freshBench('rand-reset');
    const outputs: string[] = [];
    for (const seed of [1, 2]) {
      const result = await runSimulation({
        simulator: 'verilator',
        sources: bench.sources,
        top: bench.top,
        buildDir: path.join(bench.dir, 'build', 'rand'),
        cwd: bench.dir,
        timeoutMs: 300_000,
        reuseBuild: true,
        plusargs: ['+verilator+rand+reset+2', `+verilator+seed+${seed}`],
      });
      expect(result.stdout).toContain('PASS');
      outputs.push(result.stdout.split('\n').filter((line) => line.startsWith('RESULT')).join('\n'));
    }
    expect(outputs[1]).toBe(outputs[0]);
  });
});

describe('generated testbenches', () => {
  it('draw nothing from $random', async () => {
    const bench = await freshBench('random');
    for (const source of bench.sources) expect(readFileSync(source, 'utf8'), source).not.toMatch(/\$(random|urandom)/);
  });
});
