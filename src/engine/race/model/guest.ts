/**
 * The guest vCPU (PE0) running its program. It may be malicious: it keeps
 * issuing stores until the host's stage-2 unmap takes effect, and stores
 * after that fault and are dropped (M-guest-malicious, M-fault-drop).
 */
import { hex } from '../printer.ts';
import { writesComplete } from './ack-point.ts';
import type { Model } from './build.ts';
import type { State } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { enterBuffer, MERGE_GRANULE } from './write-buffer.ts';

const ref = (s: State, what: string): string => `guest:${s.guestPc}:${what}`;

/** A store executes: it enters the write buffer, carrying its barrier epoch and merge granule. */
function store(model: Model, s: State, offset: number): Transition {
  const entry = {
    kind: 'store' as const,
    ids: 1 << (model.storeIndex[s.guestPc] ?? 0),
    region: Math.floor(offset / MERGE_GRANULE),
    epoch: model.guestEpoch[s.guestPc] ?? 0,
  };
  const next = enterBuffer({ ...s, guestPc: s.guestPc + 1 }, model.guestBuffer, entry);
  return transition('guest', 'guest-pe', `store ${hex(offset)} enters the write buffer`, ref(s, 'store'), next);
}

/**
 * After the TLBI took effect, the store's stage-2 translation faults
 * (R_LXHLD: no new access uses the old translation once the TLB
 * maintenance is complete): KVM handles the abort, nothing is written.
 */
function storeFaults(s: State, offset: number): Transition {
  const event = `store ${hex(offset)} faults at stage 2 (unmapped) and is dropped`;
  return transition('guest', 'guest-pe', event, ref(s, 'fault'), { ...s, guestPc: s.guestPc + 1 });
}

/** DMB: no wait; later accesses get a new epoch, so they stay behind earlier ones (write-buffer.ts). */
function dmb(s: State): Transition {
  return transition('guest', 'guest-pe', 'dmb: later stores stay behind earlier ones', ref(s, 'dmb'), { ...s, guestPc: s.guestPc + 1 });
}

/** DSB: completes only when every earlier write of this PE is complete (ack-point.ts). */
function dsb(model: Model, s: State): Transition[] {
  if (!writesComplete(model, s, model.guestBuffer)) return [];
  return [transition('guest', 'guest-pe', 'dsb completes: its earlier stores are complete', ref(s, 'dsb'), { ...s, guestPc: s.guestPc + 1 })];
}

export function guestTransitions(model: Model, s: State): Transition[] {
  const op = model.guest[s.guestPc];
  if (!op) return [];
  switch (op.op) {
    case 'store':
      return [s.unmapped ? storeFaults(s, op.offset) : store(model, s, op.offset)];
    case 'dmb':
      return [dmb(s)];
    case 'dsb':
      return dsb(model, s);
  }
}
