/**
 * The PE write buffer. Stores wait here after they execute; what may happen
 * to them before they leave for the acknowledgement point (or, for a
 * cacheable type, the cache) depends on their memory type (Arm ARM DDI0487
 * M.a.a, B2.10). Any write may wait here for any number of steps
 * (M-wb-linger): the explorer tries every interleaving, which covers
 * Normal-NC stores lingering until something forces them out.
 */
import { vcpuActor, vcpuLane, type Actor, type Lane } from '../types.ts';
import type { ClassFilter, Model } from './model.ts';
import { storesText } from './describe.ts';
import { isGuestWrite, replaceAt, removeAt, type Entry, type State, type TxnKind } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { isResetMethod, RESET_METHODS, type ResetMethodInfo } from '../vocabulary/reset-methods.ts';

/** What ordering rules look at: barrier epoch, non-Reordering, the XS attribute, and which peripheral is addressed. */
export interface Access {
  readonly epoch: number;
  readonly nonReordering: boolean;
  readonly xs: boolean;
  readonly peripheral: ResetMethodInfo['peripheral'];
}

const peripheralOf = (kind: TxnKind): Access['peripheral'] => (isResetMethod(kind) ? RESET_METHODS[kind].peripheral : 'device');

/**
 * The guest's stores carry the combined type; host writes and reads use
 * Device-nGnRE mappings (nR, XS=1: ioremap()'s MT_DEVICE_nGnRE), M-type-combined.
 */
export function accessOf(model: Model, access: { readonly kind: TxnKind; readonly epoch: number }): Access {
  const guest = isGuestWrite(access.kind);
  return {
    epoch: access.epoch,
    nonReordering: !guest || !model.guestType.behaviour.reorder,
    xs: guest ? model.guestType.behaviour.xs : true,
    peripheral: peripheralOf(access.kind),
  };
}

/**
 * Earlier access `a` of a PE arrives before its later access `b`, and the
 * two never merge (B2.4.1.1 Peripheral arrival order), when:
 * - a DMB or DSB separates them (Barrier-ordered-before; M-barrier-dmb);
 * - both are non-Reordering, to the same peripheral and with the same XS
 *   attribute (program order; M-wb-drain-order, M-wb-xs: with FEAT_XS two
 *   nGnR* accesses with different XS have no architected arrival order).
 * The rule holds in the write buffer and again on the path (M-path-arrival-order).
 */
export function ordersBefore(a: Access, b: Access): boolean {
  return a.epoch < b.epoch || (a.nonReordering && b.nonReordering && a.peripheral === b.peripheral && a.xs === b.xs);
}

/** Whether `access`, coming after every entry of `buffer`, is held back by none of them. */
export function nothingAhead(model: Model, buffer: readonly Entry[], access: Access): boolean {
  return buffer.every((earlier) => !ordersBefore(accessOf(model, earlier), access));
}

/** Entry `index` may leave the buffer: no earlier entry must leave before it. */
export function mayLeave(model: Model, buffer: readonly Entry[], index: number): boolean {
  const entry = buffer[index];
  return entry !== undefined && nothingAhead(model, buffer.slice(0, index), accessOf(model, entry));
}

/** Appends a write to buffer `pe` (program order is buffer order). */
export function enterBuffer(s: State, pe: number, entry: Entry): State {
  return { ...s, buffers: replaceAt(s.buffers, pe, [...(s.buffers[pe] ?? []), entry]) };
}

/** Who owns write buffer `pe` in a trace: a vCPU (vCPU 0 also with same-pe) or the host. */
export function bufferOwner(model: Model, pe: number): { readonly actor: Actor; readonly lane: Lane } {
  return pe < model.vcpus.length ? { actor: vcpuActor(pe), lane: vcpuLane(pe) } : { actor: 'host', lane: 'host-pe' };
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

export function mergeTransitions(model: Model, s: State, firstOfClass: ClassFilter): Transition[] {
  const out: Transition[] = [];
  s.buffers.forEach((buffer, pe) => {
    buffer.forEach((a, i) => {
      if (!firstOfClass(`merge${pe}`, a, pe)) return;
      for (let j = i + 1; j < buffer.length; j += 1) {
        const b = buffer[j];
        if (!b || !mayMerge(model, a, b) || !firstOfClass(`merge${pe}.${i}`, b)) continue;
        const merged: Entry = { ...a, ids: a.ids | b.ids };
        const next = { ...s, buffers: replaceAt(s.buffers, pe, removeAt(replaceAt(buffer, i, merged), j)) };
        const event = `${storesText(model, a.ids)} and ${storesText(model, b.ids)} merge in the write buffer`;
        const owner = bufferOwner(model, pe);
        out.push(transition(owner.actor, owner.lane, event, `merge:${pe}:${a.ids}:${b.ids}`, next));
      }
    });
  });
  return out;
}
