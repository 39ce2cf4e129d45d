/**
 * All the steps the model can take from a state, one rule per kind, each in
 * the module of the component it belongs to: what a state offers (moves),
 * which steps to take (the partial-order reduction's choice and the
 * symmetry filters), and the successor of a step.
 *
 * With `symmetric`, steps that differ only in which interchangeable guest
 * stores they move (same write buffer or path, line and epoch, under a
 * type that may reorder) are generated once: their successors have the same
 * symmetry-reduced key (state-key.ts), so the explorer would merge them anyway.
 */
import { accept, leaveSteps } from './ack-point.ts';
import { evict, evictionSteps, intoCache } from './cache.ts';
import { describeStep } from './describe.ts';
import { receive } from './device.ts';
import { vcpuNext, vcpuStep } from './guest.ts';
import { hostNext, hostStep } from './host.ts';
import type { Allowed, ClassFilter, ClassWrite, Model } from './model.ts';
import { arrivalSteps, blockers } from './path.ts';
import { resetsOnTheSide, sideReset } from './reset-controller.ts';
import type { State } from './state.ts';
import { delivers, violates, type Moves, type Step } from './step.ts';
import type { TraceStep } from '../types.ts';
import { merge, mergeSteps } from './write-buffer.ts';

/** What `s` offers: each vCPU's and the host's enabled step, and what holds back each transaction on a path. */
export function movesOf(model: Model, s: State): Moves {
  return {
    vcpu: model.vcpus.map((_, k) => vcpuStep(model, s, k)),
    host: hostStep(model, s),
    blockers: blockers(model, s),
  };
}

/**
 * The steps to take in `s`, in the order the explorer numbers them (guest,
 * host, merges, departures, evictions, arrivals): those `allowed` (the
 * partial-order reduction's choice; every step when absent) keeps, and with
 * `symmetric` one step per class of interchangeable ones.
 */
export function stepsOf(model: Model, s: State, moves: Moves, symmetric: boolean, allowed?: Allowed): Step[] {
  const twins = symmetric ? twinVcpus(model, s) : undefined;
  const classes = symmetric ? new OncePerClass(model, twins) : EVERY_MOVE;
  const out: Step[] = [];
  moves.vcpu.forEach((step, k) => {
    if (step !== undefined && !twins?.has(k) && (allowed === undefined || allowed.vcpu(k))) out.push(step);
  });
  if (moves.host !== undefined && (allowed === undefined || allowed.host)) out.push(moves.host);
  for (let pe = 0; pe < s.buffers.length; pe += 1) if (allowed === undefined || allowed.buffer(pe)) mergeSteps(model, s, pe, classes, out);
  for (let pe = 0; pe < s.buffers.length; pe += 1) if (allowed === undefined || allowed.buffer(pe)) leaveSteps(model, s, pe, classes, out);
  evictionSteps(s, allowed?.line, out);
  arrivalSteps(s, moves.blockers, classes, allowed?.arrival, out);
  return out;
}

/** The successor of step `step` of `s`. */
export function nextState(model: Model, s: State, step: Step): State {
  switch (step.kind) {
    case 'store':
    case 'fault':
    case 'dmb':
    case 'dsb':
      return vcpuNext(model, s, step);
    case 'tlbi':
    case 'tlbi-dsb':
    case 'clean-dsb':
    case 'host-dsb':
    case 'dc-civac':
    case 'read':
    case 'issue-reset':
      return hostNext(model, s, step);
    case 'merge':
      return merge(s, step);
    case 'accept':
      return accept(model, s, step);
    case 'into-cache':
      return intoCache(s, step);
    case 'evict':
      return evict(model, s, step);
    case 'receive':
    case 'answer':
      return receive(s, step);
    case 'reset':
      return resetsOnTheSide(step.txn.kind) ? sideReset(s, step) : receive(s, step);
  }
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
  return stepsOf(model, s, movesOf(model, s), false).map((step) => ({
    step: describeStep(model, step),
    next: nextState(model, s, step),
    delivers: delivers(step),
    violation: violates(step),
  }));
}

/** A vCPU's part of a state that twinVcpus compares: its program counter and its buffer up to store identities. */
function sameLocalState(s: State, j: number, k: number): boolean {
  const a = s.buffers[j] ?? [];
  const b = s.buffers[k] ?? [];
  if ((s.pcs[j] ?? 0) !== (s.pcs[k] ?? 0) || a.length !== b.length) return false;
  return a.every((e, i) => e.kind === b[i]?.kind && e.epoch === b[i].epoch && e.region === b[i].region);
}

/**
 * vCPUs whose steps need not be generated: vCPU k when an earlier vCPU j of
 * its group (identical programs) is in the identical local state: the same
 * program counter, the same buffer (up to store identities), and no write
 * of either on a path. Swapping j and k then maps the state to itself and
 * each step of k to the same step of j, so their successors are symmetric
 * images with one canonical key (state-key.ts): generating them would only
 * find states already found, at the same depth (M-reduce-symmetry).
 */
function twinVcpus(model: Model, s: State): ReadonlySet<number> | undefined {
  if (model.vcpuGroups.length === 0) return undefined;
  const onPath = new Set<number>();
  for (const path of s.paths) for (const t of path) onPath.add(t.pe);
  const twins = new Set<number>();
  for (const group of model.vcpuGroups) {
    group.forEach((k, n) => {
      if (!onPath.has(k) && group.slice(0, n).some((j) => !onPath.has(j) && sameLocalState(s, j, k))) twins.add(k);
    });
  }
  return twins.size > 0 ? twins : undefined;
}

/** Without symmetry every move is listed. */
const EVERY_MOVE: ClassFilter = { taken: () => false, take: () => undefined };

/** Lists the first guest store of each class (where it moves from, epoch, line) and none of the twins' writes. */
class OncePerClass implements ClassFilter {
  /** Stores are interchangeable only when the type lets them leave in any order. */
  private readonly reorder: boolean;
  private readonly twins: ReadonlySet<number> | undefined;
  /** Classes taken, three numbers each; a state moves few writes, so a list beats a hash. */
  private readonly seen: number[] = [];

  constructor(model: Model, twins: ReadonlySet<number> | undefined) {
    this.reorder = model.guestType.behaviour.reorder;
    this.twins = twins;
  }

  readonly taken = (where: number, write: ClassWrite, pe?: number): boolean => {
    if (pe !== undefined && this.twins?.has(pe)) return true;
    if (write.kind !== 'store' || !this.reorder) return false;
    const { seen } = this;
    const region = write.region ?? -1;
    // Newest first: a move asks mostly about the class it or its neighbour just took.
    for (let i = seen.length - 3; i >= 0; i -= 3) {
      if (seen[i] === where && seen[i + 1] === write.epoch && seen[i + 2] === region) return true;
    }
    return false;
  };

  readonly take = (where: number, write: ClassWrite): void => {
    if (write.kind === 'store' && this.reorder) this.seen.push(where, write.epoch, write.region ?? -1);
  };
}
