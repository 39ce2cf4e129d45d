/**
 * The facts about a state that CHANGES' `affects:` conditions test
 * (changes.ts): what each front end's state is, in the spelling links use.
 */
import { hexByte, hexNibble } from '../attrs/memtype.ts';
import type { CombineInput } from '../attrs/types.ts';
import type { KvmInput } from '../kvm/types.ts';
import type { StateFacts } from './changes.ts';

const onOff = (flag: boolean | undefined): string => (flag ? 'on' : 'off');

export function combineFacts(input: CombineInput): StateFacts {
  return {
    kind: 'combine',
    facts: { fwb: onOff(input.fwb), cd: onOff(input.cd), s1: hexByte(input.s1), s1sh: String(input.s1sh ?? 3), s2: hexNibble(input.s2), s2sh: String(input.s2sh ?? 3) },
  };
}

export function kvmFacts(input: KvmInput): StateFacts {
  return {
    kind: 'kvm',
    facts: { kernel: input.kernel, backing: input.backing, pgprot: input.pgprot, 'allow-any-uncached': onOff(input.allowAnyUncached), fwb: onOff(input.fwb), dic: onOff(input.dic), exec: onOff(input.exec) },
  };
}

export function mairFacts(byte: number): StateFacts {
  return { kind: 'mair', facts: { s1: hexByte(byte) } };
}

/** What a race check says about its scenario (any version's check has these fields). */
export interface RaceFactsSource {
  readonly scenario: { readonly platform: string; readonly fwb: boolean };
  readonly guestType: string;
  readonly knobs: Readonly<Record<string, boolean>>;
}

export function raceFacts(check: RaceFactsSource, shippedName?: string): StateFacts {
  const facts: Record<string, string> = { platform: check.scenario.platform, fwb: onOff(check.scenario.fwb), type: check.guestType };
  for (const [knob, value] of Object.entries(check.knobs)) facts[knob] = value ? 'yes' : 'no';
  if (shippedName !== undefined) facts['scenario'] = shippedName;
  return { kind: 'race', facts };
}
