/**
 * The resets that do not travel the device's path: the SoC reset
 * controller, a separate block reached by the host's write on a path of its
 * own (M-reset-ctrl), and the firmware's ACPI _RST method (M-reset-acpi, a
 * modelling assumption: nothing known orders what the firmware does with
 * the device's path). Nothing orders that side path with the path to the
 * device (M-path-side), so the reset may take effect while guest writes are
 * still on their way.
 */
import { RESET_METHODS, type ResetMethod } from '../vocabulary/reset-methods.ts';
import { removeAt, replaceAt, SIDE_PATH, type State, type Txn } from './state.ts';
import { transition, type Transition } from './transition.ts';

/** The reset-controller or firmware write arrives: the device is reset. */
export function sideReset(s: State, index: number, method: ResetMethod, txn: Txn): Transition {
  const path = s.paths[SIDE_PATH] ?? [];
  const next: State = { ...s, reset: true, paths: replaceAt(s.paths, SIDE_PATH, removeAt(path, index)) };
  const { actor, lane, effect } = RESET_METHODS[method];
  return transition(actor, lane, effect, `${method === 'acpi' ? 'acpi' : 'assert'}:${txn.ids}`, next);
}
