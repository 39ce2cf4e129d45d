/**
 * A state read back from the plain text itself, when the pasted mail lost
 * its link: the fields combine-text.ts and race-text.ts write, found by
 * their labels in the text with the lines joined (a mail client may have
 * re-wrapped them). Each reader names what is missing when it cannot
 * restore the state.
 */
import { PGPROT_ATTRINDX } from '../kvm/vma.ts';
import { PGPROTS } from '../kvm/inputs.ts';
import type { Backing, KvmInput } from '../kvm/types.ts';
import { KNOB_NAMES } from '../race/types.ts';
import type { CombineState } from './combine-query.ts';

export type FromText<T> = { readonly state: T } | { readonly missing: string };

const joined = (lines: readonly string[]): string => ` ${lines.join(' ').replace(/\s+/g, ' ')} `;

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

const RACE_LABELS = ['Scenario', 'file', 'platform', 'guest type', 'knobs', 'guest', 'guest1', 'guest2', 'guest3', 'host', 'Verdict'] as const;

/** Each label's value: the text from after `label:` to the next label. */
function raceFields(text: string): Map<string, string> {
  const pattern = new RegExp(`\\s(${RACE_LABELS.join('|')}): `, 'g');
  const found = [...text.matchAll(pattern)];
  const fields = new Map<string, string>();
  found.forEach((match, i) => {
    const end = found[i + 1]?.index ?? text.length;
    if (!fields.has(match[1]!)) fields.set(match[1]!, text.slice(match.index + match[0].length, end).trim());
  });
  return fields;
}

/**
 * The scenario text the race report describes: its title, platform, guest
 * types, the knobs as printed (every one explicitly), the op lists and the
 * expectation. Where the report named a shipped file, `file` says which.
 */
export function raceFromText(lines: readonly string[]): FromText<{ text: string; file?: string }> {
  // Only the part before the verdict describes the scenario; the counterexample repeats actor names.
  const text = joined(lines);
  const fields = raceFields(text);
  for (const label of ['platform', 'guest type', 'knobs', 'guest', 'host'] as const) {
    if (!fields.has(label)) return { missing: `the '${label}:' line of the race report` };
  }
  const types = /\(guest-s1 (\S+), guest-s2 (\S+), fwb (on|off)\)/.exec(fields.get('guest type')!);
  if (!types) return { missing: "the stage-1 and stage-2 types in the 'guest type:' line, such as '(guest-s1 Normal-NC, guest-s2 Normal-NC, fwb off)'" };
  const knobs = fields.get('knobs')!.split(' ').filter((term) => (KNOB_NAMES as readonly string[]).includes(term.split('=')[0]!));
  const ops = (label: string): string | undefined => {
    const value = fields.get(label);
    return value === undefined || value === '(nothing)' ? undefined : value;
  };
  const file = fields.get('file');
  const title = fields.get('Scenario');
  const expect = /\(expected (safe|unsafe)/.exec(fields.get('Verdict') ?? '')?.[1];
  const scenario = [
    ...(title !== undefined && title !== file ? [`title ${title}`] : []),
    `platform ${fields.get('platform')}`,
    `fwb ${types[3]}`,
    `guest-s1 ${types[1]}`,
    `guest-s2 ${types[2]}`,
    ...knobs.map((knob) => `option ${knob}`),
    ...(['guest', 'guest1', 'guest2', 'guest3', 'host'] as const).flatMap((label) => (ops(label) === undefined ? [] : [`${label} ${ops(label)}`])),
    ...(expect === undefined ? [] : [`expect ${expect}`]),
  ];
  return { state: { text: scenario.join('\n') + '\n', ...(file === undefined ? {} : { file }) } };
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
  const backing: Backing = words.includes('VM_PFNMAP') ? 'pfnmap' : words.includes('VM_MIXEDMAP') ? 'mixedmap' : 'ram';
  const pgprot = PGPROTS.find((p) => words.includes(`(${PGPROT_ATTRINDX[p]})`));
  if (pgprot === undefined) return { missing: "the VMM mapping's MT_ attribute in the 'Memslot:' line" };
  return {
    state: { kernel, backing, pgprot, allowAnyUncached: words.includes('VM_ALLOW_ANY_UNCACHED'), fwb: memslot[2] === 'yes', dic: memslot[3] === 'yes', exec: memslot[4] === 'an instruction fetch' },
  };
}
