import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { combine } from '../attrs/combine.ts';
import { checkScenario } from '../race/explore/check.ts';
import { parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import { combineReport } from './combine-report.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from './combine-query.ts';
import { readPasted } from './paste-state.ts';
import { readQuery } from './query.ts';
import { checkRaceHash, readRaceQuery } from './race-query.ts';
import { raceReport } from './race-report.ts';
import { wrap } from '../format/wrap.ts';
import { kvmDecide } from '../kvm/decide.ts';
import { KVM_DEFAULTS, KVM_PARAMS } from './kvm-query.ts';
import { kvmReport } from './kvm-report.ts';

const shipped = SHIPPED;

/** What mail clients do to a text: quote it once or twice, re-wrap it to 60 columns, put the link in <...>, cut the link. */
const quote = (text: string, marker = '> '): string => text.split('\n').map((l) => marker + l).join('\n');
const rewrap = (text: string, width = 60): string => text.split('\n\n').map((p) => wrap(p.replace(/\n/g, ' '), '', '', width).join('\n')).join('\n\n');
const angle = (text: string): string => text.replace(/(https?:\/\/\S+)/, '<$1>');
const breakLink = (text: string): string => text.replace(/(https?:\/\/\S{30})(\S+)/, '$1\n$2');
const dropLink = (text: string): string => text.replace(/https?:\/\/\S+/, '');
const mangled: [string, (t: string) => string][] = [
  ['as copied', (t) => t],
  ['quoted', (t) => quote(t)],
  ['quoted twice', (t) => quote(quote(t), '>')],
  ['re-wrapped and quoted', (t) => quote(rewrap(t))],
  ['with the link in <...>', (t) => quote(angle(t))],
  ['with the link in <...> broken over two lines', (t) => quote(breakLink(angle(t)), '>> ')],
  ['with the link broken over two lines', (t) => breakLink(t)],
];

describe('paste from email: combining explorer', () => {
  const input = { ...COMBINE_DEFAULTS, s1: 0x04, s2: 0xd, fwb: true, s1sh: 2 as const, cd: true };
  const report = combineReport(combine(input), 'https://example.org/kvm-device-memory');

  it.each(mangled)('restores the state from the link of a report %s', (_, mangle) => {
    const pasted = readPasted(mangle(report), 'combine', shipped);
    expect(pasted).toMatchObject({ from: 'link' });
    if (!('search' in pasted)) return;
    expect({ ...COMBINE_DEFAULTS, ...readQuery(COMBINE_PARAMS, pasted.search).values }).toEqual(input);
  });

  it.each(mangled)('restores the state from the text when the link is gone, %s', (_, mangle) => {
    const pasted = readPasted(mangle(dropLink(report)), 'combine', shipped);
    expect(pasted).toMatchObject({ from: 'text' });
    if (!('search' in pasted)) return;
    expect({ ...COMBINE_DEFAULTS, ...readQuery(COMBINE_PARAMS, pasted.search).values }).toEqual(input);
  });

  it('names what is missing from a text it cannot read', () => {
    expect(readPasted('> Looks fine to me.', 'combine', shipped)).toEqual({ problem: "No link in the pasted text, and it lacks a 'Stage 1: 0xNN ...' line with the MAIR byte." });
    expect(readPasted('', 'combine', shipped)).toMatchObject({ problem: expect.stringMatching(/^Nothing was pasted/) });
  });

  it('says where a link for another playground belongs', () => {
    const race = raceReport(checkScenario(shipped.get('soc-nc-unmap-ctrl')!), 'https://example.org', shipped);
    expect(readPasted(race, 'combine', shipped)).toEqual({ problem: 'The pasted link is for the race explorer, not the combining explorer: open it there.' });
  });
});

describe('paste from email: race explorer', () => {
  const restoredText = (search: string): string | undefined =>
    checkRaceHash(search, readRaceQuery(search, shipped), (t) => printScenario(parseScenario(t))).text;

  for (const name of ['soc-nc-unmap-ctrl', 'pcie-nc-unmap-flr']) {
    const report = raceReport(checkScenario(shipped.get(name)!, { file: `scenarios/${name}.race` }), 'https://example.org', shipped);
    it.each(mangled)(`restores ${name} from the link %s`, (_, mangle) => {
      const pasted = readPasted(mangle(report), 'race', shipped);
      expect(pasted).toMatchObject({ from: 'link' });
      if ('search' in pasted) expect(restoredText(pasted.search)).toBe(shipped.get(name));
    });
    it.each(mangled)(`restores ${name} from the text when the link is gone, %s`, (_, mangle) => {
      const pasted = readPasted(mangle(dropLink(report)), 'race', shipped);
      expect(pasted).toMatchObject({ from: 'text', search: expect.stringContaining(`scenario=${name}`) });
    });
  }

  it('an edited scenario comes back from its text, knobs and ops included', () => {
    const text = shipped.get('soc-nc-unmap-ctrl')!.replace('host unmap-s2; reset ctrl', 'host unmap-s2; dsb; reset ctrl') + 'option early-ack=no\n';
    const report = raceReport(checkScenario(text, { file: '<stdin>' }), 'https://example.org', shipped);
    const pasted = readPasted(quote(rewrap(dropLink(report))), 'race', shipped);
    expect(pasted).toMatchObject({ from: 'text' });
    if ('search' in pasted) expect(restoredText(pasted.search)).toBe(printScenario(parseScenario(text)));
  });

  it("a model version 1 report, which had no scenario block, comes back by its lines for that version's parser", () => {
    const v1 = [
      'Scenario: a title with knobs: early-ack=no in it',
      'file:       scenarios/soc-nc-unmap-ctrl.race',
      'platform:   soc',
      'guest type: Normal-NC (guest-s1 Normal-NC, guest-s2 Normal-NC, fwb off)',
      'knobs:      guest-stops=no same-pe=no early-ack=yes path-order=no',
      '            ne-honoured=yes config-order=yes',
      'guest:      store 0x0; store 0x8',
      'host:       unmap-s2; reset ctrl',
      '',
      'Verdict: UNSAFE (expected unsafe: matches)',
      'Link (model version 1):',
    ].join('\n');
    expect(readPasted(quote(v1), 'race', shipped)).toEqual({
      search:
        '?v=1&title=a+title+with+knobs%3A+early-ack%3Dno+in+it&platform=soc&fwb=off&guest-s1=Normal-NC&guest-s2=Normal-NC'.replace('guest-s1', 's1').replace('guest-s2', 's2') +
        '&guest-stops=no&same-pe=no&early-ack=yes&path-order=no&ne-honoured=yes&config-order=yes&guest=store+0x0;store+0x8&host=unmap-s2;reset+ctrl&expect=unsafe',
      from: 'text',
      message: 'Restored from the text; no link found. (a model version 1 report)',
    });
  });

  it('names the missing line of a report it cannot read', () => {
    expect(readPasted('Scenario: x\nplatform:   soc\nLink (model version 1):', 'race', shipped)).toEqual({
      problem: "No link in the pasted text, and this model version 1 report lacks the 'host:' line of the race report.",
    });
  });
});

describe('paste from email: MAIR decoder', () => {
  it('takes the byte from a decoder link, a combining link or a combining report', () => {
    expect(readPasted('> see https://example.org/play/mair/?v=2&mair=0x04', 'mair', shipped)).toEqual({ search: '?v=2&mair=0x04', from: 'link', message: 'Restored from the link.' });
    const report = combineReport(combine({ ...COMBINE_DEFAULTS, s1: 0xff }), 'https://example.org');
    expect(readPasted(quote(report), 'mair', shipped)).toMatchObject({ search: expect.stringContaining('mair=0xff'), from: 'link' });
    expect(readPasted(quote(dropLink(report)), 'mair', shipped)).toMatchObject({ search: expect.stringContaining('mair=0xff'), from: 'text' });
    expect(readPasted('nothing here', 'mair', shipped)).toMatchObject({ problem: expect.stringMatching(/^No MAIR byte/) });
  });
});

describe('paste from email: What KVM maps', () => {
  const input = { kernel: '6.9', backing: 'pfnmap' as const, pgprot: 'writecombine' as const, allowAnyUncached: true, fwb: false, dic: true, exec: true };
  const report = kvmReport(kvmDecide(input), 'https://example.org');

  it.each(mangled)('restores the inputs from the link, or from the text when the link is gone, %s', (_, mangle) => {
    for (const [text, from] of [[report, 'link'], [dropLink(report), 'text']] as const) {
      const pasted = readPasted(mangle(text), 'kvm', shipped);
      expect(pasted).toMatchObject({ from });
      if ('search' in pasted) expect({ ...KVM_DEFAULTS, ...readQuery(KVM_PARAMS, pasted.search).values }).toEqual(input);
    }
  });

  it('names what is missing', () => {
    expect(readPasted('> Kernel: 6.9 (behaves as 6.9-6.16)', 'kvm', shipped)).toMatchObject({ problem: expect.stringContaining("'Memslot:'") });
  });
});
