/**
 * The acknowledgement point: the interconnect (SoC) or PCIe root complex
 * where a write leaving a PE write buffer may be acknowledged before it
 * reaches its target. Whether it is decides when the write is *complete*,
 * which is all a DSB (and the DSB after a TLBI) waits for.
 */
import type { StoreBehaviour } from '../guest-type.ts';
import type { Knobs } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { ACCEPT, moveClass, type ClassFilter, type CompletionPoint, type Model } from './model.ts';
import { addTxn } from './path.ts';
import type { Draft } from './draft.ts';
import { isResetWrite, type State, type Txn, type TxnKind } from './state.ts';
import type { LeaveStep, StepSink } from './step.ts';
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
export function completionOfHostWrite(kind: TxnKind, knobs: Knobs): CompletionPoint {
  if (!knobs['early-ack']) return 'target';
  return isResetWrite(kind) ? RESET_METHODS[kind].completion : 'ack';
}

/** Where a write of this kind completes (a write-back as any write the platform acknowledges early). */
export function completionOf(model: Model, kind: TxnKind): CompletionPoint {
  return kind === 'store' ? model.guestCompletion : completionOfHostWrite(kind, model.knobs);
}

/** Where a write that keeps a barrier waiting is: in its PE's write buffer, or at `index` on path `path`. */
export type PendingWrite = { readonly buffer: number } | { readonly path: number; readonly index: number };

function onPath(s: State, waits: (txn: Txn) => boolean): PendingWrite | undefined {
  for (let p = 0; p < s.paths.length; p += 1) {
    const path = s.paths[p] ?? [];
    for (let index = 0; index < path.length; index += 1) if (waits(path[index]!)) return { path: p, index };
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
  return onPath(s, (txn) => txn.pe === pe && txn.kind !== 'read' && completionOf(model, txn.kind) === 'target');
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
  for (let buffer = 0; buffer < s.buffers.length; buffer += 1) {
    const entries = s.buffers[buffer]!;
    for (let i = 0; i < entries.length; i += 1) if (entries[i]!.kind === 'store') return { buffer };
  }
  return model.guestCompletion === 'ack' ? undefined : onPath(s, (txn) => txn.kind === 'store');
}

/** Every store of every vCPU is complete. */
export function guestStoresComplete(model: Model, s: State): boolean {
  return pendingGuestStore(model, s) === undefined;
}

/**
 * The writes that may leave buffer `pe` now (M-wb-reorder, M-wb-drain-order):
 * to the acknowledgement point, or for a cacheable guest store into the
 * cache (M-cache-line); `classes` leaves out writes interchangeable
 * with one already listed.
 */
export function leaveSteps(model: Model, s: State, pe: number, classes: ClassFilter, out: StepSink<LeaveStep>): void {
  const buffer = s.buffers[pe] ?? [];
  for (let index = 0; index < buffer.length; index += 1) {
    const entry = buffer[index]!;
    const where = moveClass(ACCEPT, pe);
    if (classes.taken(where, entry, pe) || !mayLeave(model, buffer, index)) continue;
    classes.take(where, entry);
    out.push({ kind: entry.kind === 'store' && model.cacheable ? 'into-cache' : 'accept', pe, index, entry });
  }
}

/** A write reaches the acknowledgement point, then travels its path. */
export function accept(model: Model, next: Draft, step: LeaveStep): void {
  const { kind, stores, op, epoch } = step.entry;
  next.dropEntry(step.pe, step.index);
  addTxn(model, next, { kind, pe: step.pe, stores, op, epoch });
}
