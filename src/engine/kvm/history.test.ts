/**
 * The engine's history: every release agrees with the one before except
 * where a changelog line says why, and the commits of the 6.9 Normal-NC
 * series and of the 6.17 cacheable-PFNMAP series, replayed one at a time,
 * give the answers their diffs imply.
 */
import { describe, expect, it } from 'vitest';
import { combine } from '../attrs/combine.ts';
import { BEHAVIOURS, type ModelledCommit } from './behaviours.ts';
import { CHANGELOG } from './changelog.ts';
import { LINUX_6_8, type KvmCode } from './code.ts';
import { answerKey, decideAt } from './decide.ts';
import { allInputs } from './inputs.ts';
import { stage2SetProtAttr } from './pgtable.ts';
import type { KvmAnswer, KvmInput } from './types.ts';

const inputs = allInputs('6.8');
const key = (code: KvmCode, input: KvmInput): string => answerKey(decideAt(code, input).answer);

/** Each commit with the code state before it, in merge order. */
function replay(): { commit: ModelledCommit; before: KvmCode; after: KvmCode }[] {
  let code = LINUX_6_8;
  return BEHAVIOURS.flatMap((b) => b.commits).map((commit) => {
    const before = code;
    code = commit.apply(code);
    return { commit, before, after: code };
  });
}

/** The state after the named commit. */
function after(id: string): KvmCode {
  const found = replay().find((r) => r.commit.id === id);
  if (!found) throw new Error(`no commit ${id}`);
  return found.after;
}
function before(id: string): KvmCode {
  const found = replay().find((r) => r.commit.id === id);
  if (!found) throw new Error(`no commit ${id}`);
  return found.before;
}

const answer = (code: KvmCode, over: Partial<KvmInput>): KvmAnswer =>
  decideAt(code, { kernel: '6.8', backing: 'pfnmap', pgprot: 'noncached', allowAnyUncached: false, fwb: false, dic: false, exec: false, ...over }).answer;

describe('every release agrees with the previous one except where a changelog line says why', () => {
  for (let n = 1; n < BEHAVIOURS.length; n++) {
    const prev = BEHAVIOURS[n - 1];
    const cur = BEHAVIOURS[n];
    if (!prev || !cur) continue;
    it(`${cur.releases} against ${prev.releases}`, () => {
      for (const input of inputs) {
        if (key(prev.code, input) === key(cur.code, input)) continue;
        const why = cur.commits.filter((c) => CHANGELOG[c.id].changes(input));
        expect({ input, why: why.map((c) => CHANGELOG[c.id].text) }).toEqual({ input, why: expect.arrayContaining([expect.any(String)]) });
      }
    });
  }
});

describe('each commit, replayed alone, changes exactly what its changelog line claims', () => {
  for (const { commit, before: b, after: a } of replay()) {
    const line = CHANGELOG[commit.id];
    it(`${commit.id} ("${commit.subject}"): ${line.text}`, () => {
      const changed = inputs.filter((i) => key(b, i) !== key(a, i));
      for (const i of changed) expect({ input: i, claimed: line.changes(i) }).toEqual({ input: i, claimed: true });
      // A line that claims a change must be borne out by at least one input.
      if (inputs.some((i) => line.changes(i))) expect(changed.length).toBeGreaterThan(0);
    });
  }
});

describe('the 6.9 Normal-NC series, re-derived from its diffs', () => {
  it('c034ec84e879: stage2_set_prot_attr() encodes KVM_PGTABLE_PROT_NORMAL_NC as MT_S2_NORMAL_NC (0x5) and MT_S2_FWB_NORMAL_NC (5), never executable', () => {
    const code = after('c034ec84e879');
    expect(stage2SetProtAttr(before('c034ec84e879'), { device: false, normalNc: true, exec: false }, false)).toMatchObject({ attr: { constant: 'MT_S2_NORMAL' } });
    expect(stage2SetProtAttr(code, { device: false, normalNc: true, exec: false }, false)).toMatchObject({ attr: { constant: 'MT_S2_NORMAL_NC', memAttr: 0x5 } });
    expect(stage2SetProtAttr(code, { device: false, normalNc: true, exec: false }, true)).toMatchObject({ attr: { constant: 'MT_S2_FWB_NORMAL_NC', memAttr: 5 } });
    expect(stage2SetProtAttr(code, { device: false, normalNc: true, exec: true }, false)).toHaveProperty('einval');
  });
  it('c034ec84e879: S2 Normal-NC gives Normal-NC under S1 Normal-WB, Normal-WT and Normal-NC, and keeps an S1 Device type (the table of its commit message)', () => {
    const s2 = answer(after('8c47ce3e1d2c'), { allowAnyUncached: true });
    expect(s2).toMatchObject({ outcome: 'mapped', s2: { type: 'Normal-NC' } });
    if (s2.outcome !== 'mapped') return;
    const through = (s1: number) => combine({ s1, s2: s2.s2.memAttr, fwb: false, s1sh: 3, s2sh: 3 }).typeName;
    expect([through(0xff), through(0xbb), through(0x44)]).toEqual(['Normal-NC', 'Normal-NC', 'Normal-NC']);
    expect([through(0x00), through(0x04), through(0x08), through(0x0c)]).toEqual(['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE']);
  });
  it('5c656fcdd6c6: VM_ALLOW_ANY_UNCACHED alone changes no answer (nothing reads it yet)', () => {
    expect(answer(after('5c656fcdd6c6'), { allowAnyUncached: true })).toMatchObject({ s2: { type: 'Device-nGnRE' } });
  });
  it('8c47ce3e1d2c: device memory whose VMA has VM_ALLOW_ANY_UNCACHED gets Normal-NC; without the flag Device-nGnRE', () => {
    expect(answer(after('8c47ce3e1d2c'), { allowAnyUncached: true })).toMatchObject({ s2: { constant: 'MT_S2_NORMAL_NC' } });
    expect(answer(after('8c47ce3e1d2c'), { allowAnyUncached: true, fwb: true })).toMatchObject({ s2: { constant: 'MT_S2_FWB_NORMAL_NC', memAttr: 5 } });
    expect(answer(after('8c47ce3e1d2c'), {})).toMatchObject({ s2: { constant: 'MT_S2_DEVICE_nGnRE' } });
    expect(answer(after('8c47ce3e1d2c'), { allowAnyUncached: true, exec: true })).toMatchObject({ outcome: 'refused', errno: 'ENOEXEC' });
  });
  it('a39d3a966a09: a vfio-pci BAR (VM_PFNMAP, pgprot_noncached(), VM_ALLOW_ANY_UNCACHED) is Device-nGnRE in 6.8 and Normal-NC from 6.9 on', () => {
    const vfioBar: Partial<KvmInput> = { pgprot: 'noncached', allowAnyUncached: true };
    expect(answer(LINUX_6_8, vfioBar)).toMatchObject({ s2: { type: 'Device-nGnRE' } });
    for (const b of BEHAVIOURS.slice(1)) expect(answer(b.code, vfioBar)).toMatchObject({ s2: { type: 'Normal-NC' } });
  });
});

describe('the 6.17 cacheable-PFNMAP series, re-derived from its diffs', () => {
  const cacheable: Partial<KvmInput> = { pgprot: 'cacheable', fwb: true, dic: true };
  it('8cc9dc1ae4fb: the rename of device to s2_force_noncacheable changes no answer', () => {
    for (const i of inputs) expect(key(after('8cc9dc1ae4fb'), i)).toBe(key(before('8cc9dc1ae4fb'), i));
  });
  it('216887f79d98: device memory still needs VM_PFNMAP or VM_MIXEDMAP to be forced non-cacheable; ordinary memory stays cacheable', () => {
    expect(answer(after('216887f79d98'), { backing: 'mixedmap' })).toMatchObject({ s2: { type: 'Device-nGnRE' } });
    expect(answer(after('216887f79d98'), { backing: 'ram', pgprot: 'noncached' })).toMatchObject({ s2: { type: 'Normal-WB' } });
  });
  it('2a8dfab26677: a cacheable PFNMAP memslot is refused with -EINVAL, a cacheable MIXEDMAP fault fails with -EINVAL, even with FWB and DIC', () => {
    expect(answer(before('2a8dfab26677'), cacheable)).toMatchObject({ s2: { type: 'Device-nGnRE' } });
    expect(answer(after('2a8dfab26677'), cacheable)).toMatchObject({ outcome: 'refused', where: 'memslot', errno: 'EINVAL' });
    expect(answer(after('2a8dfab26677'), { ...cacheable, backing: 'mixedmap' })).toMatchObject({ outcome: 'refused', where: 'fault', errno: 'EINVAL' });
    expect(answer(after('2a8dfab26677'), { pgprot: 'writecombine', allowAnyUncached: true })).toMatchObject({ s2: { type: 'Normal-NC' } });
  });
  it('0c67288e0c8b: with FWB and DIC a cacheable PFNMAP is MT_S2_FWB_NORMAL (6) and executable; without them the memslot is refused and a MIXEDMAP fault fails with -EFAULT', () => {
    expect(answer(after('0c67288e0c8b'), cacheable)).toEqual({ outcome: 'mapped', s2: { constant: 'MT_S2_FWB_NORMAL', memAttr: 6, fwb: true, type: 'Normal-WB', exec: true } });
    expect(answer(after('0c67288e0c8b'), { pgprot: 'cacheable', fwb: true })).toMatchObject({ where: 'memslot', errno: 'EINVAL' });
    expect(answer(after('0c67288e0c8b'), { pgprot: 'cacheable', fwb: true, backing: 'mixedmap' })).toMatchObject({ where: 'fault', errno: 'EFAULT' });
  });
  it('f55ce5a6cd33: exposing KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED changes no answer', () => {
    for (const i of inputs) expect(key(after('f55ce5a6cd33'), i)).toBe(key(before('f55ce5a6cd33'), i));
  });
});

describe('the releases bring each commit once', () => {
  it('no commit is listed twice', () => {
    const all = replay().map((r) => r.commit);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });
});
