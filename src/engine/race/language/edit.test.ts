import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editFromControl, editScenarioText } from './edit.ts';
import { parseScenario } from './parser.ts';
import { printScenario } from './printer.ts';
import { multiVcpuScenario, scenario as anyScenario } from './scenario-arbitrary.ts';
import { SHIPPED } from '../../../shipped-scenarios.ts';
import type { Scenario } from '../types.ts';

const TEXT = `# Claim: the comment block explains the scenario.
# It must survive every form change.
title PCIe, Normal-NC: stage-2 unmap, then FLR
platform pcie
fwb off   # no FWB here
guest-s1 Normal-NC
guest-s2 Normal-NC

option early-ack=yes same-pe=no  # two knobs on one line
guest store 0x0;
  store 0x8
host unmap-s2; reset flr
expect safe
`;

/** `text` edited so that it reads as `change` applied to what it reads as now. */
function edit(text: string, change: Partial<Scenario>): string {
  const before = parseScenario(text);
  return editScenarioText(text, before, { ...before, ...change });
}

describe('editing a scenario text in place', () => {
  it('rewrites only the line of the directive that changed', () => {
    const edited = edit(TEXT, { guestS1: 'Device-nGnRE' });
    expect(edited).toBe(TEXT.replace('guest-s1 Normal-NC', 'guest-s1 Device-nGnRE'));
  });

  it('keeps a comment on the line it rewrites', () => {
    expect(edit(TEXT, { fwb: true })).toContain('\nfwb on   # no FWB here\n');
  });

  it('edits one knob word where it stands, removes it, or adds a line after the other options', () => {
    expect(edit(TEXT, { options: { 'early-ack': false, 'same-pe': false } })).toContain('\noption early-ack=no same-pe=no  # two knobs on one line\n');
    expect(edit(TEXT, { options: { 'same-pe': false } })).toContain('\noption same-pe=no  # two knobs on one line\n');
    const none = edit(TEXT, { options: {} });
    expect(none).not.toMatch(/^option/m);
    expect(none).toContain('\n# two knobs on one line\nguest store 0x0;');
    const added = edit(TEXT, { options: { 'early-ack': true, 'same-pe': false, 'unmap-cleans': false } });
    expect(added).toContain('same-pe=no  # two knobs on one line\noption unmap-cleans=no\nguest store');
  });

  it('splits a path-order word when one of its two knobs changes', () => {
    const text = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\noption path-order=no\nguest store 0x0\nhost unmap-s2; reset ctrl\n';
    expect(edit(text, { options: { 'write-order': true, 'np-pushes': false } })).toContain('\noption write-order=yes np-pushes=no\n');
  });

  it('rewrites a program written over several lines as one, and adds a vCPU after the last one', () => {
    const edited = edit(TEXT, { guest: [{ op: 'dsb' }] });
    expect(edited).toContain('\nguest dsb\nhost unmap-s2; reset flr\n');
    const two = edit(TEXT, { guest1: [{ op: 'store', offset: 0x40 }] });
    expect(two).toContain('\n  store 0x8\nguest1 store 0x40\nhost ');
  });

  it('replaces kernel and vma with guest-s2 where they stood', () => {
    const text = 'platform pcie\nguest-s1 Normal-NC\nkernel 6.9\nvma noncached allow-any-uncached\n# the host\nguest store 0x0\nhost unmap-s2; reset flr\n';
    const before = parseScenario(text);
    const { kvm: _, ...rest } = before;
    expect(editScenarioText(text, before, { ...rest, guestS2: 'Device-nGnRE' })).toBe(
      'platform pcie\nguest-s1 Normal-NC\nguest-s2 Device-nGnRE\n# the host\nguest store 0x0\nhost unmap-s2; reset flr\n',
    );
  });

  it('still edits a text whose reset method the platform lacks (a control just switched it)', () => {
    const text = TEXT.replace('platform pcie', 'platform soc');
    const before: Scenario = { ...parseScenario(TEXT), platform: 'soc' };
    const edited = editScenarioText(text, before, { ...before, host: [{ op: 'unmap-s2' }, { op: 'reset', method: 'ctrl' }] });
    expect(edited).toContain('\nhost unmap-s2; reset ctrl\n');
    expect(parseScenario(edited).platform).toBe('soc');
  });

  it('reads as the changed scenario, for random scenarios and random changes, comments kept', () => {
    const change = fc.tuple(anyScenario(), multiVcpuScenario()).chain(([a, b]) =>
      fc.record({ before: fc.constant(a), fields: fc.subarray(['platform', 'fwb', 'guestS1', 'guestS2', 'options', 'guest', 'guest1', 'host'] as const), other: fc.constant(b) }),
    );
    fc.assert(
      fc.property(change, ({ before, fields, other }) => {
        const after: Record<string, unknown> = { ...before };
        for (const field of fields) after[field] = other[field];
        // vCPUs are numbered without gaps: guest1 needs guest, and guest2.. follow guest1.
        if (after['guest1'] === undefined) for (const k of ['guest2', 'guest3']) delete after[k];
        else for (const k of ['guest2', 'guest3'] as const) after[k] = before.guest1 === undefined ? other[k] : before[k];
        for (const k of ['guest1', 'guest2', 'guest3']) if (after[k] === undefined) delete after[k];
        const wanted = after as unknown as Scenario;
        let text: string;
        try {
          text = `# a comment\n${printScenario(before)}# the end\n`;
          parseScenario(printScenario(wanted));
        } catch {
          return; // a combination the language refuses (a reset method of the other platform): nothing to edit to
        }
        const edited = editScenarioText(text, before, wanted);
        expect(parseScenario(edited)).toEqual(parseScenario(printScenario(wanted)));
        expect(edited.startsWith('# a comment\n')).toBe(true);
        expect(edited).toContain('# the end');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a form control changing the text', () => {
  const shipped = SHIPPED.get('pcie-nc-unmap-flr') ?? '';

  it('keeps the comment block, marks the title as edited once and turns expect into a comment', () => {
    const before = parseScenario(shipped);
    const first = editFromControl(shipped, before, { ...before, options: { 'early-ack': false } });
    expect(first.text.split('\n').filter((line) => line.startsWith('#')).slice(0, 9)).toEqual(shipped.split('\n').slice(0, 9));
    expect(first.text).toMatch(/^title PCIe, Normal-NC: stage-2 unmap, then FLR \(edited\)$/m);
    expect(first.text).toMatch(/^option early-ack=no$/m);
    expect(first.text).not.toMatch(/^expect/m);
    expect(first.text).toMatch(/^# expect safe: the answer before the controls edited this scenario$/m);
    expect(first.staleExpect).toBe('safe');
    expect(parseScenario(first.text)).toEqual(first.scenario);

    const second = editFromControl(first.text, first.scenario, { ...first.scenario, fwb: true });
    expect(second.text.match(/\(edited\)/g)).toHaveLength(1);
    expect(second.staleExpect).toBeUndefined();
    expect(second.text).toMatch(/^fwb on$/m);
  });

  it('leaves a scenario without title or expect without them', () => {
    const text = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0\nhost unmap-s2; reset ctrl\n';
    const before = parseScenario(text);
    const { text: edited, scenario } = editFromControl(text, before, { ...before, guestS1: 'Device-nGnRE' });
    expect(edited).toBe(text.replace('guest-s1 Normal-NC', 'guest-s1 Device-nGnRE'));
    expect(scenario.title).toBeUndefined();
  });
});
