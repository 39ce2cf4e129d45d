/**
 * What each URL-reading widget's <noscript> notice (NoScriptState.svelte)
 * says: its own example in words and the parameter names (the widget
 * passes its parameter declarations, so a new parameter is listed by
 * itself). Types only: a widget's bundle gains no other widget's modules.
 */
import type { CombineResult, S1Decoding } from '../../engine/attrs/types.ts';

/** Query parameter declarations, of which only the names are read. */
type Declared = Readonly<Record<string, unknown>>;

export interface NoScriptNote {
  readonly shown: string;
  readonly params: string;
  /** The section of the Links and URL parameters page that explains them, if it has one. */
  readonly section?: string;
}

const either = (names: readonly string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/** `declared`: the combining parameters, then the KVM mode's. */
export function combineNote(r: CombineResult, fwb: boolean, ...declared: readonly Declared[]): NoScriptNote {
  return {
    shown: `${r.s1.hex} ${r.s1.name} at stage 1 with ${r.s2.hex} ${r.s2.name} at stage 2, FWB ${fwb ? 'on' : 'off'}, giving ${r.typeName}`,
    params: either([...new Set(declared.flatMap((d) => Object.keys(d)))]),
    section: 'combining-explorer-playcombine',
  };
}

export function mairNote(byte: string, d: S1Decoding): NoScriptNote {
  return { shown: `${byte}, ${d.name}`, params: 'mair', section: 'mair-decoder-playmair' };
}

export function kvmNote(kernel: string, answer: string, declared: Declared): NoScriptNote {
  return {
    shown: `Linux ${kernel}: ${answer}`,
    params: either(Object.keys(declared)),
    section: 'what-kvm-maps-playkvm',
  };
}
