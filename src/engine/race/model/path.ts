/**
 * Paths from the acknowledgement point to a target. Path 0 carries
 * everything addressed to the device's MMIO window (guest writes and
 * write-backs, host reads, reset-register writes, and config writes when
 * the root complex keeps config order; M-path-device); path 1 leads to the
 * SoC reset controller or the firmware's reset, or carries PCIe config
 * requests that bypass the BAR path (M-path-side).
 */
import type { ClassFilter, Model } from './model.ts';
import { receive } from './device.ts';
import { sideReset } from './reset-controller.ts';
import { configPath, isNonPosted } from './root-complex.ts';
import { DEVICE_PATH, NO_PE, SIDE_PATH, type State, type Txn, type TxnKind } from './state.ts';
import type { Transition } from './transition.ts';
import { accessOf, ordersBefore } from './write-buffer.ts';
import { isResetMethod, RESET_METHODS } from '../vocabulary/reset-methods.ts';

/** Which path a transaction takes from the acknowledgement point. */
export function route(model: Model, kind: TxnKind): number {
  if (!isResetMethod(kind)) return DEVICE_PATH;
  const { route } = RESET_METHODS[kind];
  return route === 'side' ? SIDE_PATH : route === 'config' ? configPath(model.knobs) : DEVICE_PATH;
}

/**
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
function staysBehind(model: Model, later: Txn, earlier: Txn): boolean {
  if (isNonPosted(later.kind) ? model.knobs['np-pushes'] && !isNonPosted(earlier.kind) : model.knobs['write-order']) return true;
  if (later.pe !== earlier.pe || later.pe === NO_PE || later.kind === 'writeback' || earlier.kind === 'writeback') return false;
  return ordersBefore(accessOf(model, earlier), accessOf(model, later));
}

/** The first earlier transaction that transaction `index` of `path` must stay behind, if any. */
export function blockerOf(model: Model, path: readonly Txn[], index: number): number | undefined {
  const txn = path[index];
  if (txn === undefined) return undefined;
  const blocker = path.slice(0, index).findIndex((earlier) => staysBehind(model, txn, earlier));
  return blocker >= 0 ? blocker : undefined;
}

function mayArrive(model: Model, path: readonly Txn[], index: number): boolean {
  return index < path.length && blockerOf(model, path, index) === undefined;
}

/** Appends a transaction to the path it is routed to. */
export function enterPath(model: Model, s: State, txn: Txn): State {
  const p = route(model, txn.kind);
  return { ...s, paths: s.paths.map((path, i) => (i === p ? [...path, txn] : path)) };
}

/** Every transaction that may arrive at its target now, arriving. */
export function arrivalTransitions(
  model: Model,
  s: State,
  firstOfClass: ClassFilter,
  allowed: (path: number, index: number) => boolean = () => true,
): Transition[] {
  const out: Transition[] = [];
  s.paths.forEach((path, p) => {
    path.forEach((txn, i) => {
      if (!allowed(p, i) || !mayArrive(model, path, i) || !firstOfClass(`arrive${p}.${txn.pe}`, txn)) return;
      out.push(isResetMethod(txn.kind) && RESET_METHODS[txn.kind].actor !== 'device' ? sideReset(s, i, txn.kind, txn) : receive(model, s, p, i, txn));
    });
  });
  return out;
}
