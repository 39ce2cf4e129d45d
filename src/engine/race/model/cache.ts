/**
 * The coherent cache that cacheable guest types write into (M-cache-line):
 * one cache shared by all PEs, holding per 64-byte line the guest stores
 * whose data the dirty line carries. A dirty line reaches the device only
 * as a write-back: by eviction at any time (M-cache-evict), or by a clean
 * the host asks for (M-cache-dc-civac, M-unmap-cleans).
 */
import { hex } from '../language/printer.ts';
import { MERGE_GRANULE, type Model } from './model.ts';
import { storesText } from './describe.ts';
import { enterPath } from './path.ts';
import { NO_PE, replaceAt, type Entry, type State } from './state.ts';
import { transition, type Transition } from './transition.ts';

function lineText(model: Model, line: number): string {
  return `line ${hex((model.lines[line] ?? 0) * MERGE_GRANULE)}`;
}

/** A cacheable store leaves its write buffer into its line, which becomes dirty; the store is complete. */
export function intoCache(model: Model, left: State, pe: number, entry: Entry): Transition {
  const line = entry.region;
  const next: State = { ...left, dirty: replaceAt(left.dirty, line, (left.dirty[line] ?? 0) | entry.ids) };
  const event = `${storesText(model, entry.ids)} written into the cache (${lineText(model, line)} dirty)`;
  return transition('cache', 'cache', event, `cache:${pe}:${entry.ids}`, next);
}

/** Line `line`'s data leaves the cache as one write transaction at the acknowledgement point; `pe` is the cleaning PE or NO_PE. */
function writeBack(model: Model, s: State, line: number, pe: number, epoch: number): State {
  const ids = s.dirty[line] ?? 0;
  const clean: State = { ...s, dirty: replaceAt(s.dirty, line, 0) };
  return enterPath(model, clean, { kind: 'writeback', pe, ids, epoch });
}

/** M-cache-evict: any dirty line may be written back at any time; nothing orders it, no PE waits for it. */
export function evictionTransitions(model: Model, s: State, allowed: (line: number) => boolean = () => true): Transition[] {
  const out: Transition[] = [];
  s.dirty.forEach((ids, line) => {
    if (ids === 0 || !allowed(line)) return;
    const event = `evicts ${lineText(model, line)}: write-back of ${storesText(model, ids)} enters the path`;
    out.push(transition('cache', 'cache', event, `evict:${line}`, writeBack(model, s, line, NO_PE, 0)));
  });
  return out;
}

/**
 * Cleans and invalidates the lines that `offset` selects ('all': every line
 * of the mapping) on behalf of the host's PE: each dirty line is written
 * back as a write of that PE, so the PE's next DSB waits for it (M-cache-dc-civac).
 */
export function clean(model: Model, s: State, offset: number | 'all'): State {
  let next = s;
  const epoch = model.hostEpoch[s.hostPc] ?? 0;
  s.dirty.forEach((ids, line) => {
    const selected = offset === 'all' || model.lines[line] === Math.floor(offset / MERGE_GRANULE);
    if (ids !== 0 && selected) next = writeBack(model, next, line, model.hostBuffer, epoch);
  });
  return next;
}

/** The dirty lines, for state views. */
export function dirtyLines(model: Model, s: State): string[] {
  return s.dirty.flatMap((ids, line) => (ids === 0 ? [] : [`${lineText(model, line)}: ${storesText(model, ids)}`]));
}
