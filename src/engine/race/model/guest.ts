/**
 * The guest's vCPUs, each on its own PE with its own write buffer, running
 * its program (M-agents). The guest may be malicious: every vCPU keeps
 * issuing stores until the host's stage-2 unmap takes effect, and stores
 * after that fault and are dropped (M-guest-malicious, M-fault-drop).
 */
import { hex } from '../language/printer.ts';
import { vcpuActor, vcpuLane } from '../types.ts';
import { writesComplete } from './ack-point.ts';
import { MERGE_GRANULE, type Model } from './model.ts';
import { replaceAt, type State } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { enterBuffer } from './write-buffer.ts';

const ref = (k: number, pc: number, what: string): string => `${vcpuActor(k)}:${pc}:${what}`;
const advance = (s: State, k: number): State => ({ ...s, pcs: replaceAt(s.pcs, k, (s.pcs[k] ?? 0) + 1) });

function step(k: number, pc: number, what: string, event: string, next: State): Transition {
  return transition(vcpuActor(k), vcpuLane(k), event, ref(k, pc, what), next);
}

/** A store executes: it enters the vCPU's write buffer, carrying its barrier epoch and 64-byte line. */
function store(model: Model, s: State, k: number, pc: number, offset: number): Transition {
  const vcpu = model.vcpus[k];
  const entry = {
    kind: 'store' as const,
    ids: 1 << (vcpu?.storeIndex[pc] ?? 0),
    region: model.lines.indexOf(Math.floor(offset / MERGE_GRANULE)),
    epoch: vcpu?.epoch[pc] ?? 0,
  };
  return step(k, pc, 'store', `store ${hex(offset)} enters the write buffer`, enterBuffer(advance(s, k), k, entry));
}

/**
 * M-fault-drop: after the TLBI took effect, the store's stage-2
 * translation faults (R_LXHLD: no new access uses the old translation once
 * the TLB maintenance is complete): KVM handles the abort, nothing is written.
 */
function storeFaults(s: State, k: number, pc: number, offset: number): Transition {
  return step(k, pc, 'fault', `store ${hex(offset)} faults at stage 2 (unmapped) and is dropped`, advance(s, k));
}

/** M-barrier-dmb: no wait; later accesses get a new epoch, so they stay behind earlier ones (write-buffer.ts). */
function dmb(s: State, k: number, pc: number): Transition {
  return step(k, pc, 'dmb', 'dmb: later stores stay behind earlier ones', advance(s, k));
}

/** M-barrier-dsb: completes only when every earlier write of this vCPU's PE is complete (ack-point.ts). */
function dsb(model: Model, s: State, k: number, pc: number): Transition[] {
  if (!writesComplete(model, s, k)) return [];
  return [step(k, pc, 'dsb', 'dsb completes: its earlier stores are complete', advance(s, k))];
}

/** The next step of vCPU `k`, if its program has one. */
export function vcpuTransitions(model: Model, s: State, k: number): Transition[] {
  const pc = s.pcs[k] ?? 0;
  const op = model.vcpus[k]?.ops[pc];
  if (!op) return [];
  switch (op.op) {
    case 'store':
      return [s.unmapped ? storeFaults(s, k, pc, op.offset) : store(model, s, k, pc, op.offset)];
    case 'dmb':
      return [dmb(s, k, pc)];
    case 'dsb':
      return dsb(model, s, k, pc);
  }
}

/** The next step of every vCPU, except the twins that transitions.ts leaves out. */
export function guestTransitions(model: Model, s: State, twins?: ReadonlySet<number>): Transition[] {
  return model.vcpus.flatMap((_, k) => (twins?.has(k) ? [] : vcpuTransitions(model, s, k)));
}

/** Every vCPU's program has run to its end (M-guest-stops). */
export function guestsDone(model: Model, s: State): boolean {
  return model.vcpus.every((vcpu, k) => (s.pcs[k] ?? 0) >= vcpu.ops.length);
}
