import { describe, expect, it } from 'vitest';
import { UsageError } from './io.ts';
import { checkScenario } from '../engine/race/explore/check.ts';
import { parseScenario } from '../engine/race/language/parser.ts';
import { toPromela } from '../engine/race/promela/index.ts';
import { raceReport } from '../engine/links/race-report.ts';
import { SHIPPED } from '../shipped-scenarios.ts';
import { raceCommand } from './race.ts';
import { fakeIo, runCli } from './run-cli.ts';

const scenario = (file: string): string => SHIPPED.get(file.replace(/\.race$/, '')) ?? '';

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
    await expect(raceCommand(['bad.race'], io)).rejects.toThrow(new UsageError("bad.race:4:12: 'reset flr' needs platform pcie; expected reset ctrl, reset reg or reset acpi on soc"));
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

describe('the race command as scripts call it (race - --json)', () => {
  const soc = (host: string, top = 'fwb off\nguest-s1 Normal-NC\nguest-s2 Normal-NC'): string =>
    `platform soc\n${top}\nguest store 0x0; store 0x8\nhost ${host}\n`;
  const pcie = (host: string, option = ''): string =>
    `platform pcie\nfwb off\nguest-s1 Normal-NC\nguest-s2 Normal-NC\n${option}guest store 0x0; store 0x8\nhost ${host}\n`;
  const json = (text: string) => runCli(['race', '-', '--json'], text);

  it('exit 0 with verdict, states, trace of {actor, event}, expected and matches', async () => {
    const run = await json(`${soc('unmap-s2; reset ctrl')}expect unsafe\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ verdict: 'unsafe', expected: 'unsafe', matches: true });
    expect(result.states).toBeGreaterThan(0);
    expect(result.trace.length).toBeGreaterThan(0);
    for (const step of result.trace) expect(Object.keys(step)).toEqual(expect.arrayContaining(['actor', 'event']));
    expect(result.trace.at(-1)).toMatchObject({ actor: 'device', event: expect.stringMatching(/after reset/) });
  });

  it('exit 1 when the verdict differs from expect; exit 0 and no expected without expect', async () => {
    const mismatch = await json(`${pcie('unmap-s2; read 0x0; reset flr', 'option write-order=no config-order=no\n')}expect unsafe\n`);
    expect(mismatch.status).toBe(1);
    expect(JSON.parse(mismatch.stdout)).toMatchObject({ verdict: 'safe', expected: 'unsafe', matches: false, trace: [] });
    const plain = await json(pcie('unmap-s2; reset flr'));
    expect(plain.status).toBe(0);
    const result = JSON.parse(plain.stdout);
    expect(result.verdict).toBe('safe');
    expect(result).not.toHaveProperty('expected');
  });

  it('exit 2, one line on stderr and nothing on stdout, for bad input (a reserved encoding)', async () => {
    const run = await json(soc('unmap-s2; reset ctrl', 'fwb on\nguest-s1 Normal-NC\nguest-s2 0x8'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/<stdin>:4:10: .*MemAttr 0x8/);
    const flr = await json(soc('unmap-s2; reset flr'));
    expect(flr.status).toBe(2);
    expect(flr.stdout).toBe('');
    expect(flr.stderr).toMatch(/<stdin>:6:22: 'reset flr' needs platform pcie/);
  });

  it('prints raceReport, up to the time measured', async () => {
    const text = scenario('soc-nc-unmap-ctrl');
    for (const [file, source] of [['scenarios/soc-nc-unmap-ctrl.race', text], ['-', text + 'option early-ack=no\n']] as const) {
      const io = fakeIo({ [file]: source }, source);
      await raceCommand([file], io);
      const report = raceReport(checkScenario(source, { file: file === '-' ? '<stdin>' : file }), 'https://example.org', SHIPPED);
      const timeless = (t: string): string => t.replace(/\d+\.\d ms/, 'T ms').replace(/\s+/g, ' ');
      expect(timeless(io.stdout)).toBe(timeless(report));
      expect(io.stdout.split('\nExplored')[0]).toBe(report.split('\nExplored')[0]);
    }
  });
});

describe('race --promela', () => {
  const SOC_NC = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0; store 0x8\nhost unmap-s2; reset ctrl\n';

  it('prints the model and exits 0, whatever the verdict and the expect line', async () => {
    const io = fakeIo({ 'u.race': `${SOC_NC}expect safe\n` });
    expect(await raceCommand(['u.race', '--promela'], io)).toBe(0);
    expect(io.stdout).toBe(toPromela(parseScenario(`${SOC_NC}expect safe\n`)));
    expect(io.stdout).toMatch(/^active proctype host\(\)/m);
    expect(io.stdout).toContain('assert(!reset)');
  });

  it('a scenario that does not parse gets the same one-line error as race, and nothing on stdout', async () => {
    const io = fakeIo({ 'bad.race': 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nhost reset flr\n' });
    const plain = await raceCommand(['bad.race'], io).catch((error: unknown) => error);
    const promela = await raceCommand(['bad.race', '--promela'], io).catch((error: unknown) => error);
    expect(promela).toBeInstanceOf(UsageError);
    expect((promela as Error).message).toBe((plain as Error).message);
    expect((promela as Error).message).toMatch(/^bad\.race:4:12: /);
    expect(io.stdout).toBe('');
  });
});

describe('race --explain and --fix', () => {
  const run = async (file: string, ...args: string[]) => {
    const io = fakeIo({ [file]: scenario(file) });
    return { status: await raceCommand([file, ...args], io), stdout: io.stdout };
  };

  it('--explain --json adds each variant (program, index, op or knob, value; verdict; depth when unsafe; error when refused) and the sentences', async () => {
    const { stdout, status } = await run('soc-nc-unmap-read-ctrl.race', '--explain', '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.verdict).toBe('safe');
    expect(json.explain.ops).toEqual([
      { program: 'host', index: 0, op: 'unmap-s2', verdict: 'unsafe', depth: 8 },
      { program: 'host', index: 1, op: 'read 0x0', verdict: 'unsafe', depth: 8 },
    ]);
    expect(json.explain.knobs.map((k: { knob: string }) => k.knob)).toEqual(['guest-stops', 'same-pe', 'early-ack', 'write-order', 'np-pushes', 'ne-honoured', 'config-order', 'unmap-cleans']);
    expect(json.explain.knobs[4]).toEqual({ knob: 'np-pushes', value: false, verdict: 'unsafe', depth: 10 });
    expect(json.explain.knobs[6]).toEqual({ knob: 'config-order', value: false, verdict: 'refused', error: expect.stringMatching(/no effect on soc/) });
    expect(json.why.headline).toMatch(/^SAFE because `unmap-s2` \(host op 1\)/);
    expect(json.why.findings[1]).toBe('Without `read 0x0` (host op 2) a guest write can reach the device after the reset: 8-step counterexample.');
    expect(json).not.toHaveProperty('fix');
  });

  it('--fix --json gives every smallest fix, sorted; --max-ops sets the size searched', async () => {
    const { stdout, status } = await run('soc-nc-unmap-ctrl.race', '--fix', '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.fix).toEqual({ size: 1, fixes: ['unmap-s2; read 0x0; reset ctrl', 'unmap-s2; read 0x8; reset ctrl'], maxOps: 2, variantsChecked: 9 });
    expect(json).not.toHaveProperty('explain');
    const none = await run('soc-nc-unmap-read-ctrl-unordered-path.race', '--fix', '--max-ops', '1', '--json');
    expect(JSON.parse(none.stdout).fix).toMatchObject({ size: null, fixes: [], maxOps: 1 });
    const safe = await run('soc-nc-unmap-read-ctrl.race', '--fix', '--json');
    expect(JSON.parse(safe.stdout).fix).toEqual({ size: 0, fixes: [], maxOps: 2, variantsChecked: 0 });
  });

  it('prints the sentences, the variants and the fixes in lines of at most 70 columns, before the link', async () => {
    for (const file of ['soc-nc-unmap-ctrl.race', 'soc-nc-unmap-read-ctrl-unordered-path.race', 'pcie-wb-fwb-late-eviction.race']) {
      const { stdout, status } = await run(file, '--explain', '--fix');
      expect(status).toBe(0);
      const added = stdout.slice(stdout.indexOf('\nWhy ('), stdout.indexOf('\nLink (model version'));
      expect(added.split('\n').filter((line) => line.length > 70)).toEqual([]);
      expect(added).toMatch(/^Variants \(\* changes the verdict\):$/m);
      expect(added).toMatch(/^Smallest fix /m);
    }
    const { stdout } = await run('soc-nc-unmap-read-ctrl-unordered-path.race', '--fix');
    expect(stdout.replace(/\s+/g, ' ')).toContain('No fix of up to 2 host ops makes it SAFE (87 host programs checked). On this path no host op can help');
  });

  it('refuses bad --max-ops, --max-ops without --fix, --promela with either, and an archived model version', async () => {
    const io = fakeIo({ 'u.race': scenario('soc-nc-unmap-ctrl') });
    for (const bad of ['0', '4', 'x', '1.5']) {
      await expect(raceCommand(['u.race', '--fix', '--max-ops', bad], io)).rejects.toThrow(new UsageError(`race: --max-ops needs a whole number from 1 to 3 (got '${bad}')`));
    }
    await expect(raceCommand(['u.race', '--fix', '--max-ops'], io)).rejects.toThrow(/--max-ops needs a whole number from 1 to 3$/);
    await expect(raceCommand(['u.race', '--max-ops', '2'], io)).rejects.toThrow(/--max-ops N goes with --fix/);
    await expect(raceCommand(['u.race', '--promela', '--explain'], io)).rejects.toThrow(/--promela/);
    await expect(raceCommand(['u.race', '--explain'], { ...io, model: 1 })).rejects.toThrow(/model version 1 has no --explain or --fix/);
    expect(io.stdout).toBe('');
  });

  it('exits 2 with one line on stderr for --max-ops 4, as scripts call it', async () => {
    const cli = await runCli(['race', '-', '--fix', '--max-ops', '4', '--json'], scenario('soc-nc-unmap-ctrl'));
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('keeps the exit status of the check: 1 when the verdict differs from expect', async () => {
    const io = fakeIo({ 'm.race': scenario('soc-nc-unmap-ctrl.race').replace('expect unsafe', 'expect safe') });
    expect(await raceCommand(['m.race', '--explain', '--fix', '--json'], io)).toBe(1);
  });
});
