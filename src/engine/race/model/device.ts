/**
 * The passthrough device: the endpoint of the guest's writes, of the host's
 * reads, and of the resets that reach it directly (FLR, reset register).
 * The property lives here: a guest write (a store or a cache line's
 * write-back) that arrives after the device was reset lands on the device's
 * next owner (M-property, M-cache-property: UNSAFE).
 */
import type { Model } from './model.ts';
import { hex } from '../language/printer.ts';
import { storesText } from './describe.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { removeAt, replaceAt, type State, type Txn } from './state.ts';
import { transition, type Transition } from './transition.ts';

/** Transaction `index` of path `pathIndex` reaches the device. */
export function receive(model: Model, s: State, pathIndex: number, index: number, txn: Txn): Transition {
  const path = s.paths[pathIndex] ?? [];
  const after: State = { ...s, paths: replaceAt(s.paths, pathIndex, removeAt(path, index)) };
  const ref = `deliver:${pathIndex}:${txn.kind}:${txn.ids}`;
  switch (txn.kind) {
    case 'store':
    case 'writeback': {
      const late = s.reset;
      const what = txn.kind === 'store' ? storesText(model, txn.ids) : `the write-back of ${storesText(model, txn.ids)}`;
      const event = `receives ${what}${late ? ' after reset' : ''}`;
      return { ...transition('device', 'device', event, ref, after), delivers: true, violation: late };
    }
    case 'read': {
      // The read's completion returns to the host, which was waiting for it.
      const op = model.host[txn.ids];
      const offset = op?.op === 'read' ? hex(op.offset) : '?';
      const next: State = { ...after, hostPc: s.hostPc + 1, hostPhase: 0 };
      return transition('device', 'device', `answers the host's read of ${offset}`, ref, next);
    }
    default:
      return transition('device', 'device', RESET_METHODS[txn.kind].effect, ref, { ...after, reset: true });
  }
}
