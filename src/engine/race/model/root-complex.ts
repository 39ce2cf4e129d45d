/**
 * The PCIe root complex: the acknowledgement point for posted writes to a
 * device's BARs, and where config requests (an FLR is a config write to the
 * Device Control register) join the traffic to the device.
 *
 * PCIe Base Specification, "Transaction Ordering" (the "Ordering Rules
 * Summary" table): a non-posted request such as a config write must not
 * pass a posted memory write (Relaxed Ordering and ID-Based Ordering aside,
 * which neither BAR writes from a CPU nor config writes use). That is what
 * makes an FLR issued after the guest's writes completed arrive after them.
 */
import type { Knobs } from '../types.ts';
import { DEVICE_PATH, SIDE_PATH, type Txn } from './state.ts';

/**
 * With `config-order` the root complex sends config requests down the same
 * ordered path as the posted writes to the device; without it, the ECAM
 * path bypasses the BAR path (a root complex that does not keep the order
 * across the two address windows).
 */
export function configPath(knobs: Knobs): number {
  return knobs['config-order'] ? DEVICE_PATH : SIDE_PATH;
}

/** A config request stays behind posted writes (guest stores, reset-register writes) that entered the path before it. */
export function configStaysBehind(later: Txn, earlier: Txn): boolean {
  return later.kind === 'flr' && (earlier.kind === 'store' || earlier.kind === 'reg');
}
