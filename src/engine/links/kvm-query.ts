/**
 * The "What KVM maps" playground's state as a URL query
 * (`/play/kvm/?kernel=6.9&pgprot=cacheable`), shared by the widget and the
 * CLI's link. Only what differs from the opening state is written.
 */
import { BACKINGS, KVM_DEFAULTS, parseRelease, PGPROTS, releaseLabel, type Backing, type KvmInput, type Pgprot } from '../kvm/index.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS, COMBINE_PATH, type CombineState } from './combine-query.ts';
import { clip, onOff, writeQuery, type Param, type Params } from './query.ts';

export type KvmState = KvmInput;

function oneOf<T extends string>(values: readonly T[], what: string): Param<T> {
  return {
    parse: (raw) => {
      const value = raw.trim().toLowerCase();
      if ((values as readonly string[]).includes(value)) return value as T;
      throw new Error(`'${clip(raw)}' is not a ${what} (expected ${values.join(', ')})`);
    },
    format: (value) => value,
  };
}

const kernel: Param<string> = {
  parse: (raw) => releaseLabel(parseRelease(raw)),
  format: (value) => value,
};

export const KVM_PARAMS: Params<KvmState> = {
  kernel,
  backing: oneOf<Backing>(BACKINGS, 'memslot backing'),
  pgprot: oneOf<Pgprot>(PGPROTS, 'VMM mapping'),
  allowAnyUncached: onOff,
  fwb: onOff,
  dic: onOff,
  exec: onOff,
};

export { KVM_DEFAULTS };

/** The path of the playground, relative to the site root. */
export const KVM_PATH = '/play/kvm/';

export function kvmLink(site: string, state: KvmState, model?: number): string {
  return `${site.replace(/\/$/, '')}${KVM_PATH}${writeQuery(KVM_PARAMS, state, KVM_DEFAULTS, model)}`;
}

/**
 * The combining explorer's "from KVM" mode: `kvm=on` and KVM's inputs
 * beside the combining parameters. FWB is the combining explorer's own
 * `fwb`, since the stage 2 KVM installs is read with the same FWB.
 */
export type KvmModeState = { readonly kvm: boolean } & Omit<KvmState, 'fwb'>;

const P = KVM_PARAMS;

export const KVM_MODE_PARAMS: Params<KvmModeState> = { kvm: onOff, kernel: P.kernel, backing: P.backing, pgprot: P.pgprot, allowAnyUncached: P.allowAnyUncached, dic: P.dic, exec: P.exec };

/** KVM's inputs without FWB, which the combining explorer keeps itself. */
export function kvmModeOf(input: KvmInput, kvm: boolean): KvmModeState {
  return { kvm, kernel: input.kernel, backing: input.backing, pgprot: input.pgprot, allowAnyUncached: input.allowAnyUncached, dic: input.dic, exec: input.exec };
}

export const KVM_MODE_DEFAULTS: KvmModeState = kvmModeOf(KVM_DEFAULTS, false);

/**
 * The query of the combining explorer in either mode: KVM's parameters
 * only when the mode is on, and then not the stage-2 ones (`s2`, `s2sh`),
 * since stage 2 is what KVM installs: the state is exactly what the mode's
 * plain text carries.
 */
export function combineModeQuery(combineQuery: string, mode: KvmModeState): string {
  if (!mode.kvm) return combineQuery;
  const merged = new URLSearchParams(combineQuery);
  merged.delete('s2');
  merged.delete('s2sh');
  for (const [name, value] of new URLSearchParams(writeQuery(KVM_MODE_PARAMS, mode, KVM_MODE_DEFAULTS))) merged.set(name, value);
  return `?${merged.toString()}`;
}

/** A link to the combining explorer with this state, in "from KVM" mode when it is on. */
export function combineKvmLink(site: string, state: CombineState, mode: KvmModeState): string {
  return `${site.replace(/\/$/, '')}${COMBINE_PATH}${combineModeQuery(writeQuery(COMBINE_PARAMS, state, COMBINE_DEFAULTS), mode)}`;
}
