/**
 * The PE write buffer. Stores wait here after they execute; what may happen
 * to them before they leave for the acknowledgement point depends on their
 * memory type (Arm ARM DDI0487 M.a.a, B2.10). Any write may wait here for
 * any number of steps: the explorer tries every interleaving, which covers
 * Normal-NC stores lingering until something forces them out.
 */
import type { Model } from './build.ts';
import { storesText } from './describe.ts';
import { replaceAt, removeAt, type Entry, type State, type Txn } from './state.ts';
import { transition, type Transition } from './transition.ts';
import type { ClassFilter } from './transitions.ts';

/** What ordering rules look at: barrier epoch, non-Reordering, and which peripheral is addressed. */
export interface Access {
  readonly epoch: number;
  readonly nonReordering: boolean;
  readonly peripheral: 'device' | 'reset-controller' | 'config';
}

const peripheralOf: Record<Txn['kind'], Access['peripheral']> = {
  store: 'device',
  read: 'device',
  reg: 'device',
  ctrl: 'reset-controller',
  flr: 'config',
};

/** The guest's stores carry the combined type; host writes and reads use Device-nGnRE/nGnRnE mappings (nR). */
export function accessOf(model: Model, access: { readonly kind: Txn['kind']; readonly epoch: number }): Access {
  return {
    epoch: access.epoch,
    nonReordering: access.kind !== 'store' || !model.guestType.behaviour.reorder,
    peripheral: peripheralOf[access.kind],
  };
}

/**
 * Earlier access `a` of a PE arrives before its later access `b`, and the
 * two never merge (B2.4.1.1 Peripheral arrival order), when:
 * - a DMB or DSB separates them (Barrier-ordered-before; B2.10.1.3 and
 *   B2.10.2: a DMB orders all accesses to a peripheral);
 * - both are non-Reordering and to the same peripheral (B2.10.2.2: program
 *   order, including a mixture of Device-nGnRE and Device-nGnRnE).
 * The rule holds in the write buffer and again on the path (path.ts).
 */
export function ordersBefore(a: Access, b: Access): boolean {
  return a.epoch < b.epoch || (a.nonReordering && b.nonReordering && a.peripheral === b.peripheral);
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

/** The granule within which stores may merge into one write transaction: a 64-byte line, the largest write burst of common Arm interconnects. */
export const MERGE_GRANULE = 64;

/**
 * Gathering (B2.10.2.1; B2.10.1 for Normal memory): two guest stores may
 * merge into one transaction when the type permits it, they fall in the
 * same 64-byte granule, and no barrier separates them ("gathering between
 * two accesses, where one access is barrier-ordered-before the other
 * access, is not permitted").
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
      if (!firstOfClass(`merge${pe}`, a)) return;
      for (let j = i + 1; j < buffer.length; j += 1) {
        const b = buffer[j];
        if (!b || !mayMerge(model, a, b) || !firstOfClass(`merge${pe}.${i}`, b)) continue;
        const merged: Entry = { ...a, ids: a.ids | b.ids };
        const next = { ...s, buffers: replaceAt(s.buffers, pe, removeAt(replaceAt(buffer, i, merged), j)) };
        const event = `${storesText(model, a.ids)} and ${storesText(model, b.ids)} merge in the write buffer`;
        out.push(transition('guest', 'guest-pe', event, `merge:${pe}:${a.ids}:${b.ids}`, next));
      }
    });
  });
  return out;
}
