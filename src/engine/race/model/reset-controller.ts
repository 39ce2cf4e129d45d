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
import type { Draft } from './draft.ts';
import { isResetWrite, SIDE_PATH, type TxnKind } from './state.ts';
import type { ArrivalStep } from './step.ts';

/** Whether the reset write of this kind takes effect away from the device (the reset controller, the firmware). */
export function resetsOnTheSide(kind: TxnKind): kind is ResetMethod {
  return isResetWrite(kind) && RESET_METHODS[kind].actor !== 'device';
}

/** The reset-controller or firmware write arrives: the device is reset. */
export function sideReset(next: Draft, step: ArrivalStep): void {
  next.dropTxn(SIDE_PATH, step.index);
  next.reset = true;
}
