/**
 * The global state of the race model (the rules M-... of the race model page) and its canonical key.
 *
 * A state holds only what can still influence the future: program
 * counters, the writes waiting in PE write buffers, the transactions on the
 * paths to their targets, whether the stage-2 unmap took effect and whether
 * the device was reset. Writes that reached the device before the reset
 * are gone; they cannot matter any more.
 */
import type { ResetMethod } from '../types.ts';

/** A write in a PE write buffer: a group of guest stores (one after merging) or a host reset write. */
export interface Entry {
  readonly kind: 'store' | ResetMethod;
  /** Guest stores: bit i set for store i of the program. Host writes: the host op index. */
  readonly ids: number;
  /** Guest stores: the 64-byte region (merge granule). Host writes: -1. */
  readonly region: number;
  /** Barriers executed on the issuing PE before the write (a DMB orders across epochs). */
  readonly epoch: number;
}

/** A transaction travelling from the acknowledgement point to its target. */
export interface Txn {
  readonly kind: 'store' | 'read' | ResetMethod;
  /** The write buffer (PE) it came from. */
  readonly pe: number;
  /** As Entry.ids; for a read, the host op index. */
  readonly ids: number;
  /** As Entry.epoch: the architecture keeps barrier-ordered accesses in order all the way to the peripheral. */
  readonly epoch: number;
}

export interface State {
  readonly guestPc: number;
  readonly hostPc: number;
  /** 1 while the host op at hostPc is half done: unmap-s2 after its TLBI, read waiting for its answer. */
  readonly hostPhase: 0 | 1;
  /** The stage-2 unmap took effect: guest stores fault from now on. */
  readonly unmapped: boolean;
  /** The device was reset: any guest write arriving from now on is the race. */
  readonly reset: boolean;
  /** One write buffer per PE (a single shared one with `same-pe`). */
  readonly buffers: readonly (readonly Entry[])[];
  /** Path 0 leads to the device; path 1 is the reset controller (soc) or the ECAM config path (pcie, config-order=no). */
  readonly paths: readonly (readonly Txn[])[];
}

export const DEVICE_PATH = 0;
export const SIDE_PATH = 1;

export function initialState(bufferCount: number): State {
  return {
    guestPc: 0,
    hostPc: 0,
    hostPhase: 0,
    unmapped: false,
    reset: false,
    buffers: Array.from({ length: bufferCount }, () => []),
    paths: [[], []],
  };
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy[index] = value;
  return copy;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return [...list.slice(0, index), ...list.slice(index + 1)];
}

/** How the key treats interchangeable parts of a state. */
export interface KeyShape {
  /** Buffer entries may leave in any order within an epoch: sort them in the key. */
  readonly unorderedBuffer: boolean;
  /** The device path keeps no order among writes: sort runs of writes in the key. */
  readonly unorderedPath: boolean;
  /**
   * Symmetry reduction: forget which guest stores a write carries and keep
   * only its region and epoch. Sound because no rule of the model looks at
   * store identities or group sizes: merging needs the same region and
   * epoch, ordering needs epochs and (for nR types) buffer positions, and
   * the property only asks whether some guest write arrives after the
   * reset. States with the same reduced key therefore have the same
   * futures up to renaming of stores (a bisimulation), so the verdict, the
   * shortest counterexample length and the write counts are unchanged.
   */
  readonly symmetry: boolean;
}

/** One letter per kind, for keys and encodings. */
const CODE: Record<Txn['kind'], string> = { store: 's', read: 'd', reg: 'g', ctrl: 'c', flr: 'f' };

function entryToken(e: Entry, symmetry: boolean): string {
  const base = `${CODE[e.kind]}${e.epoch}.${e.region}`;
  return symmetry && e.kind === 'store' ? base : `${base}:${e.ids}`;
}

function txnToken(t: Txn, symmetry: boolean): string {
  const base = `${CODE[t.kind]}${t.pe}.${t.epoch}`;
  return symmetry && t.kind === 'store' ? base : `${base}:${t.ids}`;
}

/** Sorts the runs of store tokens (writes that may overtake one another), keeping other tokens in place. */
function sortStoreRuns(tokens: string[], isStore: (i: number) => boolean): string[] {
  const out: string[] = [];
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (isStore(i)) {
      run.push(token);
      return;
    }
    out.push(...run.sort(), token);
    run = [];
  });
  return [...out, ...run.sort()];
}

/** The canonical key: equal keys mean states with the same futures (up to renaming when `symmetry`). */
export function stateKey(s: State, shape: KeyShape): string {
  const buffers = s.buffers.map((buffer) => {
    const tokens = buffer.map((e) => entryToken(e, shape.symmetry));
    return (shape.unorderedBuffer ? sortStoreRuns(tokens, (i) => buffer[i]?.kind === 'store') : tokens).join(' ');
  });
  const paths = s.paths.map((path) => {
    const tokens = path.map((t) => txnToken(t, shape.symmetry));
    return (shape.unorderedPath ? sortStoreRuns(tokens, (i) => path[i]?.kind === 'store') : tokens).join(' ');
  });
  const flags = `${s.guestPc},${s.hostPc},${s.hostPhase},${s.unmapped ? 1 : 0}${s.reset ? 1 : 0}`;
  return `${flags}|${buffers.join('/')}|${paths.join('/')}`;
}

