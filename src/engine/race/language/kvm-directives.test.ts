/**
 * `kernel <release>` and `vma <pgprot> [allow-any-uncached]` stand for the
 * `guest-s2` value KVM installs: the race they describe is the race of
 * that value spelled out.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../explore/check.ts';
import { ScenarioError } from './errors.ts';
import { parseScenario } from './parser.ts';
import { printScenario } from './printer.ts';

const body = (stage2: string, fwb = 'off', platform = 'soc', reset = 'ctrl'): string =>
  `platform ${platform}\nfwb ${fwb}\nguest-s1 Normal-NC\n${stage2}\nguest store 0x0; store 0x8\nhost unmap-s2; reset ${reset}\n`;

function sameRace(withKvm: string, spelled: string): void {
  const a = checkScenario(withKvm);
  const b = checkScenario(spelled);
  expect(a.guestType).toBe(b.guestType);
  const counts = (r: typeof a.result) => ({ verdict: r.verdict, states: r.stats.states, transitions: r.stats.transitions, depth: r.stats.depth, trace: r.trace });
  expect(counts(a.result)).toEqual(counts(b.result));
}

function parseError(text: string): ScenarioError {
  try {
    parseScenario(text, 'test.race');
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('kernel and vma instead of guest-s2', () => {
  it('6.9, a vfio-pci BAR (vma noncached allow-any-uncached) races as guest-s2 Normal-NC', () =>
    sameRace(body('kernel 6.9\nvma noncached allow-any-uncached'), body('guest-s2 Normal-NC')));
  it('6.8, the same BAR races as guest-s2 Device-nGnRE (KVM ignored the flag)', () =>
    sameRace(body('kernel 6.8\nvma noncached allow-any-uncached'), body('guest-s2 Device-nGnRE')));
  it('7.1 on pcie without the flag races as guest-s2 Device-nGnRE', () =>
    sameRace(body('kernel 7.1\nvma pgprot_writecombine', 'off', 'pcie', 'flr'), body('guest-s2 Device-nGnRE', 'off', 'pcie', 'flr')));
  it('6.17 with FWB, a cacheable VMA races as guest-s2 0x6 read with FWB', () => {
    const kvm = body('kernel 6.17\nvma cacheable', 'on');
    const spelled = body('guest-s2 0x6', 'on');
    let spelledError: unknown;
    try {
      checkScenario(spelled);
    } catch (error) {
      spelledError = error;
    }
    if (spelledError) expect(() => checkScenario(kvm)).toThrow(ScenarioError);
    else sameRace(kvm, spelled);
  });
  it('printing keeps kernel and vma, and the printed text parses to the same scenario', () => {
    const scenario = parseScenario(body('kernel 6.12\nvma device allow-any-uncached'));
    expect(scenario.guestS2).toBe('0x5');
    const printed = printScenario(scenario);
    expect(printed).toContain('kernel 6.12\nvma device allow-any-uncached\n');
    expect(printed).not.toContain('guest-s2');
    expect(parseScenario(printed)).toEqual(scenario);
  });
});

describe('kernel and vma errors say what and where', () => {
  it('guest-s2 together with kernel and vma is refused at the kernel line', () => {
    const e = parseError(body('guest-s2 Normal-NC\nkernel 6.9\nvma noncached'));
    expect([e.line, e.message]).toEqual([5, expect.stringContaining("not both")]);
  });
  it('vma without kernel names the missing directive', () => expect(parseError(body('vma noncached')).message).toMatch(/'vma' without 'kernel'/));
  it('kernel without vma names the missing directive', () => expect(parseError(body('kernel 6.9')).message).toMatch(/'kernel' without 'vma'/));
  it('a release before 6.8 points at the release', () => {
    const e = parseError(body('kernel 6.1\nvma noncached'));
    expect([e.line, e.column, e.message]).toEqual([4, 8, expect.stringMatching(/older than 6\.8/)]);
  });
  it('an unknown protection points at it', () => {
    const e = parseError(body('kernel 6.9\nvma wc'));
    expect([e.line, e.column, e.message]).toEqual([5, 5, expect.stringMatching(/unknown protection 'wc'/)]);
  });
  it('a word other than allow-any-uncached after the protection is refused', () =>
    expect(parseError(body('kernel 6.9\nvma noncached uncached')).message).toMatch(/expected allow-any-uncached/));
  it('a mapping KVM refuses is an error at the vma line, with the reason', () => {
    const e = parseError(body('kernel 6.17\nvma cacheable'));
    expect([e.line, e.message]).toEqual([5, expect.stringMatching(/does not map this VMA: refused at the memslot \(-EINVAL\)/)]);
  });
  it('missing stage 2 altogether names both ways to give it', () =>
    expect(parseError(body('')).message).toMatch(/'guest-s2 <name or S2 MemAttr>', or 'kernel <release>' with 'vma <pgprot>'/));
});
