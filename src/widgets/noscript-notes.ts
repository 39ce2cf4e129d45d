/**
 * What each URL-reading widget's <noscript> note (NoScriptState.svelte)
 * says: the default state in words, the parameter names (from the engine's
 * parameter declarations, so a new parameter is listed by itself) and the
 * CLI command for the same question.
 */
import type { CombineResult, S1Decoding } from '../engine/attrs/types.ts';
import { COMBINE_PARAMS } from '../engine/format/combine-query.ts';
import { KVM_MODE_PARAMS, KVM_PARAMS } from '../engine/format/kvm-query.ts';

export interface NoScriptNote {
  readonly shown: string;
  readonly params: string;
  /** The section of the Links and URL parameters page that explains them, if it has one. */
  readonly section?: string;
  readonly cli: string;
}

const either = (names: readonly string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

export function combineNote(r: CombineResult, fwb: boolean): NoScriptNote {
  return {
    shown: `${r.s1.hex} ${r.s1.name} at stage 1 with ${r.s2.hex} ${r.s2.name} at stage 2, FWB ${fwb ? 'on' : 'off'}, giving ${r.typeName}`,
    params: either([...new Set([...Object.keys(COMBINE_PARAMS), ...Object.keys(KVM_MODE_PARAMS)])]),
    section: 'combining-explorer-playcombine',
    cli: 'npm run -s cli -- combine --s1 <s1> --s2 <s2> [--fwb] [--cd]',
  };
}

export function mairNote(byte: string, d: S1Decoding): NoScriptNote {
  return { shown: `${byte}, ${d.name}`, params: 'mair', section: 'mair-decoder-playmair', cli: 'npm run -s cli -- combine --s1 <mair> --s2 Normal-WB' };
}

export function kvmNote(kernel: string, answer: string): NoScriptNote {
  return {
    shown: `Linux ${kernel}: ${answer}`,
    params: either(Object.keys(KVM_PARAMS)),
    cli: 'npm run -s cli -- kvm --kernel <kernel> --vma <backing> --pgprot <pgprot> [--fwb] [--dic]',
  };
}

export function raceNote(scenario: string): NoScriptNote {
  return {
    shown: `the scenario ${scenario}`,
    params: 'scenario, or one per directive such as platform, guest and host',
    section: 'race-explorer-playrace',
    cli: 'npm run -s cli -- race scenarios/<scenario>.race',
  };
}
