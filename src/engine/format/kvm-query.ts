/**
 * The "What KVM maps" playground's state as a URL query
 * (`/play/kvm/?kernel=6.9&pgprot=cacheable`), shared by the widget and the
 * CLI's link. Only what differs from the opening state is written.
 */
import { BACKINGS, KVM_DEFAULTS, parseRelease, PGPROTS, type Backing, type KvmInput, type Pgprot } from '../kvm/index.ts';
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
  parse: (raw) => {
    const r = parseRelease(raw);
    return `${r.major}.${r.minor}`;
  },
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

export function kvmLink(site: string, state: KvmState): string {
  return `${site.replace(/\/$/, '')}${KVM_PATH}${writeQuery(KVM_PARAMS, state, KVM_DEFAULTS)}`;
}
