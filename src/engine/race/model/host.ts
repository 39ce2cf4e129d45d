/**
 * The host CPU (its own PE, or vCPU 0's with `same-pe`) tearing the device
 * down for its next owner: stage-2 unmap, barriers, cache maintenance, a
 * read, and the reset.
 */
import { hex } from '../language/printer.ts';
import type { ResetMethod } from '../types.ts';
import { guestStoresComplete, writesComplete } from './ack-point.ts';
import type { Model } from './model.ts';
import { clean } from './cache.ts';
import { hostWriteText } from './describe.ts';
import { guestsDone } from './guest.ts';
import { enterPath } from './path.ts';
import type { State } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { accessOf, enterBuffer, nothingAhead } from './write-buffer.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';

const ref = (s: State, what: string): string => `host:${s.hostPc}:${what}`;
const advance = (s: State): State => ({ ...s, hostPc: s.hostPc + 1, hostPhase: 0 });
const step = (s: State, what: string, event: string, next: State): Transition => transition('host', 'host-pe', event, ref(s, what), next);

/**
 * M-unmap-tlbi: unmap-s2, first half. The broadcast TLBI for the guest's
 * IPA range takes effect on every vCPU's PE. It may do so any time between
 * its issue and the DSB that follows (R_YNJCP), so one step at a
 * nondeterministic point stands for all; from then on stores of every
 * vCPU fault (R_LXHLD).
 */
function tlbi(s: State): Transition {
  const event = "unmap-s2: TLBI of the guest's IPA range takes effect; later guest stores fault";
  return step(s, 'tlbi', event, { ...s, unmapped: true, hostPhase: 1 });
}

/**
 * M-unmap-dsb: unmap-s2, second half. The DSB after the TLBI completes only
 * when the TLBI is finished, that is when every memory access of every
 * vCPU that used the old translation is complete (B2.4.1; D8.17.8 I_BBMSB,
 * R_DCJQM; DSB ISH suffices for the Inner Shareable domain, R_PSMWS), and
 * the host's own earlier writes are complete. With M-unmap-cleans it is
 * followed by the clean of every dirty line (stage2_unmap_walker() calls
 * dcache_clean_inval_poc() after stage2_unmap_put_pte()'s TLBI), whose own
 * DSB is phase 2.
 */
function dsbAfterTlbi(model: Model, s: State): Transition[] {
  if (!guestStoresComplete(model, s) || !writesComplete(model, s, model.hostBuffer)) return [];
  const event = 'DSB after the TLBI completes: every store that used the old translation is complete';
  if (!model.cacheable || !model.knobs['unmap-cleans']) return [step(s, 'tlbi-dsb', event, advance(s))];
  const cleaned = clean(model, { ...s, hostPhase: 2 }, 'all');
  return [step(s, 'tlbi-dsb', `${event}; the unmap cleans and invalidates every line of the range to the PoC`, cleaned)];
}

/** M-unmap-cleans: the clean's DSB waits for its write-backs to complete. */
function dsbAfterClean(model: Model, s: State): Transition[] {
  if (!writesComplete(model, s, model.hostBuffer)) return [];
  return [step(s, 'clean-dsb', "DSB after the unmap's clean completes: its write-backs are complete", advance(s))];
}

/** M-host-dsb: waits for the earlier writes of the PE it runs on (with same-pe, vCPU 0's too). */
function dsb(model: Model, s: State): Transition[] {
  if (!writesComplete(model, s, model.hostBuffer)) return [];
  const event = model.knobs['same-pe'] ? "dsb completes: the PE's earlier writes, vCPU 0's included, are complete" : 'dsb completes';
  return [step(s, 'dsb', event, advance(s))];
}

/** M-cache-dc-civac: clean and invalidate one line or all; the write-backs are the host PE's, for its next DSB. */
function dcCivac(model: Model, s: State, offset: number | 'all'): Transition {
  const what = offset === 'all' ? 'every line of the mapping' : `the line holding ${hex(offset)}`;
  return step(s, 'dc', `dc civac: cleans and invalidates ${what}; dirty data is written back`, advance(clean(model, s, offset)));
}

/**
 * M-host-read: a load from the device through the host's own (Device)
 * mapping; the host waits for the data, which comes back when the read
 * reaches the device (device.ts). It goes straight to the acknowledgement
 * point, held back only by earlier writes of its PE that it must arrive
 * after (B2.4.1.1).
 */
function read(model: Model, s: State, offset: number): Transition[] {
  const epoch = model.hostEpoch[s.hostPc] ?? 0;
  if (!nothingAhead(model, s.buffers[model.hostBuffer] ?? [], accessOf(model, { kind: 'read', epoch }))) return [];
  const next = enterPath(model, { ...s, hostPhase: 1 }, { kind: 'read', pe: model.hostBuffer, ids: s.hostPc, epoch });
  return [step(s, 'read', `reads ${hex(offset)} from the device and waits for the data`, next)];
}

/**
 * reset: the host writes the reset (a store to its PE's write buffer); it
 * does not wait for it. `reset reg` is a writel(), whose DMB OSHST gives
 * the write an epoch after every earlier write (M-writel, build.ts).
 */
function reset(model: Model, s: State, method: ResetMethod): Transition {
  const entry = { kind: method, ids: s.hostPc, region: -1, epoch: model.hostEpoch[s.hostPc] ?? 0 };
  const next = enterBuffer(advance(s), model.hostBuffer, entry);
  const how = RESET_METHODS[method].writel ? 'writel(): DMB OSHST, then ' : '';
  return step(s, 'reset', `${how}issues the ${hostWriteText(method)}`, next);
}

/** With guest-stops (or same-pe) the host starts only once every vCPU's program has run to its end (M-guest-stops). */
function hostMayRun(model: Model, s: State): boolean {
  return !model.knobs['guest-stops'] || guestsDone(model, s);
}

export function hostTransitions(model: Model, s: State): Transition[] {
  const op = model.host[s.hostPc];
  if (!op || !hostMayRun(model, s)) return [];
  switch (op.op) {
    case 'unmap-s2':
      if (s.hostPhase === 0) return [tlbi(s)];
      return s.hostPhase === 1 ? dsbAfterTlbi(model, s) : dsbAfterClean(model, s);
    case 'dsb':
      return dsb(model, s);
    case 'dc-civac':
      return [dcCivac(model, s, op.offset)];
    case 'read':
      return s.hostPhase === 0 ? read(model, s, op.offset) : [];
    case 'reset':
      return [reset(model, s, op.method)];
  }
}

