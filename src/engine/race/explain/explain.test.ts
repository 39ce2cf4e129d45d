/**
 * Ablation, repair and the sentences on shipped scenarios whose answers
 * follow from the rules (the argument beside each check), and the
 * contract of each: which variants are listed and how, the breadth-first
 * repair, the budget.
 */
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../../shipped-scenarios.ts';
import { checkScenario } from '../explore/check.ts';
import { ablate, causeOf, FixSizeError, repair, whyOf, type Ablation } from './index.ts';

const shipped = (name: string) => checkScenario(SHIPPED.get(name) ?? '', { file: name });
const pick = (ablation: Ablation) => ({
  ops: ablation.ops.map(({ program, index, op, verdict, depth, error }) => ({ program, index, op, verdict, depth, error })),
  knobs: Object.fromEntries(ablation.knobs.map((v) => [v.knob, [v.value, v.verdict]])),
});

describe('ablation', () => {
  it('removes each host op but the reset and each guest barrier, and flips every knob', () => {
    const check = checkScenario('platform pcie\nguest-s1 Normal-NC\nguest-s2 Normal-NC\noption guest-stops=yes\nguest store 0x0; dmb; store 0x8\nguest1 dsb\nhost dsb; unmap-s2; reset flr\n');
    const { ops, knobs } = pick(ablate(check));
    expect(ops.map(({ program, index, op }) => `${program}:${index}:${op}`)).toEqual(['host:0:dsb', 'host:1:unmap-s2', 'guest:1:dmb', 'guest1:0:dsb']);
    // Each knob's resolved value negated: guest-stops was set yes, ne-honoured defaults to no on pcie, unmap-cleans to yes without FWB.
    expect(Object.fromEntries(Object.entries(knobs).map(([k, [value]]) => [k, value]))).toEqual({
      'guest-stops': false,
      'same-pe': true,
      'early-ack': false,
      'write-order': false,
      'np-pushes': false,
      'ne-honoured': true,
      'config-order': false,
      'unmap-cleans': false,
    });
  });

  it('soc-nc-unmap-read-ctrl rests on the unmap, the read-back and np-pushes (M-unmap-dsb, M-host-read, M-path-np-pushes)', () => {
    const { ops, knobs } = pick(ablate(shipped('soc-nc-unmap-read-ctrl')));
    // Without the unmap the guest stores after the read; without the read nothing keeps the acknowledged stores ahead of the reset controller's write.
    expect(ops).toEqual([
      { program: 'host', index: 0, op: 'unmap-s2', verdict: 'unsafe', depth: 8, error: undefined },
      { program: 'host', index: 1, op: 'read 0x0', verdict: 'unsafe', depth: 8, error: undefined },
    ]);
    expect(knobs['np-pushes']).toEqual([false, 'unsafe']);
    expect(knobs['early-ack']).toEqual([false, 'safe']);
  });

  it('lists a knob no rule reads here as refused, with the message its warning gives, and a variant the language refuses with the parser message', () => {
    const soc = ablate(shipped('soc-nc-unmap-ctrl')).knobs;
    expect(soc.find((v) => v.knob === 'config-order')).toMatchObject({ verdict: 'refused', error: expect.stringMatching(/^config-order has no effect on soc/) });
    expect(soc.find((v) => v.knob === 'unmap-cleans')).toMatchObject({ verdict: 'refused', error: expect.stringMatching(/^unmap-cleans has no effect/) });
    expect(checkScenario('platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\noption config-order=no\nhost unmap-s2; reset ctrl\n').warnings[0]).toBe(soc.find((v) => v.knob === 'config-order')?.error);
    const samePe = ablate(shipped('soc-nc-same-pe-dsb-reg')).knobs.find((v) => v.knob === 'guest-stops');
    expect(samePe).toMatchObject({ value: false, verdict: 'refused', error: expect.stringMatching(/^same-pe=yes implies guest-stops=yes/) });
    expect(samePe?.scenario).toBeUndefined();
  });

  it('gives each answered variant its scenario, without the title and expect of the original', () => {
    const [unmap] = ablate(shipped('soc-nc-unmap-read-ctrl')).ops;
    expect(unmap?.scenario).toMatchObject({ host: [{ op: 'read', offset: 0 }, { op: 'reset', method: 'ctrl' }] });
    expect(unmap?.scenario).not.toHaveProperty('title');
    expect(unmap?.scenario).not.toHaveProperty('expect');
  });

  it('marks every variant after the budget ran out as incomplete, and says so', () => {
    const ablation = ablate(shipped('soc-nc-unmap-read-ctrl'), { budget: 60 });
    expect(ablation.stopped).toBe('budget');
    const verdicts = [...ablation.ops, ...ablation.knobs].map((v) => v.verdict).filter((v) => v !== 'refused');
    const first = verdicts.indexOf('incomplete');
    expect(first).toBeGreaterThan(0);
    expect(verdicts.slice(first).every((v) => v === 'incomplete')).toBe(true);
  });
});

describe('repair', () => {
  it('soc-nc-unmap-ctrl: one read-back of either stored offset between unmap and reset (M-host-read, M-path-np-pushes)', () => {
    const fix = repair(shipped('soc-nc-unmap-ctrl'));
    expect(fix).toMatchObject({ size: 1, fixes: ['unmap-s2; read 0x0; reset ctrl', 'unmap-s2; read 0x8; reset ctrl'], maxOps: 2 });
    // 3 positions x 4 ops, less unmap-s2 inserted before or after the existing one (one program).
    expect(fix.variantsChecked).toBe(9);
    expect(fix.scenarios.map((s) => s.host.length)).toEqual([3, 3]);
  });

  it('pcie-wb-fwb-late-eviction: dc civac all anywhere before a DSB that waits for it, never between the last DSB and the reset (M-cache-dc-civac, D7.5.9.15)', () => {
    expect(repair(shipped('pcie-wb-fwb-late-eviction')).fixes).toEqual(['dc civac all; unmap-s2; dsb; reset flr', 'unmap-s2; dc civac all; dsb; reset flr']);
  });

  it('size 0 for a safe scenario; null when no program of up to maxOps is safe', () => {
    expect(repair(shipped('soc-nc-unmap-read-ctrl'))).toMatchObject({ size: 0, fixes: [], variantsChecked: 0 });
    const none = repair(shipped('soc-nc-unmap-read-ctrl-unordered-path'), 1);
    expect(none).toMatchObject({ size: null, fixes: [], maxOps: 1 });
    expect(none.stopped).toBeUndefined();
  });

  it('refuses a fix size outside 1 to 3', () => {
    for (const size of [0, 4, 1.5]) expect(() => repair(shipped('soc-nc-unmap-ctrl'), size)).toThrow(FixSizeError);
  });

  it('stops honestly when the budget runs out', () => {
    const fix = repair(shipped('soc-nc-unmap-read-ctrl-unordered-path'), 2, { budget: 200 });
    expect(fix).toMatchObject({ size: null, fixes: [], stopped: 'budget' });
    expect(fix.variantsChecked).toBeLessThan(repair(shipped('soc-nc-unmap-read-ctrl-unordered-path'), 2).variantsChecked);
  });

  it('stops when cancelled, polled between and within explorations', () => {
    let polls = 0;
    const fix = repair(shipped('soc-nc-unmap-read-ctrl-unordered-path'), 3, { shouldStop: () => (polls += 1) > 5 });
    expect(fix.stopped).toBe('cancelled');
  });
});

describe('why', () => {
  /** The rules each unsafe shipped scenario's cause names, from the rules that let its late write through. */
  const CAUSES: Record<string, readonly string[]> = {
    // Acknowledged early, so the unmap's DSB is done; the reset controller's path is not ordered with the device's.
    'soc-nc-unmap-ctrl': ['M-ack-point', 'M-unmap-dsb', 'M-path-side', 'M-reset-ctrl'],
    'pcie-nc-unmap-acpi': ['M-ack-point', 'M-unmap-dsb', 'M-path-side', 'M-reset-acpi'],
    'pcie-nc-unmap-flr-config-bypass': ['M-ack-point', 'M-unmap-dsb', 'M-path-side', 'M-reset-flr', 'M-pcie-config-order'],
    // The read-back overtakes the store (np-pushes=no).
    'soc-nc-unmap-read-ctrl-unordered-path': ['M-ack-point', 'M-unmap-dsb', 'M-path-np-pushes', 'M-path-side', 'M-reset-ctrl'],
    // No unmap: the store is still in the buffer when the FLR is issued, and enters the path behind it.
    'pcie-nc-flr-without-unmap': ['M-unmap-dsb', 'M-path-np-pushes'],
    // With FWB the unmap cleans nothing; the line is evicted after the FLR.
    'pcie-wb-fwb-unmap-flr': ['M-unmap-cleans', 'M-cache-dc-civac', 'M-cache-evict', 'M-path-np-pushes'],
    // The host's dsb waits for vCPU 0's buffer only.
    'soc-nc-same-pe-dsb-reg-2vcpu': ['M-host-dsb', 'M-unmap-dsb', 'M-path-write-order'],
  };

  it.each(Object.entries(CAUSES))('%s: the cause names the rules that let the write through', (name, rules) => {
    const check = shipped(name);
    const cause = causeOf(check.model, check.result.trace);
    expect(cause?.step).toBe(check.result.trace.length);
    expect(cause?.reasons.flatMap((r) => r.rules)).toEqual(rules);
  });

  it.each([...SHIPPED.keys()])('%s has a headline; every finding is a variant that changes the verdict', (name) => {
    const check = shipped(name);
    const ablation = ablate(check);
    const why = whyOf(check, ablation);
    expect(why.headline).toMatch(check.result.verdict === 'unsafe' ? /reached the device after the reset \(step \d+\): / : /^(SAFE|No single)/);
    const changed = [...ablation.ops, ...ablation.knobs].filter((v) => (v.verdict === 'safe' || v.verdict === 'unsafe') && v.verdict !== check.result.verdict);
    expect(why.findings.map((f) => f.variant)).toEqual(changed);
  });

  it('says what a safe verdict rests on, each op with the rule by which it blocks the late write', () => {
    const check = shipped('soc-nc-unmap-read-ctrl');
    expect(whyOf(check, ablate(check))).toEqual({
      headline:
        "SAFE because `unmap-s2` (host op 1) stops the guest's stores and waits until every one is complete (M-unmap-tlbi, M-unmap-dsb), " +
        'and `read 0x0` (host op 2) returns only after the writes ahead of it on the device path have arrived (M-host-read, M-path-np-pushes); ' +
        'it rests on np-pushes=yes (M-path-np-pushes): without any one of them a guest write can reach the device after the reset.',
      findings: [
        { sentence: 'Without `unmap-s2` (host op 1) a guest write can reach the device after the reset: 8-step counterexample.', variant: expect.anything() },
        { sentence: 'Without `read 0x0` (host op 2) a guest write can reach the device after the reset: 8-step counterexample.', variant: expect.anything() },
        { sentence: 'This verdict rests on `np-pushes=yes`: with it off, a guest write can reach the device after the reset: 10-step counterexample.', variant: expect.anything() },
      ],
    });
  });

  it('says a scenario without a reset is safe only for that reason', () => {
    const check = checkScenario('platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0\nhost unmap-s2\n');
    expect(whyOf(check, ablate(check)).headline).toBe('SAFE only because the host never resets the device.');
  });
});
