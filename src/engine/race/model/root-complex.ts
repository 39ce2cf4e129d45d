/**
 * The PCIe root complex: the acknowledgement point for posted writes to a
 * device's BARs, and where config requests (an FLR is a config write to the
 * Device Control register) join the traffic to the device.
 *
 * PCIe Base Specification, "Transaction Ordering" (the "Ordering Rules
 * Summary" table): a non-posted request, a config write or a memory read,
 * must not pass a posted memory write (Relaxed Ordering and ID-Based
 * Ordering aside, which neither BAR accesses from a CPU nor config writes
 * use). That is what makes an FLR issued after the guest's writes completed
 * arrive after them, and a host read return only after them.
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

/**
 * A non-posted request stays behind the posted writes (guest stores,
 * reset-register writes) that entered the path before it, whatever
 * `path-order` says: PCIe "Ordering Rules Summary", row "Non-Posted
 * Request" (read request, and config write such as FLR), column "Posted
 * Request": No, a non-posted request must not pass a posted request
 * (RO/IDO aside, which CPU-issued requests do not set). The race model
 * page states it as M-pcie-np-behind-posted. Posted writes may still pass
 * non-posted requests (they must be allowed to, column "Non-Posted").
 */
export function nonPostedStaysBehind(later: Txn, earlier: Txn): boolean {
  return (later.kind === 'flr' || later.kind === 'read') && (earlier.kind === 'store' || earlier.kind === 'reg');
}
