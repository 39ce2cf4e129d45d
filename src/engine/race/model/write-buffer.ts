/**
 * The PE write buffer. Stores wait here after they execute; what may happen
 * to them before they leave for the acknowledgement point (or, for a
 * cacheable type, the cache) depends on their memory type (Arm ARM DDI0487
 * M.a.a, B2.10). Any write may wait here for any number of steps
 * (M-wb-linger): the explorer tries every interleaving, which covers
 * Normal-NC stores lingering until something forces them out.
 */
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { MERGE, MERGE_WITH, moveClass, type ClassFilter, type Model } from './model.ts';
import type { Draft } from './draft.ts';
import { isGuestWrite, isResetWrite, type Entry, type State, type TxnKind } from './state.ts';
import type { MergeStep, StepSink } from './step.ts';

/** What ordering rules look at: the kind (guest write or host access, and which peripheral) and the barrier epoch. */
export interface Access {
  readonly kind: TxnKind;
  readonly epoch: number;
}

/**
 * The guest's stores carry the combined type; host writes and reads use
 * Device-nGnRE mappings (nR, XS=1: ioremap()'s MT_DEVICE_nGnRE), M-type-combined.
 */
const nonReordering = (model: Model, kind: TxnKind): boolean => !isGuestWrite(kind) || !model.guestType.behaviour.reorder;
const xsOf = (model: Model, kind: TxnKind): boolean => (isGuestWrite(kind) ? model.guestType.behaviour.xs : true);
const peripheralOf = (kind: TxnKind): string => (isResetWrite(kind) ? RESET_METHODS[kind].peripheral : 'device');

/**
 * Earlier access `a` of a PE arrives before its later access `b`, and the
 * two never merge (B2.4.1.1 Peripheral arrival order), when:
 * - a DMB or DSB separates them (Barrier-ordered-before; M-barrier-dmb);
 * - both are non-Reordering, to the same peripheral and with the same XS
 *   attribute (program order; M-wb-drain-order, M-wb-xs: with FEAT_XS two
 *   nGnR* accesses with different XS have no architected arrival order).
 * The rule holds in the write buffer and again on the path (M-path-arrival-order).
 */
export function ordersBefore(model: Model, a: Access, b: Access): boolean {
  if (a.epoch < b.epoch) return true;
  return (
    nonReordering(model, a.kind) &&
    nonReordering(model, b.kind) &&
    peripheralOf(a.kind) === peripheralOf(b.kind) &&
    xsOf(model, a.kind) === xsOf(model, b.kind)
  );
}

/** Whether `access`, coming after the first `count` entries of `buffer`, is held back by none of them. */
export function nothingAhead(model: Model, buffer: readonly Entry[], access: Access, count = buffer.length): boolean {
  for (let i = 0; i < count; i += 1) if (ordersBefore(model, buffer[i]!, access)) return false;
  return true;
}

/** Entry `index` may leave the buffer: no earlier entry must leave before it. */
export function mayLeave(model: Model, buffer: readonly Entry[], index: number): boolean {
  const entry = buffer[index];
  return entry !== undefined && nothingAhead(model, buffer, entry, index);
}

/**
 * Gathering (M-wb-gather; B2.10.2.1, B2.10.1 for Normal memory): two guest
 * stores may merge into one transaction when the type permits it, they
 * fall in the same 64-byte granule, and no barrier separates them
 * ("gathering between two accesses, where one access is
 * barrier-ordered-before the other access, is not permitted"). Stores of
 * different vCPUs are in different buffers, so they never merge.
 */
function mayMerge(model: Model, a: Entry, b: Entry): boolean {
  return (
    model.guestType.behaviour.gather && a.kind === 'store' && b.kind === 'store' && a.region === b.region && a.epoch === b.epoch
  );
}

/** The merges of buffer `pe`, each pair once (`classes` leaves out pairs interchangeable with one already listed). */
export function mergeSteps(model: Model, s: State, pe: number, classes: ClassFilter, out: StepSink<MergeStep>): void {
  const buffer = s.buffers[pe] ?? [];
  // The classes taken below are merges' own: a type that never gathers lists nothing and affects nothing else.
  if (!model.guestType.behaviour.gather) return;
  for (let i = 0; i < buffer.length; i += 1) {
    const a = buffer[i]!;
    const from = moveClass(MERGE, pe);
    if (classes.taken(from, a, pe)) continue;
    classes.take(from, a);
    const withA = moveClass(MERGE_WITH, pe, i);
    for (let j = i + 1; j < buffer.length; j += 1) {
      const b = buffer[j]!;
      if (classes.taken(withA, b) || !mayMerge(model, a, b)) continue;
      classes.take(withA, b);
      out.push({ kind: 'merge', pe, first: i, second: j, a: a.stores, b: b.stores });
      // Every write that merges with `a` is of a's class: once that class is taken, none is left to list.
      if (classes.taken(withA, a)) break;
    }
  }
}

/** The merged write takes the first one's place in the buffer; the second is gone. */
export function merge(next: Draft, step: MergeStep): void {
  next.mergeEntries(step.pe, step.first, step.second, step.a, step.b);
}
