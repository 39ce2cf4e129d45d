/**
 * KVM's stage-2 decision as email-ready plain text (at most 70 columns):
 * the inputs, what KVM installs or where it refuses, the deciding rule with
 * its kernel source, the functions on the way, and the releases that answer
 * differently; with the guest's side (its stage 1, shareability and
 * HCR_EL2.CD, and what its access gets) when the text is about an access,
 * so that the text carries the whole state it came from.
 */
import { decodeS1 } from '../attrs/decode-s1.ts';
import type { CombineResult, ShEncoding } from '../attrs/types.ts';
import { sh } from './combine-text.ts';
import { describeS2, NEWEST, OLDEST, shortAnswer, PGPROT_ATTRINDX, PGPROT_HELPER, type KvmInput, type KvmResult, type Source } from '../kvm/index.ts';
import { field, wrap } from './wrap.ts';

/** The memslot's memory in words, as the text writes it and paste-back reads it. */
export const BACKING_WORDS = { ram: 'ordinary memory (no VM_PFNMAP/VM_MIXEDMAP)', pfnmap: 'a VM_PFNMAP VMA outside the linear map', mixedmap: 'a VM_MIXEDMAP VMA outside the linear map' } as const;

export function inputWords(i: KvmInput): string {
  const flag = i.allowAnyUncached ? ', VM_ALLOW_ANY_UNCACHED' : '';
  return `${BACKING_WORDS[i.backing]}, ${PGPROT_HELPER[i.pgprot]} (${PGPROT_ATTRINDX[i.pgprot]})${flag}`;
}

export function sourceWords(s: Source): string {
  return `${s.function} in ${s.file}, ${s.releases}; commit ${s.commit}`;
}

const yes = (flag: boolean): string => (flag ? 'yes' : 'no');

/** The guest's side of an access through KVM's stage 2; `combined` is what the access gets, absent when KVM refuses. */
export interface GuestAccess {
  readonly s1: number;
  readonly s1sh: ShEncoding;
  readonly cd: boolean;
  readonly combined?: CombineResult;
}

/** The guest's side of a `--s1` access (both stages Inner Shareable, no CD, as the CLI maps it). */
export const accessOf = (combined: CombineResult): GuestAccess => ({ s1: combined.input.s1, s1sh: combined.input.s1sh, cd: combined.input.cd, combined });

/** Render one decision; `guest` is the guest's access through it (`--s1`, or the combining explorer's "from KVM" mode). */
export function kvmText(r: KvmResult, guest?: GuestAccess): string {
  const i = r.input;
  const a = r.answer;
  const lines = [
    ...field('Kernel', `${i.kernel} (behaves as ${r.releases})`),
    ...field('Memslot', inputWords(i)),
    ...field('CPU', `FWB ${yes(i.fwb)}, DIC ${yes(i.dic)}; the fault is ${i.exec ? 'an instruction fetch' : 'a data access'}`),
    '',
    ...(a.outcome === 'mapped'
      ? field('Stage 2', describeS2(a.s2))
      : field('Refused', `at ${a.where === 'memslot' ? 'memslot creation' : 'fault time'}, -${a.errno}: ${a.effect}`)),
    ...field('Rule', r.rule.text),
    ...field('Source', sourceWords(r.rule.source)),
  ];
  r.steps.forEach((step, n) => lines.push(...wrap(`${n + 1}. ${step.source.function}: ${step.said}`, n === 0 ? 'Path:'.padEnd(14) : ' '.repeat(14), ' '.repeat(17))));
  if (r.differences.length === 0) lines.push(...field('Differs in', `no other release: every one from ${OLDEST} to ${NEWEST} answers the same`));
  else r.differences.forEach((d, n) => lines.push(...wrap(`${d.releases}: ${shortAnswer(d.answer)}`, n === 0 ? 'Differs in:'.padEnd(14) : ' '.repeat(14), ' '.repeat(16))));
  if (guest) {
    const s1 = decodeS1(guest.s1);
    lines.push('', ...field('Guest S1', `${s1.hex} ${s1.name}, ${sh(guest.s1sh)}`));
    if (guest.cd) lines.push(...field('HCR_EL2.CD', '1 (stage-2 Normal memory is Non-cacheable)'));
    const { combined } = guest;
    if (combined) lines.push(...field('Access gets', `${combined.typeName}, MAIR-style ${combined.mairHex} (${combined.rule.text})`));
  }
  return lines.join('\n') + '\n';
}
