/**
 * The host CPU (PE1, or PE0 itself with `same-pe`) tearing the device down
 * for its next owner: stage-2 unmap, barriers, a read, and the reset.
 */
import { hex } from '../printer.ts';
import type { ResetMethod } from '../types.ts';
import { guestStoresComplete, writesComplete } from './ack-point.ts';
import type { Model } from './build.ts';
import { hostWriteText } from './describe.ts';
import { enterPath } from './path.ts';
import type { State } from './state.ts';
import { transition, type Transition } from './transition.ts';
import { accessOf, enterBuffer, nothingAhead } from './write-buffer.ts';

const ref = (s: State, what: string): string => `host:${s.hostPc}:${what}`;
const advance = (s: State): State => ({ ...s, hostPc: s.hostPc + 1, hostPhase: 0 });

/**
 * unmap-s2, first half: the TLBI for the guest's IPA range takes effect on
 * the guest's PE. It may do so any time between its issue and the DSB that
 * follows (R_YNJCP), so one step at a nondeterministic point stands for
 * both; from then on guest stores fault (R_LXHLD).
 */
function tlbi(s: State): Transition {
  const event = "unmap-s2: TLBI of the guest's IPA range takes effect; later guest stores fault";
  return transition('host', 'host-pe', event, ref(s, 'tlbi'), { ...s, unmapped: true, hostPhase: 1 });
}

/**
 * unmap-s2, second half: the DSB after the TLBI completes only when the
 * TLBI is finished, that is when every memory access that used the old
 * translation is complete (B2.4.1; D8.17.8 I_BBMSB, R_DCJQM; DSB ISH
 * suffices for the Inner Shareable domain, R_PSMWS), and the host's own
 * earlier writes are complete.
 */
function dsbAfterTlbi(model: Model, s: State): Transition[] {
  if (!guestStoresComplete(model, s) || !writesComplete(model, s, model.hostBuffer)) return [];
  const event = 'DSB after the TLBI completes: every store that used the old translation is complete';
  return [transition('host', 'host-pe', event, ref(s, 'tlbi-dsb'), advance(s))];
}

/** dsb: waits for the earlier writes of the PE it runs on (with same-pe, the guest's too). */
function dsb(model: Model, s: State): Transition[] {
  if (!writesComplete(model, s, model.hostBuffer)) return [];
  const event = model.knobs['same-pe'] ? "dsb completes: the PE's earlier writes, the guest's included, are complete" : 'dsb completes';
  return [transition('host', 'host-pe', event, ref(s, 'dsb'), advance(s))];
}

/**
 * read: a load from the device through the host's own (Device) mapping; the
 * host waits for the data, which comes back when the read reaches the
 * device (device.ts). It goes straight to the acknowledgement point, held
 * back only by earlier writes of its PE that it must arrive after (B2.4.1.1).
 */
function read(model: Model, s: State, offset: number): Transition[] {
  const epoch = model.hostEpoch[s.hostPc] ?? 0;
  if (!nothingAhead(model, s.buffers[model.hostBuffer] ?? [], accessOf(model, { kind: 'read', epoch }))) return [];
  const next = enterPath(model, { ...s, hostPhase: 1 }, { kind: 'read', pe: model.hostBuffer, ids: s.hostPc, epoch });
  return [transition('host', 'host-pe', `reads ${hex(offset)} from the device and waits for the data`, ref(s, 'read'), next)];
}

/** reset: the host writes the reset (a store to its PE's write buffer); it does not wait for it. */
function reset(model: Model, s: State, method: ResetMethod): Transition {
  const entry = { kind: method, ids: s.hostPc, region: -1, epoch: model.hostEpoch[s.hostPc] ?? 0 };
  const next = enterBuffer(advance(s), model.hostBuffer, entry);
  return transition('host', 'host-pe', `issues the ${hostWriteText(method)}`, ref(s, 'reset'), next);
}

/** With guest-stops (or same-pe) the host starts only once the guest's program has run to its end. */
function hostMayRun(model: Model, s: State): boolean {
  return !model.knobs['guest-stops'] || s.guestPc === model.guest.length;
}

export function hostTransitions(model: Model, s: State): Transition[] {
  const op = model.host[s.hostPc];
  if (!op || !hostMayRun(model, s)) return [];
  switch (op.op) {
    case 'unmap-s2':
      return s.hostPhase === 0 ? [tlbi(s)] : dsbAfterTlbi(model, s);
    case 'dsb':
      return dsb(model, s);
    case 'read':
      return s.hostPhase === 0 ? read(model, s, op.offset) : [];
    case 'reset':
      return [reset(model, s, op.method)];
  }
}
