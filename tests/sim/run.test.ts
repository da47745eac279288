import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlexorError } from '../../generator/errors.js';
import { runSimulation, type Simulator } from '../../generator/sim/run.js';
import { ALL_SIM_TOOLS, FIXTURES, tempDir, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady(ALL_SIM_TOOLS, 'runSimulation tests');
const probe = path.join(FIXTURES, 'sim', 'sim_probe.v');

async function expectFlexorError(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<FlexorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FlexorError);
  expect((error as FlexorError).code).toBe(code);
  expect((error as FlexorError).message).toMatch(pattern);
  return error as FlexorError;
}

describe.runIf(ready).each<Simulator>(['icarus', 'verilator'])('runSimulation on %s', (simulator) => {
  const base = tempDir(`run-${simulator}`);
  const probeRun = async (plusargs: string[], timeoutMs = 120_000) =>
    runSimulation({
      simulator,
      sources: [probe],
      top: 'sim_probe',
      buildDir: path.join(await base, 'probe'),
      timeoutMs,
      parameters: { LABEL: 'two words/and a path', COUNT: 2 },
      plusargs,
      reuseBuild: true,
    });

  it('passes string and integer parameters', async () => {
    const lines: string[] = [];
    const result = await runSimulation({
      simulator,
      sources: [probe],
      top: 'sim_probe',
      buildDir: path.join(await base, 'probe'),
      timeoutMs: 120_000,
      parameters: { LABEL: 'two words/and a path', COUNT: 2 },
      reuseBuild: true,
      onLine: (line) => lines.push(line),
    });
    expect(result.stdout).toContain('label=two words/and a path count=2\n');
    expect(result.stdout).toContain('tick 1 at 20\n');
    expect(lines).toContain('tick 0 at 10');
    expect(readFileSync(result.log, 'utf8')).toContain('tick 1 at 20');
  });

  it('reuses an identical build', async () => {
    const result = await probeRun([]);
    expect(result.buildReused).toBe(true);
    expect(result.stdout).toContain('count=2');
  });

  it('reports $fatal as a tool failure', async () => {
    const error = await expectFlexorError(probeRun(['+mode=fail']), 'TOOL_FAILED', /failing on request/);
    expect(error.message).toMatch(/command: .*(vvp|Vsim)/);
    expect(error.message).toContain(path.join(await base, 'probe', `${simulator}.log`));
  });

  it('stops a hung simulation at the deadline', async () => {
    await probeRun([]);
    await expectFlexorError(probeRun(['+mode=hang'], 1500), 'TOOL_TIMEOUT', /timed out/);
  });

  it('fails on compiler warnings', async () => {
    await expectFlexorError(
      runSimulation({ simulator, sources: [path.join(FIXTURES, 'sim', 'sim_warning.v')], top: 'sim_warning', buildDir: path.join(await base, 'warning'), timeoutMs: 120_000 }),
      'LINT_FAILED',
      /warning/i,
    );
  });

  it('fails when a memory file is missing', async () => {
    const dir = await base;
    await expectFlexorError(
      runSimulation({
        simulator,
        sources: [path.join(FIXTURES, 'sim', 'memory_probe.v')],
        top: 'memory_probe',
        buildDir: path.join(dir, 'missing'),
        timeoutMs: 120_000,
        parameters: { FILE: path.join(dir, 'no-such-file.hex') },
      }),
      'TOOL_FAILED',
      /could not read a file/,
    );
  });

  it('rejects quotes in string parameters', async () => {
    const buildDir = path.join(await base, 'quoted');
    await expectFlexorError(
      runSimulation({ simulator, sources: [probe], top: 'sim_probe', buildDir, timeoutMs: 1000, parameters: { LABEL: 'say "hi"' } }),
      'USAGE',
      /contains a quote/,
    );
    expect(existsSync(buildDir)).toBe(false);
  });
});
