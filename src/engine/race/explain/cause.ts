/**
 * Why a counterexample is one, in one sentence: which guest write reached
 * the device after the reset, what let it escape the host's waits (where
 * it was when the host issued the reset), and which ordering guarantee was
 * missing between it and the reset's path. Derived from the steps as the
 * model takes them (each step's kind and operands, replayed) and the
 * rules they apply, never from the steps' words, so every counterexample
 * of every scenario gets its sentence.
 */
import { ReplayError } from '../explore/replay.ts';
import { completionOf } from '../model/ack-point.ts';
import { bufferOwner, describeStep, storesText } from '../model/describe.ts';
import { unmapCleans } from '../model/host.ts';
import { EVERY_MOVE, type Model } from '../model/model.ts';
import { route } from '../model/path.ts';
import { isNonPosted } from '../model/root-complex.ts';
import { SIDE_PATH, startState, type State, type Txn } from '../model/state.ts';
import type { Step } from '../model/step.ts';
import { movesOf, nextState, stepsOf } from '../model/transitions.ts';
import { hex } from '../language/printer.ts';
import type { ResetMethod, TraceStep } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';

/** One clause of the sentence and the rules it rests on; `follows` joins it to the clause before with a comma. */
export interface Reason {
  readonly text: string;
  readonly rules: readonly string[];
  readonly follows?: boolean;
}

/** Where the late write was when the host issued the reset. */
export type Whereabouts = 'not-issued' | 'in-buffer' | 'in-cache' | 'on-path';

export interface Cause {
  /** The late write, as a sentence names it ("the guest's store 0x8"). */
  readonly write: string;
  /** The step (1-based) at which it reached the device. */
  readonly step: number;
  readonly where: Whereabouts;
  /** What let it escape the host's waits, then what did not keep it ahead of the reset. */
  readonly reasons: readonly Reason[];
}

/** The trace's steps as the model took them, and the state before each (and after the last). */
function replaySteps(model: Model, trace: readonly TraceStep[]): { steps: Step[]; states: State[] } {
  let s = startState(model);
  const steps: Step[] = [];
  const states: State[] = [s];
  trace.forEach((taken, i) => {
    const step = stepsOf(model, s, movesOf(model, s), EVERY_MOVE).find((candidate) => describeStep(model, candidate).ref === taken.ref);
    if (!step) throw new ReplayError(`step ${i + 1} (${taken.actor}: ${taken.event}) is not possible here`);
    s = nextState(model, s, step);
    steps.push(step);
    states.push(s);
  });
  return { steps, states };
}

const onPath = (s: State, is: (txn: Txn) => boolean): boolean => s.paths.some((path) => path.some(is));

/** Where the stores of `write` were in state `s`. */
function whereabouts(model: Model, s: State, write: Txn): { where: Whereabouts; pe?: number } {
  const stores = write.stores;
  const unissued = model.vcpus.some((vcpu, k) => vcpu.store.slice(s.pcs[k] ?? 0).some((store) => (store & stores) !== 0n));
  if (unissued) return { where: 'not-issued' };
  const pe = s.buffers.findIndex((buffer) => buffer.some((entry) => (entry.stores & stores) !== 0n));
  if (pe >= 0) return { where: 'in-buffer', pe };
  if (s.dirty.some((line) => (line & stores) !== 0n)) return { where: 'in-cache' };
  return { where: 'on-path' };
}

function writeName(model: Model, write: Txn): string {
  const stores = storesText(model, write.stores);
  const name = model.vcpus.length === 1 ? `the guest's ${stores}` : stores;
  return write.kind === 'writeback' ? `the write-back of ${name}` : name;
}

const reason = (text: string, ...rules: string[]): Reason => ({ text, rules });

/** What let the write escape the waits the host did before issuing the reset (`before`: the steps up to then). */
function escape(model: Model, write: Txn, at: { where: Whereabouts; pe?: number }, before: readonly Step[], reset: string, evicted: boolean): Reason[] {
  const did = (kind: Step['kind']): boolean => before.some((step) => step.kind === kind);
  const unmapWaited = did('tlbi-dsb');
  switch (at.where) {
    case 'not-issued':
      return [reason(`the guest issued it only after the host had issued the ${reset}, as no stage-2 unmap came first to stop the guest`, 'M-guest-malicious', 'M-unmap-tlbi')];
    case 'in-buffer': {
      const owner = model.vcpus.length === 1 ? 'the guest' : bufferOwner(model, at.pe ?? 0).actor;
      const reasons = [reason(`it was still in ${owner}'s write buffer when the host issued the ${reset}`)];
      if (did('host-dsb') && at.pe !== model.hostBuffer) reasons.push(reason("the host's dsb waits only for the writes of its own PE", 'M-host-dsb'));
      if (!unmapWaited) reasons.push(reason('no unmap-s2 before the reset waited for every guest store', 'M-unmap-dsb'));
      return reasons;
    }
    case 'in-cache': {
      const reasons = [reason(`its data was still in a dirty cache line when the host issued the ${reset}`)];
      if (unmapWaited && !unmapCleans(model)) reasons.push(reason('the unmap cleans no line with unmap-cleans=no', 'M-unmap-cleans'));
      reasons.push(reason('nothing cleaned the line before the reset', 'M-cache-dc-civac'));
      if (evicted) reasons.push(reason('an eviction wrote it back later, which nothing orders', 'M-cache-evict'));
      return reasons;
    }
    case 'on-path': {
      if (completionOf(model, write.kind) !== 'ack') return [reason(`it was still on its way to the device, and no unmap-s2 or dsb before the ${reset} waited for it`, 'M-unmap-dsb', 'M-host-dsb')];
      const early = reason(`it had been acknowledged early at the ${model.ackName}`, 'M-ack-point');
      const then = (text: string, rule: string): Reason => ({ ...reason(text, rule), follows: true });
      if (unmapWaited) return [early, then("so the unmap's DSB counted it complete", 'M-unmap-dsb')];
      if (did('host-dsb') && write.pe === model.hostBuffer) return [early, then("so the host's dsb counted it complete", 'M-host-dsb')];
      return [early, then('and no unmap-s2 before the reset waited for it', 'M-unmap-dsb')];
    }
  }
}

/** What did not keep the write ahead of the reset on the way to the device: the reset's path, and any read that overtook it or came too early. */
function pathReasons(model: Model, steps: readonly Step[], states: readonly State[], written: number, reset: Txn & { kind: ResetMethod }): Reason[] {
  const entered = (is: (txn: Txn) => boolean): number => states.findIndex((s) => onPath(s, is)) - 1;
  const resetWrite = RESET_METHODS[reset.kind].write;
  const reasons: Reason[] = [];
  const last = steps.length - 1;
  steps.forEach((step, at) => {
    if (step.kind !== 'read') return;
    const op = model.host[step.op];
    const read = `the read of ${hex(op?.op === 'read' ? op.offset : 0)}`;
    const answered = steps.findIndex((later) => later.kind === 'answer' && later.txn.op === step.op);
    if (at > written && answered >= 0 && answered < last) reasons.push(reason(`${read} overtook it, as np-pushes=no`, 'M-path-np-pushes'));
    else if (answered >= 0 && answered < written) reasons.push(reason(`${read} had returned before it entered the device path`, 'M-host-read'));
  });
  if (route(model, reset.kind) === SIDE_PATH) {
    const rules = ['M-path-side', RESET_METHODS[reset.kind].rule, ...(RESET_METHODS[reset.kind].route === 'config' ? ['M-pcie-config-order'] : [])];
    reasons.push(reason(`the ${resetWrite} takes a path of its own that nothing orders with the device's`, ...rules));
    return reasons;
  }
  const resetEntered = entered((txn) => txn.kind === reset.kind && txn.op === reset.op);
  // The rule that would keep the reset behind a write already on the path: a non-posted request is pushed, a posted write keeps order.
  const [knob, rule] = isNonPosted(reset.kind) ? ['np-pushes', 'M-path-np-pushes'] : ['write-order', 'M-path-write-order'];
  if (written < resetEntered) reasons.push(reason(`the ${resetWrite} overtook it on the device path, as ${knob}=no`, rule));
  else reasons.push(reason(`it entered the device path only after the ${resetWrite}, which keeps behind it only what is already ahead`, rule));
  return reasons;
}

/** The cause of an unsafe verdict's counterexample; undefined for a trace that does not end in a late write. */
export function causeOf(model: Model, trace: readonly TraceStep[]): Cause | undefined {
  const { steps, states } = replaySteps(model, trace);
  const final = steps.at(-1);
  if (final?.kind !== 'receive' || !final.late) return undefined;
  const write = final.txn;
  const resetAt = states.findIndex((s) => s.reset) - 1;
  const resetStep = steps[resetAt];
  if (resetStep?.kind !== 'reset') return undefined;
  const reset = resetStep.txn as Txn & { kind: ResetMethod };
  const issued = steps.findIndex((step) => step.kind === 'issue-reset' && step.op === reset.op);
  const written = states.findIndex((s) => onPath(s, (txn) => txn.kind === write.kind && txn.stores === write.stores)) - 1;
  const at = whereabouts(model, states[issued] ?? states[0]!, write);
  const resetWrite = RESET_METHODS[reset.kind].write;
  return {
    write: writeName(model, write),
    step: steps.length,
    where: at.where,
    reasons: [...escape(model, write, at, steps.slice(0, issued), resetWrite, steps[written]?.kind === 'evict'), ...pathReasons(model, steps, states, written, reset)],
  };
}

/** A clause with its rules in brackets. */
export const clause = (r: Reason): string => (r.rules.length === 0 ? r.text : `${r.text} (${r.rules.join(', ')})`);

/** The cause as one sentence. */
export function causeSentence(cause: Cause): string {
  const clauses = cause.reasons.map((r, i) => (i === 0 ? '' : r.follows ? ', ' : '; ') + clause(r)).join('');
  const subject = cause.write.charAt(0).toUpperCase() + cause.write.slice(1);
  return `${subject} reached the device after the reset (step ${cause.step}): ${clauses}.`;
}
