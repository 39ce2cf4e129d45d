import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../cli-io.ts';
import { raceCommand } from './cli-race.ts';

const dir = new URL('../../../scenarios/', import.meta.url);

function fakeIo(files: Record<string, string>, stdin = ''): CliIo & { stdout: string } {
  const io = {
    stdout: '',
    readStdin: async () => stdin,
    site: 'https://example.org',
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    out: (text: string) => {
      io.stdout += text;
    },
    err: () => {},
  };
  return io;
}

const scenario = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

describe('race command (CLI contract: verdict, states, trace, expected/matches)', () => {
  it('exits 0 for a checked scenario whatever its verdict, and prints 72-column text', async () => {
    for (const name of ['pcie-nc-unmap-flr.race', 'soc-nc-unmap-ctrl.race']) {
      const io = fakeIo({ [name]: scenario(name) });
      expect(await raceCommand([name], io)).toBe(0);
      expect(io.stdout.split('\n').every((line) => line.length <= 72 || line.startsWith('https://'))).toBe(true);
    }
    const io = fakeIo({ 'u.race': scenario('soc-nc-unmap-ctrl.race') });
    await raceCommand(['u.race'], io);
    expect(io.stdout).toContain('Verdict: UNSAFE (expected unsafe: matches)');
    // The counterexample as the plain-text chart draws it: step 1 in the guest's lane.
    expect(io.stdout).toMatch(/^ +1 +\*.*store 0x0 enters the write buffer$/m);
  });

  it('writes JSON with verdict, states, trace and expected/matches', async () => {
    const io = fakeIo({}, scenario('soc-nc-unmap-ctrl.race'));
    expect(await raceCommand(['-', '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout);
    expect(json).toMatchObject({ verdict: 'unsafe', expected: 'unsafe', matches: true, file: '<stdin>' });
    expect(json.states).toBeGreaterThan(0);
    expect(json.trace[0]).toMatchObject({ actor: 'guest', event: 'store 0x0 enters the write buffer' });
  });

  it('exits 1 when the verdict differs from expect', async () => {
    const io = fakeIo({ 'm.race': scenario('soc-nc-unmap-ctrl.race').replace('expect unsafe', 'expect safe') });
    expect(await raceCommand(['m.race', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ expected: 'safe', matches: false });
  });

  it('turns bad input into one UsageError line with file:line:column, printing nothing', async () => {
    const io = fakeIo({ 'bad.race': 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nhost reset flr\n' });
    await expect(raceCommand(['bad.race'], io)).rejects.toThrow(new UsageError("bad.race:4:12: 'reset flr' needs platform pcie; expected reset ctrl or reset reg on soc"));
    await expect(raceCommand(['missing.race'], io)).rejects.toThrow(/missing\.race: cannot read the scenario \(ENOENT\)/);
    await expect(raceCommand([], io)).rejects.toThrow(UsageError);
    await expect(raceCommand(['a', 'b'], io)).rejects.toThrow(UsageError);
    await expect(raceCommand(['a', '--fast'], io)).rejects.toThrow(/unknown option '--fast'/);
    await expect(raceCommand(['a', '--budget', 'x'], io)).rejects.toThrow(/--budget/);
    expect(io.stdout).toBe('');
  });

  it('reports incomplete, with exit 1 against an expect line, when the budget runs out', async () => {
    const io = fakeIo({ 'g.race': scenario('pcie-gathering-nc.race') });
    expect(await raceCommand(['g.race', '--budget', '10', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout)).toMatchObject({ verdict: 'incomplete', stopped: 'budget', states: 10, writes: null });
  });
});
