/**
 * Paths from the acknowledgement point to a target. Path 0 carries
 * everything addressed to the device's MMIO window (guest writes and
 * write-backs, host reads, reset-register writes, and config writes when
 * the root complex keeps config order; M-path-device); path 1 leads to the
 * SoC reset controller or the firmware's reset, or carries PCIe config
 * requests that bypass the BAR path (M-path-side).
 */
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { ARRIVE, moveClass, type Allowed, type ClassFilter, type Model } from './model.ts';
import { configPath, isNonPosted } from './root-complex.ts';
import type { Draft } from './draft.ts';
import { DEVICE_PATH, isGuestWrite, isResetWrite, NO_PE, SIDE_PATH, type State, type Txn, type TxnKind } from './state.ts';
import type { ArrivalStep, Moves, StepSink } from './step.ts';
import { ordersBefore } from './write-buffer.ts';

/** Which path a transaction takes from the acknowledgement point. */
export function route(model: Model, kind: TxnKind): number {
  if (!isResetWrite(kind)) return DEVICE_PATH;
  const { route } = RESET_METHODS[kind];
  return route === 'side' ? SIDE_PATH : route === 'config' ? configPath(model.knobs) : DEVICE_PATH;
}

/*
 * `later` may not overtake `earlier` on the same path:
 * - M-path-np-pushes (`np-pushes`): a read or non-posted request stays
 *   behind earlier writes;
 * - M-path-write-order (`write-order`): a write stays behind everything
 *   that entered the path before it;
 * - M-path-arrival-order: whatever the knobs, the Peripheral arrival order
 *   between two accesses of one PE (B2.4.1.1, see write-buffer.ts) holds.
 *   A cache write-back is not an explicit access of any PE, so it has none.
 * With both knobs yes a path is first in, first out.
 */

/** M-path-arrival-order: `later` stays behind `earlier`, an earlier access of the same PE. */
function peKeepsBehind(model: Model, later: Txn, earlier: Txn): boolean {
  if (later.pe !== earlier.pe || later.pe === NO_PE || later.kind === 'writeback' || earlier.kind === 'writeback') return false;
  return ordersBefore(model, earlier, later);
}

/**
 * The first earlier transaction that transaction `index` of `path` must
 * stay behind, or -1 when it may arrive. The first one the knobs keep it
 * behind needs no search: under M-path-write-order a write stays behind
 * the path's first transaction, under M-path-np-pushes a non-posted
 * request behind its first posted one (`firstPosted`, path.length when
 * none); only those before it are asked M-path-arrival-order.
 */
function blockerOf(model: Model, path: readonly Txn[], index: number, firstPosted: number): number {
  const txn = path[index]!;
  const byKnobs = isNonPosted(txn.kind) ? (model.knobs['np-pushes'] ? firstPosted : index) : model.knobs['write-order'] ? 0 : index;
  const limit = Math.min(byKnobs, index);
  for (let earlier = 0; earlier < limit; earlier += 1) if (peKeepsBehind(model, txn, path[earlier]!)) return earlier;
  return limit < index ? limit : -1;
}

/**
 * blockerOf for every transaction of every path, written into `out` (one
 * array per path, grown when a path is longer; past the path's length it
 * holds what an earlier state left): what Moves.blockers holds.
 */
export function blockers(model: Model, s: State, out: Int32Array[]): void {
  for (let p = 0; p < s.paths.length; p += 1) {
    const path = s.paths[p]!;
    let firstPosted = 0;
    while (firstPosted < path.length && isNonPosted(path[firstPosted]!.kind)) firstPosted += 1;
    let blocked = out[p];
    if (blocked === undefined || blocked.length < path.length) blocked = out[p] = new Int32Array(Math.max(16, 2 * path.length));
    for (let index = 0; index < path.length; index += 1) blocked[index] = blockerOf(model, path, index, firstPosted);
  }
}

/** A transaction appended to the path of the successor it is routed to. */
export function addTxn(model: Model, next: Draft, txn: Txn): void {
  next.addTxn(route(model, txn.kind), txn);
}

/**
 * Every transaction that may arrive at its target now (its blocker is -1),
 * except those `allowed` leaves out and guest writes interchangeable with
 * one already listed (`classes`).
 */
export function arrivalSteps(
  s: State,
  blocked: Moves['blockers'],
  classes: ClassFilter,
  allowed: Allowed | undefined,
  out: StepSink<ArrivalStep>,
): void {
  for (let p = 0; p < s.paths.length; p += 1) {
    const path = s.paths[p]!;
    for (let index = 0; index < path.length; index += 1) {
      if (blocked[p]![index] !== -1 || (allowed !== undefined && !allowed.arrival(p, index))) continue;
      const txn = path[index]!;
      const where = moveClass(ARRIVE, p, txn.pe);
      if (classes.taken(where, txn)) continue;
      classes.take(where, txn);
      if (isGuestWrite(txn.kind)) out.push({ kind: 'receive', path: p, index, txn, late: s.reset });
      else out.push({ kind: txn.kind === 'read' ? 'answer' : 'reset', path: p, index, txn });
    }
  }
}
