/**
 * The PCIe root complex: the acknowledgement point for posted writes to a
 * device's BARs, and where config requests (an FLR is a config write to the
 * Device Control register) join the traffic to the device.
 *
 * PCIe Base Specification, "Transaction Ordering" (the "Ordering Rules
 * Summary" table): a posted request must not pass a posted request
 * (M-pcie-posted-order), and a non-posted request, a config write or a
 * memory read, must not pass a posted memory write (M-pcie-np-behind-posted);
 * Relaxed Ordering and ID-Based Ordering aside, which neither BAR accesses
 * from a CPU nor config writes use. These are the defaults of the
 * `write-order` and `np-pushes` knobs (path.ts), which a scenario may turn
 * off to model a fabric that breaks them.
 */
import type { Knobs } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { DEVICE_PATH, isResetWrite, SIDE_PATH, type TxnKind } from './state.ts';

/**
 * M-pcie-config-order: with `config-order` the root complex sends config
 * requests down the same path as the posted writes to the device; without
 * it, the ECAM path bypasses the BAR path (a root complex that does not
 * keep the order across the two address windows).
 */
export function configPath(knobs: Knobs): number {
  return knobs['config-order'] ? DEVICE_PATH : SIDE_PATH;
}

/** A read or config write (FLR): a non-posted request, which M-path-np-pushes keeps behind earlier writes. */
export function isNonPosted(kind: TxnKind): boolean {
  return kind === 'read' || (isResetWrite(kind) && RESET_METHODS[kind].nonPosted);
}
