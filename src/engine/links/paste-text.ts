/**
 * A combining or KVM state read back from the plain text itself, when the
 * pasted mail lost its link: the fields combine-text.ts and kvm-text.ts
 * write, found by their labels in the text with the lines joined (a mail
 * client may have re-wrapped them). Every value in these texts is the
 * engine's own words, never the reader's, so a label cannot be faked.
 * Each reader names what is missing when it cannot restore the state.
 * (A race report is read by its structure: paste-race.ts.)
 */
import { PGPROT_ATTRINDX } from '../kvm/vma.ts';
import { BACKINGS, PGPROTS } from '../kvm/inputs.ts';
import type { KvmInput } from '../kvm/types.ts';
import { BACKING_WORDS } from '../format/kvm-text.ts';
import { COMBINE_DEFAULTS, type CombineState } from './combine-query.ts';
import { kvmModeOf, type KvmModeState } from './kvm-query.ts';

export type FromText<T> = { readonly state: T } | { readonly missing: string };

/** The lines as one run of words, without quoting marks at a word's start (left inside by a client that joined quoted lines; no word of these texts starts with `>`). */
const joined = (lines: readonly string[]): string =>
  ` ${lines
    .join(' ')
    .split(/\s+/)
    .map((word) => word.replace(/^>+/, ''))
    .filter((word) => word !== '')
    .join(' ')} `;

/** `Stage 1: 0x44 Normal-NC: ..., SH=0b11 (...)` and `Stage 2: 0x5 Normal-NC, FWB off: ...; SH=0b11 (...)`. */
export function combineFromText(lines: readonly string[]): FromText<CombineState> {
  const text = joined(lines);
  const s1 = /\sStage 1: (0x[0-9a-f]{2})\s(.*?)\sStage 2:/.exec(text);
  if (!s1) return { missing: "a 'Stage 1: 0xNN ...' line with the MAIR byte" };
  const s2 = /\sStage 2: (0x[0-9a-f])\s[^,]*, FWB (on|off):(.*?)(?:\sHCR_EL2\.CD:|\sResult:|$)/.exec(text);
  if (!s2) return { missing: "a 'Stage 2: 0xN ..., FWB on|off' line with the MemAttr" };
  const sh = (segment: string, stage: string): number | string => {
    const match = /SH=0b([01]{2})/.exec(segment);
    return match ? parseInt(match[1]!, 2) : `the stage ${stage} shareability (SH=0bNN)`;
  };
  const s1sh = sh(s1[2]!, '1');
  const s2sh = sh(s2[3]!, '2');
  if (typeof s1sh === 'string') return { missing: s1sh };
  if (typeof s2sh === 'string') return { missing: s2sh };
  return {
    state: {
      s1: Number(s1[1]),
      s2: Number(s2[1]),
      fwb: s2[2] === 'on',
      cd: /\sHCR_EL2\.CD: 1\s/.test(text),
      s1sh: s1sh as CombineState['s1sh'],
      s2sh: s2sh as CombineState['s2sh'],
    },
  };
}

/**
 * `Kernel: 6.9 (behaves as ...)`, `Memslot: <memory>, <helper> (<MT_...>)[,
 * VM_ALLOW_ANY_UNCACHED]` and `CPU: FWB yes, DIC no; the fault is ...`, as
 * kvm-text.ts writes them.
 */
export function kvmFromText(lines: readonly string[]): FromText<KvmInput> {
  const text = joined(lines);
  const kernel = /\sKernel: ([0-9]+\.[0-9]+)\s/.exec(text)?.[1];
  if (kernel === undefined) return { missing: "a 'Kernel: N.N' line" };
  const memslot = /\sMemslot: (.*?)\sCPU: FWB (yes|no), DIC (yes|no); the fault is (an instruction fetch|a data access)/.exec(text);
  if (!memslot) return { missing: "the 'Memslot:' and 'CPU: FWB yes|no, DIC yes|no; ...' lines" };
  const words = memslot[1]!;
  const backing = BACKINGS.find((b) => words.startsWith(BACKING_WORDS[b]));
  if (backing === undefined) return { missing: "the memslot's memory at the start of the 'Memslot:' line" };
  const pgprot = PGPROTS.find((p) => words.includes(`(${PGPROT_ATTRINDX[p]})`));
  if (pgprot === undefined) return { missing: "the VMM mapping's MT_ attribute in the 'Memslot:' line" };
  return {
    state: { kernel, backing, pgprot, allowAnyUncached: words.includes('VM_ALLOW_ANY_UNCACHED'), fwb: memslot[2] === 'yes', dic: memslot[3] === 'yes', exec: memslot[4] === 'an instruction fetch' },
  };
}

/**
 * The combining explorer's "from KVM" text: KVM's inputs (kvmFromText) and
 * the guest's side, `Guest S1: 0x44 Normal-NC, SH=0b11 (...)` and
 * `HCR_EL2.CD: 1` when set; FWB is the combining explorer's own.
 */
export function kvmModeFromText(lines: readonly string[]): FromText<{ combine: CombineState; kvm: KvmModeState }> {
  const text = joined(lines);
  const guest = /\sGuest S1: (0x[0-9a-f]{2})\s.*?, SH=0b([01]{2})\s/.exec(text);
  if (!guest) return { missing: "a 'Guest S1: 0xNN ..., SH=0bNN' line" };
  const kvm = kvmFromText(lines);
  if ('missing' in kvm) return kvm;
  const combine: CombineState = { ...COMBINE_DEFAULTS, s1: Number(guest[1]), s1sh: parseInt(guest[2]!, 2) as CombineState['s1sh'], fwb: kvm.state.fwb, cd: /\sHCR_EL2\.CD: 1\s/.test(text) };
  return { state: { combine, kvm: kvmModeOf(kvm.state, true) } };
}
