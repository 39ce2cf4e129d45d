/**
 * The host CPU (its own PE, or vCPU 0's with `same-pe`) tearing the device
 * down for its next owner: stage-2 unmap, barriers, cache maintenance, a
 * read, and the reset.
 */
import { guestStoresComplete, writesComplete } from './ack-point.ts';
import { clean } from './cache.ts';
import { guestsDone } from './guest.ts';
import type { HostOp } from '../types.ts';
import { NO_STORES, type Model } from './model.ts';
import { addTxn } from './path.ts';
import type { Draft } from './draft.ts';
import type { State } from './state.ts';
import type { HostStep } from './step.ts';
import { nothingAhead } from './write-buffer.ts';

/** The host moves on to its next op. */
function advance(next: Draft): void {
  next.hostPc += 1;
  next.hostPhase = 0;
}

/** With guest-stops (or same-pe) the host starts only once every vCPU's program has run to its end (M-guest-stops). */
function hostMayRun(model: Model, s: State): boolean {
  return !model.knobs['guest-stops'] || guestsDone(model, s);
}

/** The DSBs of the host wait for the earlier writes of the PE it runs on (with same-pe, vCPU 0's too; M-host-dsb). */
const ownWritesComplete = (model: Model, s: State): boolean => writesComplete(model, s, model.hostBuffer);

/**
 * M-host-read: a load from the device through the host's own (Device)
 * mapping goes straight to the acknowledgement point, held back only by
 * earlier writes of its PE that it must arrive after (B2.4.1.1).
 */
function readMayIssue(model: Model, s: State): boolean {
  return nothingAhead(model, s.buffers[model.hostBuffer] ?? [], { kind: 'read', epoch: model.hostEpoch[s.hostPc] ?? 0 });
}

/** Whether the host's current step is enabled, and which it is. */
function hostStepKind(model: Model, s: State): HostStep['kind'] | undefined {
  const op = model.host[s.hostPc];
  if (!op || !hostMayRun(model, s)) return undefined;
  switch (op.op) {
    case 'unmap-s2':
      if (s.hostPhase === 0) return 'tlbi';
      // M-unmap-dsb waits for every guest store and the host's own writes; M-unmap-cleans' DSB for the write-backs.
      if (s.hostPhase === 1) return guestStoresComplete(model, s) && ownWritesComplete(model, s) ? 'tlbi-dsb' : undefined;
      return ownWritesComplete(model, s) ? 'clean-dsb' : undefined;
    case 'dsb':
      return ownWritesComplete(model, s) ? 'host-dsb' : undefined;
    case 'dc-civac':
      return 'dc-civac';
    case 'read':
      // Phase 1: waiting for the data, which only the read's arrival brings (device.ts).
      return s.hostPhase === 0 && readMayIssue(model, s) ? 'read' : undefined;
    case 'reset':
      return 'issue-reset';
  }
}

/** The host's next step, when it is enabled. */
export function hostStep(model: Model, s: State): HostStep | undefined {
  const kind = hostStepKind(model, s);
  return kind === undefined ? undefined : { kind, op: s.hostPc };
}

/** The host op a step belongs to, of the kind the step needs. */
export function opOf<K extends HostOp['op']>(model: Model, step: HostStep, kind: K): Extract<HostOp, { op: K }> {
  const op = model.host[step.op];
  if (op?.op !== kind) throw new Error(`internal error: host op ${step.op} is not ${kind}`);
  return op as Extract<HostOp, { op: K }>;
}

/** The host's step taken, in the draft of the successor. */
export function hostNext(model: Model, next: Draft, step: HostStep): void {
  switch (step.kind) {
    case 'tlbi':
      /*
       * M-unmap-tlbi: unmap-s2, first half. The broadcast TLBI for the
       * guest's IPA range takes effect on every vCPU's PE. It may do so any
       * time between its issue and the DSB that follows (R_YNJCP), so one
       * step at a nondeterministic point stands for all; from then on
       * stores of every vCPU fault (R_LXHLD).
       */
      next.unmapped = true;
      next.hostPhase = 1;
      return;
    case 'tlbi-dsb':
      /*
       * M-unmap-dsb: unmap-s2, second half. The DSB after the TLBI
       * completes only when the TLBI is finished, that is when every memory
       * access of every vCPU that used the old translation is complete
       * (B2.4.1; D8.17.8 I_BBMSB, R_DCJQM; DSB ISH suffices for the Inner
       * Shareable domain, R_PSMWS), and the host's own earlier writes are
       * complete. With M-unmap-cleans it is followed by the clean of every
       * dirty line (stage2_unmap_walker() calls dcache_clean_inval_poc()
       * after stage2_unmap_put_pte()'s TLBI), whose own DSB is phase 2.
       */
      if (!unmapCleans(model)) return advance(next);
      next.hostPhase = 2;
      return clean(model, next, 'all');
    case 'clean-dsb':
    case 'host-dsb':
      return advance(next);
    case 'dc-civac':
      // M-cache-dc-civac: clean and invalidate one line or all; the write-backs are the host PE's, for its next DSB.
      clean(model, next, opOf(model, step, 'dc-civac').offset);
      return advance(next);
    case 'read':
      // The host waits for the data, which comes back when the read reaches the device (device.ts).
      next.hostPhase = 1;
      return addTxn(model, next, { kind: 'read', pe: model.hostBuffer, stores: NO_STORES, op: next.hostPc, epoch: model.hostEpoch[next.hostPc] ?? 0 });
    case 'issue-reset': {
      /*
       * reset: the host writes the reset (a store to its PE's write buffer);
       * it does not wait for it. `reset reg` is a writel(), whose DMB OSHST
       * gives the write an epoch after every earlier write (M-writel, build.ts).
       */
      const entry = { kind: opOf(model, step, 'reset').method, stores: NO_STORES, op: next.hostPc, region: -1, epoch: model.hostEpoch[next.hostPc] ?? 0 };
      advance(next);
      return next.addEntry(model.hostBuffer, entry);
    }
  }
}

/** M-unmap-cleans: the unmap cleans the cache after its DSB (cacheable types, the knob on). */
export function unmapCleans(model: Model): boolean {
  return model.cacheable && model.knobs['unmap-cleans'];
}
