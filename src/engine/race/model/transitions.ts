/**
 * All the steps the model can take from a state, one rule per kind, each in
 * the module of the component it belongs to: what a state offers (moves),
 * which steps to take (the partial-order reduction's choice and the
 * symmetry filters), and the successor of a step.
 *
 * Under symmetry (symmetry.ts), steps that differ only in which
 * interchangeable guest stores they move are generated once.
 */
import { accept, leaveSteps } from './ack-point.ts';
import { evict, evictionSteps, intoCache } from './cache.ts';
import { describeStep } from './describe.ts';
import { receive } from './device.ts';
import { vcpuNext, vcpuStep } from './guest.ts';
import { hostNext, hostStep } from './host.ts';
import { EVERY_MOVE, type Allowed, type ClassFilter, type Model } from './model.ts';
import { arrivalSteps, blockers } from './path.ts';
import { resetsOnTheSide, sideReset } from './reset-controller.ts';
import { Draft } from './draft.ts';
import type { State } from './state.ts';
import { delivers, violates, type HostStep, type Moves, type Step, type VcpuStep } from './step.ts';
import type { TraceStep } from '../types.ts';
import { merge, mergeSteps } from './write-buffer.ts';

/** A Moves that movesOf overwrites, so that an exploration allocates one rather than one per state. */
export interface MovesBuffer extends Moves {
  vcpu: (VcpuStep | undefined)[];
  host: HostStep | undefined;
  blockers: Int32Array[];
}

/**
 * What `s` offers: each vCPU's and the host's enabled step, and what holds
 * back each transaction on a path; written into `into` when given (valid
 * until the next call with it).
 */
export function movesOf(model: Model, s: State, into: MovesBuffer = { vcpu: [], host: undefined, blockers: [] }): Moves {
  for (let k = 0; k < model.vcpus.length; k += 1) into.vcpu[k] = vcpuStep(model, s, k);
  into.host = hostStep(model, s);
  blockers(model, s, into.blockers);
  return into;
}

/**
 * The steps to take in `s`, in the order the explorer numbers them (guest,
 * host, merges, departures, evictions, arrivals): those `allowed` (the
 * partial-order reduction's choice; every step when absent) keeps, and
 * one step per class of interchangeable ones (`classes`, prepared for `s`:
 * symmetry.ts, or EVERY_MOVE).
 */
export function stepsOf(model: Model, s: State, moves: Moves, classes: ClassFilter, allowed?: Allowed): Step[] {
  const out: Step[] = [];
  for (let k = 0; k < moves.vcpu.length; k += 1) {
    const step = moves.vcpu[k];
    if (step !== undefined && !classes.twin(k) && (allowed === undefined || allowed.vcpu(k))) out.push(step);
  }
  if (moves.host !== undefined && (allowed === undefined || allowed.host)) out.push(moves.host);
  for (let pe = 0; pe < s.buffers.length; pe += 1) if (allowed === undefined || allowed.buffer(pe)) mergeSteps(model, s, pe, classes, out);
  for (let pe = 0; pe < s.buffers.length; pe += 1) if (allowed === undefined || allowed.buffer(pe)) leaveSteps(model, s, pe, classes, out);
  evictionSteps(s, allowed, out);
  arrivalSteps(s, moves.blockers, classes, allowed, out);
  return out;
}

/** Takes step `step` in `next`, a draft holding a copy of the state the step was listed in. */
export function takeStep(model: Model, next: Draft, step: Step): void {
  switch (step.kind) {
    case 'store':
    case 'fault':
    case 'dmb':
    case 'dsb':
      return vcpuNext(model, next, step);
    case 'tlbi':
    case 'tlbi-dsb':
    case 'clean-dsb':
    case 'host-dsb':
    case 'dc-civac':
    case 'read':
    case 'issue-reset':
      return hostNext(model, next, step);
    case 'merge':
      return merge(next, step);
    case 'accept':
      return accept(model, next, step);
    case 'into-cache':
      return intoCache(next, step);
    case 'evict':
      return evict(model, next, step);
    case 'receive':
    case 'answer':
      return receive(next, step);
    case 'reset':
      return resetsOnTheSide(step.txn.kind) ? sideReset(next, step) : receive(next, step);
  }
}

/** The successor of step `step` of `s`. */
export function nextState(model: Model, s: State, step: Step): State {
  const next = new Draft(s);
  takeStep(model, next, step);
  return next.freeze();
}

/** A step in words with its successor state, for replay and tests. */
export interface Transition {
  readonly step: TraceStep;
  readonly next: State;
  readonly delivers: boolean;
  readonly violation: boolean;
}

/** Every step of `s` with its successor and its words, for replay and tests (no reduction). */
export function successors(model: Model, s: State): Transition[] {
  return stepsOf(model, s, movesOf(model, s), EVERY_MOVE).map((step) => ({
    step: describeStep(model, step),
    next: nextState(model, s, step),
    delivers: delivers(step),
    violation: violates(step),
  }));
}
