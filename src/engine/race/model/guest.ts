/**
 * The guest's vCPUs, each on its own PE with its own write buffer, running
 * its program (M-agents). The guest may be malicious: every vCPU keeps
 * issuing stores until the host's stage-2 unmap takes effect, and stores
 * after that fault and are dropped (M-guest-malicious, M-fault-drop).
 */
import { writesComplete } from './ack-point.ts';
import type { Model } from './model.ts';
import type { Draft } from './draft.ts';
import type { Entry, State } from './state.ts';
import type { VcpuStep } from './step.ts';

/**
 * The next step of vCPU `k`, if its program has one and it is enabled:
 * - a store enters the vCPU's write buffer, carrying its barrier epoch and
 *   64-byte line (M-agents);
 * - M-fault-drop: after the TLBI took effect, the store's stage-2
 *   translation faults (R_LXHLD: no new access uses the old translation
 *   once the TLB maintenance is complete): KVM handles the abort, nothing
 *   is written;
 * - M-barrier-dmb: a dmb waits for nothing; later accesses get a new epoch,
 *   so they stay behind earlier ones (write-buffer.ts);
 * - M-barrier-dsb: a dsb completes only when every earlier write of this
 *   vCPU's PE is complete (ack-point.ts).
 */
export function vcpuStep(model: Model, s: State, k: number): VcpuStep | undefined {
  const pc = s.pcs[k] ?? 0;
  const op = model.vcpus[k]?.ops[pc];
  if (!op) return undefined;
  switch (op.op) {
    case 'store':
      return { kind: s.unmapped ? 'fault' : 'store', vcpu: k, pc };
    case 'dmb':
      return { kind: 'dmb', vcpu: k, pc };
    case 'dsb':
      return writesComplete(model, s, k) ? { kind: 'dsb', vcpu: k, pc } : undefined;
  }
}

/** The vCPU's step taken: its program counter moves on, and a store enters its buffer. */
export function vcpuNext(model: Model, next: Draft, step: VcpuStep): void {
  const k = step.vcpu;
  next.pcs[k] = step.pc + 1;
  if (step.kind !== 'store') return;
  const vcpu = model.vcpus[k]!;
  const entry: Entry = { kind: 'store', stores: vcpu.store[step.pc]!, op: -1, region: vcpu.region[step.pc]!, epoch: vcpu.epoch[step.pc]! };
  next.addEntry(k, entry);
}

/** Every vCPU's program has run to its end (M-guest-stops). */
export function guestsDone(model: Model, s: State): boolean {
  return model.vcpus.every((vcpu, k) => (s.pcs[k] ?? 0) >= vcpu.ops.length);
}
