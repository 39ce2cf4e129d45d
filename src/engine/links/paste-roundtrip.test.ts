/**
 * The text is the state: a race report of any scenario, sent through what
 * mail clients do (quoting one to three levels, re-wrapping at every width
 * from 60 to 78, CRLF, non-breaking spaces) and pasted back with or
 * without its link, restores exactly the scenario it came from, or refuses
 * naming the line that cannot be trusted. Never another scenario. The
 * combining and KVM reports, which hold no free text, always restore.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { combine } from '../attrs/combine.ts';
import { kvmDecide } from '../kvm/decide.ts';
import { BACKINGS, PGPROTS } from '../kvm/inputs.ts';
import { KERNEL_CHOICES } from '../kvm/releases.ts';
import { checkScenario } from '../race/explore/check.ts';
import { parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import { anyScenarioText } from '../race/language/scenario-arbitrary.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from './combine-query.ts';
import { combineReport } from './combine-report.ts';
import { combineKvmLink, KVM_DEFAULTS, KVM_PARAMS, kvmModeOf } from './kvm-query.ts';
import { combineKvmReport, guestAccessThroughKvm, kvmReport } from './kvm-report.ts';
import { mailClient, throughMail, withoutLink, type MailClient } from './mail-clients.ts';
import { readPasted } from './paste-state.ts';
import { readQuery } from './query.ts';
import { checkRaceHash, raceLink, readRaceQuery } from './race-query.ts';
import { raceReport } from './race-report.ts';

const SITE = 'https://example.org/kvm-device-memory';
const WIDTHS = Array.from({ length: 19 }, (_, i) => 60 + i);

/** The scenario a restored query opens, canonically printed, or why it does not open. */
function reopened(search: string): string {
  const read = checkRaceHash(search, readRaceQuery(search, SHIPPED), (text) => printScenario(parseScenario(text)));
  if (read.problems.length > 0 || read.text === undefined) return `refused: ${read.problems.join('; ')}`;
  return printScenario(parseScenario(read.text));
}

/** A title whose spacing or `>` marks a mail client may change beyond recovery: the one thing a text may lose. */
const fragile = (title: string | undefined): boolean => title !== undefined && /\s{2}|\u00a0|(^|\s)>/.test(title);

function report(text: string): string {
  return raceReport(checkScenario(text, { file: '<stdin>', budget: 300 }), SITE, SHIPPED);
}

describe('a race report through mail clients', () => {
  it('every line fits 70 columns, but a link or a word longer than a line', () => {
    fc.assert(
      fc.property(anyScenarioText(), (text) => {
        for (const line of report(text).trimEnd().split('\n')) {
          if (line.length > 70) expect(line.trim().split(/ +/).some((word) => word.length > 40)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('restores the exact scenario, with or without its link, or refuses naming the line (500 scenarios, widths 60-78)', () => {
    let refusals = 0;
    let fragilePastes = 0;
    fc.assert(
      fc.property(anyScenarioText(), fc.array(mailClient, { minLength: WIDTHS.length, maxLength: WIDTHS.length }), (text, clients: MailClient[]) => {
        const scenario = parseScenario(text);
        const expected = printScenario(scenario);
        const sent = report(text);
        WIDTHS.forEach((width, i) => {
          for (const withLink of [true, false]) {
            const pasted = readPasted(throughMail(withLink ? sent : withoutLink(sent), clients[i]!, width), 'race', SHIPPED);
            const where = `${withLink ? 'with' : 'without'} the link, ${JSON.stringify(clients[i])} at ${width}`;
            if (!withLink && fragile(scenario.title)) fragilePastes += 1;
            if ('search' in pasted) {
              expect(reopened(pasted.search), where).toBe(expected);
              expect(pasted.from, where).toBe(withLink ? 'link' : 'text');
            } else {
              refusals += 1;
              expect(withLink, `${where}: ${pasted.problem}`).toBe(false);
              expect(fragile(scenario.title), `${where}: ${pasted.problem}`).toBe(true);
              expect(pasted.problem).toMatch(/line 'title /);
            }
          }
        });
      }),
      { numRuns: 500 },
    );
    // Even a fragile title survives the clients that leave its line alone.
    expect(refusals).toBeLessThan(fragilePastes);
  }, 120_000);

  it('every link the site or the CLI writes passes its own check, kernel and vma directives included', () => {
    fc.assert(
      fc.property(anyScenarioText(), (text) => {
        const link = raceLink(SITE, parseScenario(text), SHIPPED);
        expect(reopened(new URL(link).search)).toBe(printScenario(parseScenario(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('says which it used: the link when it passes its check, the text when the link is lost or damaged', () => {
    const text = SHIPPED.get('soc-nc-unmap-ctrl-2vcpu')!;
    const sent = report(text);
    const hash = /h=([0-9a-f]{8})/.exec(sent)![1];
    expect(readPasted(sent, 'race', SHIPPED)).toMatchObject({ from: 'link', message: `Restored from the link; check h=${hash} matches.` });
    expect(readPasted(withoutLink(sent), 'race', SHIPPED)).toMatchObject({ from: 'text', message: `Restored from the text; no link found; the scenario matches its check h=${hash}.` });
    // A link cut short by a mail client: the text stands in for it, whether the cut left another scenario's name or a damaged one.
    for (const cut of [sent.replace('-2vcpu&h=', '&x='), sent.replace(/ctrl-2vcpu&h=.*$/m, '')]) {
      expect(readPasted(cut.replace('&x=', '').replace(/&x=.*$/m, ''), 'race', SHIPPED)).toMatchObject({ from: 'text', message: expect.stringMatching(/^Restored from the text: the link (names another scenario|has no check)/) });
    }
    const damaged = sent.replace(/&h=([0-9a-f]{7})([0-9a-f])/, (_, head: string, last: string) => `&h=${head}${last === '0' ? '1' : '0'}`);
    expect(readPasted(damaged, 'race', SHIPPED)).toMatchObject({ from: 'text', message: expect.stringMatching(/^Restored from the text: the link fails its check h=/) });
    // A link to another scenario pasted under this text: the link wins and the text is named as different.
    const other = sent.replace(/https:\S+/, raceLink(SITE, parseScenario(SHIPPED.get('soc-nc-unmap-ctrl')!), SHIPPED));
    expect(readPasted(other, 'race', SHIPPED)).toMatchObject({ from: 'link', message: expect.stringMatching(/The text describes another scenario \(h=[0-9a-f]{8}\), so it was not used\.$/) });
  });

  it('each of the ten shipped multi-vCPU scenarios comes back from its text alone, vCPUs and verdict included', () => {
    const multi = [...SHIPPED].filter(([, text]) => parseScenario(text).guest1 !== undefined);
    expect(multi).toHaveLength(10);
    for (const [name, text] of multi) {
      const sent = raceReport(checkScenario(text, { file: `scenarios/${name}.race` }), SITE, SHIPPED);
      const pasted = readPasted(throughMail(withoutLink(sent), { levels: ['> '], rewrap: 'reflow-then-quote', crlf: false, nbsp: 'none' }, 60), 'race', SHIPPED);
      expect(pasted, name).toMatchObject({ from: 'text', search: expect.stringContaining(`scenario=${name}&`) });
    }
  });

  it('a title that reads like a report line is only ever a title', () => {
    const text = 'title knobs: early-ack=no platform pcie guest store 0x8\nplatform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0\nhost unmap-s2; reset ctrl\n';
    const pasted = readPasted(withoutLink(report(text)), 'race', SHIPPED);
    expect('search' in pasted && reopened(pasted.search)).toBe(printScenario(parseScenario(text)));
  });

  it('names what is missing or broken', () => {
    const sent = withoutLink(report(SHIPPED.get('soc-nc-unmap-ctrl')!));
    expect(readPasted(sent.replace(/# End of the scenario.*\n/, ''), 'race', SHIPPED)).toEqual({
      problem: "No link in the pasted text, and its scenario cannot be restored exactly: its last line ('# End of the scenario, h=…') is missing: the text was cut.",
    });
    expect(readPasted(sent.replace('reset ctrl', 'reset frob'), 'race', SHIPPED)).toMatchObject({ problem: expect.stringContaining("its line 'host unmap-s2; reset frob' does not read") });
    expect(readPasted(sent.replace('store 0x8', 'store 0x10'), 'race', SHIPPED)).toMatchObject({ problem: expect.stringContaining('does not match its check') });
    expect(readPasted('> Looks good to me.', 'race', SHIPPED)).toMatchObject({ problem: expect.stringMatching(/^No link in the pasted text, and no scenario in it/) });
  });
});

describe('combining and KVM reports through mail clients', () => {
  const sh = fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3);
  const combineState = fc.record({ s1: fc.integer({ min: 0, max: 255 }), s2: fc.integer({ min: 0, max: 15 }), fwb: fc.boolean(), cd: fc.boolean(), s1sh: sh, s2sh: sh });
  const kvmInput = fc.record({
    kernel: fc.constantFrom(...KERNEL_CHOICES),
    backing: fc.constantFrom(...BACKINGS),
    pgprot: fc.constantFrom(...PGPROTS),
    allowAnyUncached: fc.boolean(),
    fwb: fc.boolean(),
    dic: fc.boolean(),
    exec: fc.boolean(),
  });
  const client = fc.tuple(mailClient, fc.integer({ min: 60, max: 78 }));
  /** At most 70 columns, but the link. */
  const fits = (report: string): void => {
    for (const line of report.trimEnd().split('\n')) if (!line.startsWith('http')) expect(line.length, line).toBeLessThanOrEqual(70);
  };
  const restoredQuery = (pasted: ReturnType<typeof readPasted>): URLSearchParams => {
    if (!('search' in pasted)) throw new Error(pasted.problem);
    return new URLSearchParams(pasted.search);
  };

  it('a combining report fits 70 columns and restores its exact state from the text alone', () => {
    fc.assert(
      fc.property(combineState, client, (state, [mail, width]) => {
        const report = combineReport(combine(state), SITE);
        fits(report);
        const pasted = readPasted(throughMail(withoutLink(report), mail, width), 'combine', SHIPPED);
        expect(pasted).toMatchObject({ from: 'text' });
        expect({ ...COMBINE_DEFAULTS, ...readQuery(COMBINE_PARAMS, `?${restoredQuery(pasted)}`).values }).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('a KVM report fits 70 columns and restores its exact inputs from the text alone', () => {
    fc.assert(
      fc.property(kvmInput, client, (input, [mail, width]) => {
        const report = kvmReport(kvmDecide(input), SITE);
        fits(report);
        const pasted = readPasted(throughMail(withoutLink(report), mail, width), 'kvm', SHIPPED);
        expect({ ...KVM_DEFAULTS, ...readQuery(KVM_PARAMS, `?${restoredQuery(pasted)}`).values }).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it("the combining explorer's 'from KVM' text restores the mode, KVM's inputs and the guest's side, refused or not", () => {
    fc.assert(
      fc.property(combineState, kvmInput, client, (state, input, [mail, width]) => {
        const combining = { ...state, fwb: input.fwb };
        const mode = kvmModeOf(input, true);
        const access = guestAccessThroughKvm(combining, mode, kvmDecide, combine);
        const text = combineKvmReport(access.decision, access.combined, SITE, combining, mode);
        fits(text);
        const query = restoredQuery(readPasted(throughMail(withoutLink(text), mail, width), 'combine', SHIPPED));
        // The link the explorer writes for this state, and the one the text restores, are the same query.
        expect(query.toString()).toBe(new URL(combineKvmLink(SITE, combining, mode)).searchParams.toString());
      }),
      { numRuns: 300 },
    );
  });
});
