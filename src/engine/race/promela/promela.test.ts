import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from '../../cli-io.ts';
import { raceCommand } from '../cli-race.ts';
import { parseScenario } from '../parser.ts';
import { promelaFileName, stateRelation, toPromela } from './index.ts';

const dir = new URL('../../../../scenarios/', import.meta.url);
const shipped = readdirSync(dir).filter((name) => name.endsWith('.race')).sort();
const text = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const modelPage = new URL('../../../content/docs/reference/race-model.mdx', import.meta.url);

function fakeIo(files: Record<string, string>): CliIo & { stdout: string } {
  const io = {
    stdout: '',
    readStdin: async () => '',
    site: 'https://example.org',
    readFile: async (path: string) => {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return content;
    },
    out: (out: string) => {
      io.stdout += out;
    },
    err: () => {},
  };
  return io;
}

const SOC_NC = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0; store 0x8\nhost unmap-s2; reset ctrl\n';

describe('Promela export', () => {
  it('race --promela prints the model and exits 0, whatever the verdict and the expect line', async () => {
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

  it('quotes the scenario in the header, and no text of it can close the comment', () => {
    const model = toPromela(parseScenario(`title a */ b\n${SOC_NC}`));
    expect(model).toContain(' *     host unmap-s2; reset ctrl');
    expect(model.indexOf('*/')).toBeGreaterThan(model.indexOf('host unmap-s2; reset ctrl'));
    expect(model).toContain('title a * / b');
  });

  it('drops store names with the reductions and keeps them (one bit per store) without', () => {
    const scenario = parseScenario(SOC_NC);
    expect(toPromela(scenario)).toContain('append_buf0(STORE, 0, 0, 0, 0)');
    const full = toPromela(scenario, { reduction: false });
    expect(full).toContain('append_buf0(STORE, 0, 0, 0, 1)');
    expect(full).toContain('append_buf0(STORE, 0, 0, 0, 2)');
    expect(full).toContain('equals the states `race --no-reduction` reports');
  });

  it('keeps buffered Normal-NC stores in canonical order, but not Device-nGnRE ones, which drain in program order', () => {
    expect(toPromela(parseScenario(SOC_NC))).toContain('sort_buf0()');
    expect(toPromela(parseScenario(SOC_NC.replace('guest-s1 Normal-NC', 'guest-s1 Device-nGnRE')))).not.toContain('; sort_buf0()');
  });

  it('states equal counts for every shipped scenario without reduction', () => {
    for (const name of shipped) expect(stateRelation(parseScenario(text(name), name), { reduction: false }), name).toBe('equal');
  });

  it.skipIf(!existsSync(modelPage))('cites only rule IDs that the race model page defines', () => {
    const page = readFileSync(modelPage, 'utf8');
    const defined = new Set([...page.matchAll(/`(M-[a-z0-9-]+)`/g)].map((m) => m[1]));
    for (const name of shipped) {
      const cited = new Set([...toPromela(parseScenario(text(name), name)).matchAll(/\bM-[a-z0-9]+(?:-[a-z0-9]+)*/g)].map((m) => m[0]));
      for (const id of cited) expect(defined, `${name} cites ${id}`).toContain(id);
    }
  });

  it('names the file after the shipped scenario, else the title, else scenario.pml', () => {
    const scenario = parseScenario(`title PCIe, Normal-NC: FLR (no unmap)!\n${SOC_NC}`);
    expect(promelaFileName(scenario, 'soc-nc-unmap-ctrl.race')).toBe('soc-nc-unmap-ctrl.pml');
    expect(promelaFileName(scenario, 'scenarios/soc-nc-unmap-ctrl.race')).toBe('soc-nc-unmap-ctrl.pml');
    expect(promelaFileName(scenario)).toBe('pcie-normal-nc-flr-no-unmap.pml');
    expect(promelaFileName(parseScenario(SOC_NC))).toBe('scenario.pml');
    expect(promelaFileName(parseScenario(`title ***\n${SOC_NC}`))).toBe('scenario.pml');
  });
});
