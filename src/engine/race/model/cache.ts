/**
 * The coherent cache that cacheable guest types write into (M-cache-line):
 * one cache shared by all PEs, holding per 64-byte line the guest stores
 * whose data the dirty line carries. A dirty line reaches the device only
 * as a write-back: by eviction at any time (M-cache-evict), or by a clean
 * the host asks for (M-cache-dc-civac, M-unmap-cleans).
 */
import { MERGE_GRANULE, NO_STORES, type Allowed, type Model } from './model.ts';
import { addTxn } from './path.ts';
import type { Draft } from './draft.ts';
import { NO_PE, type State } from './state.ts';
import type { EvictStep, LeaveStep, StepSink } from './step.ts';

/** A cacheable store leaves its write buffer into its line, which becomes dirty; the store is complete. */
export function intoCache(next: Draft, step: LeaveStep): void {
  const line = step.entry.region;
  next.dropEntry(step.pe, step.index);
  next.dirty[line] = (next.dirty[line] ?? NO_STORES) | step.entry.stores;
}

/** Line `line`'s data leaves the cache as one write transaction at the acknowledgement point; `pe` is the cleaning PE or NO_PE. */
function writeBack(model: Model, next: Draft, line: number, pe: number, epoch: number): void {
  const stores = next.dirty[line] ?? NO_STORES;
  next.dirty[line] = NO_STORES;
  addTxn(model, next, { kind: 'writeback', pe, stores, op: -1, epoch });
}

/** M-cache-evict: any dirty line may be written back at any time; nothing orders it, no PE waits for it. */
export function evictionSteps(s: State, allowed: Allowed | undefined, out: StepSink<EvictStep>): void {
  for (let line = 0; line < s.dirty.length; line += 1) {
    const stores = s.dirty[line]!;
    if (stores !== NO_STORES && (allowed === undefined || allowed.line(line))) out.push({ kind: 'evict', line, stores });
  }
}

export function evict(model: Model, next: Draft, step: EvictStep): void {
  writeBack(model, next, step.line, NO_PE, 0);
}

/**
 * Cleans and invalidates the lines that `offset` selects ('all': every line
 * of the mapping) on behalf of the host's PE: each dirty line is written
 * back as a write of that PE, so the PE's next DSB waits for it (M-cache-dc-civac).
 */
export function clean(model: Model, next: Draft, offset: number | 'all'): void {
  const epoch = model.hostEpoch[next.hostPc] ?? 0;
  for (let line = 0; line < next.dirty.length; line += 1) {
    const selected = offset === 'all' || model.lines[line] === Math.floor(offset / MERGE_GRANULE);
    if (next.dirty[line] !== NO_STORES && selected) writeBack(model, next, line, model.hostBuffer, epoch);
  }
}
