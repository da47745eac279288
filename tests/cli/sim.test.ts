import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flexor, ROOT } from '../helpers/cli.js';
import { ALL_SIM_TOOLS, FIXTURES, toolsReady } from '../helpers/tools.js';

const ready = await toolsReady([...ALL_SIM_TOOLS, 'yosys'], 'flexor sim command');

describe.runIf(ready)('flexor sim', () => {
  it('passes a registered decoder on both simulators', async () => {
    const result = await flexor(['sim', 'decoder', '--matrix', '1011,1100,1110,0011,0101,0111', '--name', 'paper', '--registered']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('decoder paper: 4 -> 6, registered, all 16 inputs, 19 cycles\n');
    expect(result.stdout).toMatch(/^icarus: pass, 22 clock edges until 220 ns/m);
    expect(result.stdout).toMatch(/^verilator \(random register init, seed 1\): pass, 22 clock edges until 220 ns/m);
    expect(result.stdout).toMatch(/^verilator \(random register init, seed 2\): pass, 22 clock edges until 220 ns, build reused/m);
    expect(result.stdout).toContain('PASS: every output matched the golden model on every simulator\n');
  });

  it('simulates every decoder of a config', async () => {
    const result = await flexor(['sim', 'decoders', path.relative(ROOT, path.join(FIXTURES, 'configs', 'two-decoders.json')), '--simulator', 'icarus', '--vectors', '500', '--synth', 'elaborate']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('decoder xor20x20: 20 -> 20, combinational, 500 seeded random inputs, 500 cycles\n');
    expect(result.stdout).toContain('decoder xor6x4: 4 -> 6, combinational, all 16 inputs, 16 cycles\n');
    expect(result.stdout).not.toContain('verilator');
  });

  it('rejects a bad vector count with exit code 2', async () => {
    const result = await flexor(['sim', 'decoder', '--vectors', '0', '--matrix', '10']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('expected a positive integer, found "0"');
  });
});
