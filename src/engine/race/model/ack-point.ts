/**
 * The acknowledgement point: the interconnect (SoC) or PCIe root complex
 * where a write leaving a PE write buffer may be acknowledged before it
 * reaches its target. Whether it is decides when the write is *complete*,
 * which is all a DSB (and the DSB after a TLBI) waits for.
 */
import type { StoreBehaviour } from '../guest-type.ts';
import type { Knobs } from '../types.ts';
import { isResetMethod, RESET_METHODS } from '../vocabulary/reset-methods.ts';
import type { ClassFilter, CompletionPoint, Model } from './model.ts';
import { intoCache } from './cache.ts';
import { hostWriteText, storesText } from './describe.ts';
import { enterPath } from './path.ts';
import { removeAt, replaceAt, type Entry, type State, type Txn } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { mayLeave } from './write-buffer.ts';

/**
 * M-ack-point. Completion of the guest's stores (Arm ARM DDI0487 M.a.a, B2.10.2.3 Early
 * Write Acknowledgement): with the E attribute, and for Normal memory, any
 * point of the memory system may acknowledge a write, so it completes at
 * the acknowledgement point when the platform acknowledges early
 * (`early-ack`). With nE, only the endpoint acknowledges where the system
 * architecture requires it (`ne-honoured`; B2.4.1: a Device-nGnRnE write
 * to a peripheral is complete only when it can affect the peripheral); Arm
 * expects PCIe posted-write regions not to, hence the default no on pcie.
 */
export function completionOfGuestStores(behaviour: StoreBehaviour, knobs: Knobs): CompletionPoint {
  if (!knobs['early-ack']) return 'target';
  return behaviour.earlyAck || !knobs['ne-honoured'] ? 'ack' : 'target';
}

/**
 * M-ack-host. Completion of the host's reset writes. A config write (FLR) is a
 * non-posted request: it completes when the function returns its
 * completion, and B2.10.2.3 expects config regions to support endpoint
 * acknowledgement. Reset-controller and reset-register writes go through
 * the host's Device-nGnRE mapping (ioremap), so they complete early when
 * the platform acknowledges early; so do the firmware's (reset acpi), a
 * modelling assumption. A cache line's write-back is a Normal write and
 * completes like one (M-cache-dc-civac).
 */
export function completionOfHostWrite(kind: Txn['kind'], knobs: Knobs): CompletionPoint {
  if (!knobs['early-ack']) return 'target';
  return isResetMethod(kind) ? RESET_METHODS[kind].completion : 'ack';
}

function completionOf(model: Model, txn: Txn): CompletionPoint {
  return txn.kind === 'store' ? model.guestCompletion : completionOfHostWrite(txn.kind, model.knobs);
}

/** Where a write that keeps a barrier waiting is: in its PE's write buffer, or at `index` on path `path`. */
export type PendingWrite = { readonly buffer: number } | { readonly path: number; readonly index: number };

function onPath(s: State, waits: (txn: Txn) => boolean): PendingWrite | undefined {
  for (let p = 0; p < s.paths.length; p += 1) {
    const index = (s.paths[p] ?? []).findIndex(waits);
    if (index >= 0) return { path: p, index };
  }
  return undefined;
}

/**
 * A write issued through write buffer `pe` that is not complete yet: one
 * waiting in the buffer, or one on a path that completes only at its
 * target. A DSB waits until there is none (Arm ARM "Data Synchronization
 * Barrier": it completes when all explicit memory accesses before it are
 * complete; "complete" as B2.4.1 defines it, which for a write
 * acknowledged early is the acknowledgement, not the arrival at the device).
 */
export function pendingWrite(model: Model, s: State, pe: number): PendingWrite | undefined {
  if ((s.buffers[pe]?.length ?? 0) > 0) return { buffer: pe };
  return onPath(s, (txn) => txn.pe === pe && txn.kind !== 'read' && completionOf(model, txn) === 'target');
}

/** Every write issued through write buffer `pe` is complete. */
export function writesComplete(model: Model, s: State, pe: number): boolean {
  return pendingWrite(model, s, pe) === undefined;
}

/**
 * A store of some vCPU that is not complete (M-unmap-dsb): one waiting in
 * a write buffer, or one on a path that completes only at the device. A
 * cacheable store is complete once it is in the cache (M-cache-line).
 */
export function pendingGuestStore(model: Model, s: State): PendingWrite | undefined {
  const buffer = s.buffers.findIndex((entries) => entries.some((e) => e.kind === 'store'));
  if (buffer >= 0) return { buffer };
  return model.guestCompletion === 'ack' ? undefined : onPath(s, (txn) => txn.kind === 'store');
}

/** Every store of every vCPU is complete. */
export function guestStoresComplete(model: Model, s: State): boolean {
  return pendingGuestStore(model, s) === undefined;
}

function arrivalText(model: Model, entry: Entry): string {
  const what = entry.kind === 'store' ? storesText(model, entry.ids) : hostWriteText(entry.kind);
  const point = `the ${model.ackName}`;
  const completion = completionOf(model, { ...entry, pe: 0 });
  return completion === 'ack' ? `${what} acknowledged at ${point}` : `${what} passes ${point}, to be acknowledged by its target`;
}

/**
 * A write leaves its PE's buffer and reaches the acknowledgement point, then
 * travels its path; a cacheable guest store goes to the cache instead
 * (M-cache-line).
 */
export function acceptTransitions(model: Model, s: State, firstOfClass: ClassFilter): Transition[] {
  const out: Transition[] = [];
  s.buffers.forEach((buffer, pe) => {
    buffer.forEach((entry, i) => {
      if (!mayLeave(model, buffer, i) || !firstOfClass(`accept${pe}`, entry, pe)) return;
      const left: State = { ...s, buffers: replaceAt(s.buffers, pe, removeAt(buffer, i)) };
      if (entry.kind === 'store' && model.cacheable) {
        out.push(intoCache(model, left, pe, entry));
        return;
      }
      const next = enterPath(model, left, { kind: entry.kind, pe, ids: entry.ids, epoch: entry.epoch });
      out.push(transition('fabric', model.ackLane, arrivalText(model, entry), `accept:${pe}:${entry.kind}:${entry.ids}`, next));
    });
  });
  return out;
}
