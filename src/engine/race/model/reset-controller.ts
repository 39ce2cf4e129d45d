/**
 * The SoC reset controller: a separate block, reached by the host's write
 * through the interconnect on a path of its own. Nothing orders that path
 * with the path from the interconnect to the device (M-path-side, M-reset-ctrl), so the
 * reset may take effect while guest writes are still on their way.
 */
import { removeAt, replaceAt, SIDE_PATH, type State, type Txn } from './state.ts';
import { transition, type Transition } from './transition.ts';

/** The reset-controller write arrives: the controller asserts the device's reset. */
export function assertReset(s: State, index: number, txn: Txn): Transition {
  const path = s.paths[SIDE_PATH] ?? [];
  const next: State = { ...s, reset: true, paths: replaceAt(s.paths, SIDE_PATH, removeAt(path, index)) };
  return transition('reset controller', 'reset-controller', 'asserts reset: the device is reset', `assert:${txn.ids}`, next);
}
