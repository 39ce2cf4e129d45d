/**
 * Paths from the acknowledgement point to a target. Path 0 carries
 * everything addressed to the device's MMIO window (guest writes, host
 * reads, reset-register writes, and config writes when the root complex
 * keeps config order); path 1 leads to the SoC reset controller, or carries
 * PCIe config requests that bypass the BAR path.
 */
import type { Model } from './build.ts';
import { receive } from './device.ts';
import { assertReset } from './reset-controller.ts';
import { configPath, nonPostedStaysBehind } from './root-complex.ts';
import { DEVICE_PATH, SIDE_PATH, type State, type Txn } from './state.ts';
import type { Transition } from './transition.ts';
import type { ClassFilter } from './transitions.ts';
import { accessOf, ordersBefore } from './write-buffer.ts';

/** Which path a transaction takes from the acknowledgement point. */
export function route(model: Model, kind: Txn['kind']): number {
  if (kind === 'ctrl') return SIDE_PATH;
  if (kind === 'flr') return configPath(model.knobs);
  return DEVICE_PATH;
}

/**
 * `later` may not overtake `earlier` on the same path:
 * - with `path-order`, a path delivers in the order transactions entered
 *   it (an in-order interconnect; PCIe keeps posted writes in order and
 *   non-posted requests behind them);
 * - whatever the fabric, the architecture's Peripheral arrival order
 *   between two accesses of one PE (B2.4.1.1, see write-buffer.ts) and, on
 *   PCIe, the rule that a non-posted request (config write or read) does not
 *   pass an earlier posted write (root-complex.ts) still hold. On an SoC a
 *   read has no such guarantee from another PE's writes: path-order=no is
 *   exactly the interconnect that lets it overtake them.
 */
function staysBehind(model: Model, later: Txn, earlier: Txn): boolean {
  if (model.knobs['path-order']) return true;
  if (model.scenario.platform === 'pcie' && nonPostedStaysBehind(later, earlier)) return true;
  return later.pe === earlier.pe && ordersBefore(accessOf(model, earlier), accessOf(model, later));
}

function mayArrive(model: Model, path: readonly Txn[], index: number): boolean {
  const txn = path[index];
  return txn !== undefined && path.slice(0, index).every((earlier) => !staysBehind(model, txn, earlier));
}

/** Appends a transaction to the path it is routed to. */
export function enterPath(model: Model, s: State, txn: Txn): State {
  const p = route(model, txn.kind);
  return { ...s, paths: s.paths.map((path, i) => (i === p ? [...path, txn] : path)) };
}

/** Every transaction that may arrive at its target now, arriving. */
export function arrivalTransitions(model: Model, s: State, firstOfClass: ClassFilter): Transition[] {
  const out: Transition[] = [];
  s.paths.forEach((path, p) => {
    path.forEach((txn, i) => {
      if (!mayArrive(model, path, i) || !firstOfClass(`arrive${p}.${txn.pe}`, txn)) return;
      out.push(txn.kind === 'ctrl' ? assertReset(s, i, txn) : receive(model, s, p, i, txn));
    });
  });
  return out;
}
