/**
 * KVM's stage-2 decision as email-ready plain text (at most 72 columns):
 * the inputs, what KVM installs or where it refuses, the deciding rule with
 * its kernel source, the functions on the way, and the releases that answer
 * differently.
 */
import type { CombineResult } from '../attrs/types.ts';
import { describeS2, NEWEST, OLDEST, shortAnswer, PGPROT_ATTRINDX, PGPROT_HELPER, type KvmInput, type KvmResult, type Source } from '../kvm/index.ts';
import { field, wrap } from './wrap.ts';

const BACKING_WORDS = { ram: 'ordinary memory (no VM_PFNMAP/VM_MIXEDMAP)', pfnmap: 'a VM_PFNMAP VMA outside the linear map', mixedmap: 'a VM_MIXEDMAP VMA outside the linear map' } as const;

export function inputWords(i: KvmInput): string {
  const flag = i.allowAnyUncached ? ', VM_ALLOW_ANY_UNCACHED' : '';
  return `${BACKING_WORDS[i.backing]}, ${PGPROT_HELPER[i.pgprot]} (${PGPROT_ATTRINDX[i.pgprot]})${flag}`;
}

export function sourceWords(s: Source): string {
  return `${s.function} in ${s.file}, ${s.releases}; commit ${s.commit}`;
}

const yes = (flag: boolean): string => (flag ? 'yes' : 'no');

/** Render one decision; `combined` is the guest's access through it (`--s1`). */
export function kvmText(r: KvmResult, combined?: CombineResult): string {
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
  if (combined) {
    lines.push('', ...field('Guest S1', `${combined.s1.hex} ${combined.s1.name}`));
    lines.push(...field('Access gets', `${combined.typeName}, MAIR-style ${combined.mairHex} (${combined.rule.text})`));
  }
  return lines.join('\n') + '\n';
}
