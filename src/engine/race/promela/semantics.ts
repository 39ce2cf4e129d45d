/**
 * The knobs in force and the host ops, as the export reads them. The race
 * engine grows (several vCPUs, the cache, `write-order`/`np-pushes` in
 * place of `path-order`, writel() for `reset reg`, XS-aware arrival order):
 * this module reads whichever knobs the engine resolved, so the export
 * follows the same rules as the explorer it is checked against.
 */
import type { HostOp } from '../types.ts';

/** The reset methods, including the firmware's (`reset acpi`, M-reset-acpi). */
export type ResetKind = 'flr' | 'ctrl' | 'reg' | 'acpi';

/** A host op, including cache maintenance (`dc civac <offset>|all`, M-cache-dc-civac). */
export type HostStep =
  | Exclude<HostOp, { readonly op: 'reset' }>
  | { readonly op: 'reset'; readonly method: ResetKind }
  | { readonly op: 'dc-civac'; readonly offset: number | 'all' };

export interface KnobValues {
  readonly guestStops: boolean;
  readonly samePe: boolean;
  readonly earlyAck: boolean;
  readonly neHonoured: boolean;
  readonly configOrder: boolean;
  /** M-path-write-order: writes keep their order among themselves on a path. */
  readonly writeOrder: boolean;
  /** M-path-np-pushes: a read or non-posted request does not pass earlier writes. */
  readonly npPushes: boolean;
  /** M-unmap-cleans: the unmap cleans every dirty line to the PoC. */
  readonly unmapCleans: boolean;
}

export interface Semantics {
  readonly knobs: KnobValues;
  /**
   * Path order as one knob: `path-order=yes` keeps every transaction behind
   * everything that entered its path before it, and with `no` only PCIe's
   * rule that a non-posted request does not pass a posted write remains.
   * False where the engine splits it into `write-order` and `np-pushes`.
   */
  readonly singlePathOrder: boolean;
  /** `reset reg` is a writel(): DMB OSHST before the store (M-writel). */
  readonly writel: boolean;
  /** Program-order arrival needs equal XS attributes (M-wb-xs). */
  readonly xsOrder: boolean;
  /** The explorer's reduction forgets the vCPUs' program counters once the TLBI took effect (with guest-stops=no). */
  readonly forgetsPcs: boolean;
}

/** The engine's resolved knobs (defaults applied, `same-pe` implying `guest-stops`). */
export function semanticsOf(knobs: Readonly<Record<string, boolean | undefined>>): Semantics {
  const singlePathOrder = knobs['write-order'] === undefined;
  const pathOrder = knobs['path-order'] ?? true;
  return {
    knobs: {
      guestStops: knobs['guest-stops'] ?? false,
      samePe: knobs['same-pe'] ?? false,
      earlyAck: knobs['early-ack'] ?? true,
      neHonoured: knobs['ne-honoured'] ?? false,
      configOrder: knobs['config-order'] ?? true,
      writeOrder: knobs['write-order'] ?? pathOrder,
      npPushes: knobs['np-pushes'] ?? pathOrder,
      unmapCleans: knobs['unmap-cleans'] ?? false,
    },
    singlePathOrder,
    writel: !singlePathOrder,
    xsOrder: !singlePathOrder,
    forgetsPcs: !singlePathOrder,
  };
}

/** M-path-side: the reset controller's and the firmware's writes, and config writes that bypass the BAR path. */
export function sidePath(kind: ResetKind, knobs: KnobValues): boolean {
  return kind === 'ctrl' || kind === 'acpi' || (kind === 'flr' && !knobs.configOrder);
}
