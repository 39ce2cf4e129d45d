import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineLink, COMBINE_DEFAULTS } from '../engine/links/combine-query.ts';
import { KVM_DEFAULTS, kvmLink } from '../engine/links/kvm-query.ts';
import { raceLink } from '../engine/links/race-query.ts';
import { parseScenario } from '../engine/race/language/parser.ts';
import { printScenario } from '../engine/race/language/printer.ts';
import { anyScenarioText } from '../engine/race/language/scenario-arbitrary.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { UsageError } from './io.ts';
import { linkCommand } from './link.ts';
import { combineCommand } from './combine.ts';
import { kvmCommand } from './kvm.ts';
import { raceCommand } from './race.ts';
import { currentScenarios } from './load-release.ts';
import { fakeIo } from './run-cli.ts';

const shipped = new Map(Object.entries(currentScenarios()));
const SITE = 'https://example.org';

async function link(...args: string[]): Promise<{ status: number; stdout: string }> {
  const io = fakeIo({});
  const status = await linkCommand(args, io);
  return { status, stdout: io.stdout };
}

async function refused(url: string): Promise<string> {
  try {
    await linkCommand([url], fakeIo({}));
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

/** What a command prints, for comparing `link`'s answer with it. */
async function command(run: typeof combineCommand, args: string[], files: Record<string, string> = {}, stdin = ''): Promise<string> {
  const io = fakeIo(files, stdin);
  await run(args, io);
  return io.stdout;
}

const withoutTime = (text: string): string => text.replace(/, [0-9.]+ ms /g, ', … ms ');

describe('cli link', () => {
  it('a shipped race scenario: the command that runs it, then what race prints', async () => {
    const url = raceLink(SITE, parseScenario(shipped.get('soc-nc-unmap-ctrl-2vcpu')!), shipped);
    const { status, stdout } = await link(url);
    const [head, rest] = [stdout.slice(0, stdout.indexOf('\n\n')), stdout.slice(stdout.indexOf('\n\n') + 2)];
    expect(head).toBe(`# race explorer, model version ${MODEL_VERSION}, its check ${/h=[0-9a-f]{8}/.exec(url)![0]} matches:\nnpm run -s cli -- race scenarios/soc-nc-unmap-ctrl-2vcpu.race`);
    const file = 'scenarios/soc-nc-unmap-ctrl-2vcpu.race';
    expect(withoutTime(rest)).toBe(withoutTime(await command(raceCommand, [file], { [file]: shipped.get('soc-nc-unmap-ctrl-2vcpu')! })));
    expect(status).toBe(0);
  });

  it('any scenario, kernel and vma included: the scenario text on standard input, as race - reads it', () => {
    return fc.assert(
      fc.asyncProperty(anyScenarioText(), async (text) => {
        const url = raceLink(SITE, parseScenario(text), shipped);
        const { stdout } = await link(url, '--json');
        const json = JSON.parse(stdout);
        expect(json.scenario).toBe(printScenario(parseScenario(text)));
        expect(json.playground).toBe('race');
        if (json.command.includes("<<'EOF'")) expect(json.command).toBe(`npm run -s cli -- race - <<'EOF'\n${json.scenario}EOF`);
      }),
      { numRuns: 40 },
    );
  });

  it('combining, KVM and MAIR links: the command, then what it prints', async () => {
    const state = { ...COMBINE_DEFAULTS, s1: 0x04, s2: 0x6, fwb: true, s1sh: 2 as const };
    const combine = await link(combineLink(SITE, state));
    expect(combine.stdout.split('\n\n')[0]).toBe(`# combining explorer, model version ${MODEL_VERSION}:\nnpm run -s cli -- combine --s1 0x04 --s2 0x6 --fwb --s1sh 2`);
    expect(combine.stdout.slice(combine.stdout.indexOf('\n\n') + 2)).toBe(await command(combineCommand, ['--s1', '0x04', '--s2', '0x6', '--fwb', '--s1sh', '2']));
    const input = { ...KVM_DEFAULTS, kernel: '6.8', exec: true };
    const kvm = await link(kvmLink(SITE, input));
    expect(kvm.stdout.slice(kvm.stdout.indexOf('\n\n') + 2)).toBe(await command(kvmCommand, ['--kernel', '6.8', '--vma', 'pfnmap', '--pgprot', 'noncached', '--allow-any-uncached', '--fwb', '--dic', '--exec']));
    const mair = await link(`${SITE}/play/mair/?v=${MODEL_VERSION}&mair=0xf0`);
    expect(mair.stdout).toContain('MAIR value: 0xf0 (one attribute byte)\n0xf0 is Normal-WB-Tagged');
    expect(mair.stdout).toContain('npm run -s cli -- mair 0xf0');
  });

  it('answers as the link\'s model version did: v=1 with version 1\'s engine and texts, --model implied', async () => {
    const v1 = await link(`${SITE}/play/race/?v=1&scenario=soc-nc-unmap-ctrl`);
    expect(v1.stdout).toMatch(/^# race explorer, model version 1:\nnpm run -s cli -- race - --model 1 <<'EOF'\n/);
    expect(v1.stdout).toContain('path-order=yes');
    expect(v1.stdout.trimEnd().split('\n').at(-1)).toMatch(/^https:\/\/example\.org\/play\/race\/\?v=1&scenario=soc-nc-unmap-ctrl&h=[0-9a-f]{8}$/);
    expect(await refused(`${SITE}/play/kvm/?v=1&kernel=6.9`)).toBe('link: model version 1 had no KVM engine, so it has no answer for this link');
    expect(await refused(`${SITE}/play/race/?v=1&scenario=soc-nc-unmap-ctrl&x=1`)).toBe("link: unknown parameter 'x'");
  });

  it('a bad link is one line saying what is wrong and where', async () => {
    const url = raceLink(SITE, parseScenario(shipped.get('soc-nc-unmap-ctrl')!.replace('store 0x8', 'store 0x10')), shipped);
    expect(await refused(url.replace('store+0x10', 'store+0x1'))).toMatch(/^link: the scenario it describes does not match its check h=[0-9a-f]{8}: /);
    expect(await refused(url.replace(/&h=.*$/, ''))).toMatch(/^link: the link has no check h= /);
    expect(await refused(`${SITE}/play/race/?scenario=nope`)).toBe("link: parameter 'scenario': no shipped scenario 'nope'");
    expect(await refused(`${SITE}/play/combine/?s1=0xzz`)).toMatch(/^link: parameter 's1': /);
    expect(await refused(`${SITE}/play/combine/?v=${MODEL_VERSION + 97}`)).toBe(`link: parameter 'v': model version ${MODEL_VERSION + 97} is newer than this site's (${MODEL_VERSION})`);
    expect(await refused(`${SITE}/guide/fwb/`)).toMatch(/^link: the path '\/guide\/fwb\/' is not a playground of the site/);
    for (const message of [await refused('https://[bad'), await refused(`${SITE}/play/race/?v=2&h=00000000`)]) expect(message.split('\n')).toHaveLength(1);
  });
});
