/**
 * The global state of the race model (the rules M-... of the race model
 * page) and how transitions update it.
 *
 * A state holds only what can still influence the future: program
 * counters, the writes waiting in PE write buffers, the dirty lines of the
 * coherent cache, the transactions on the paths to their targets, whether
 * the stage-2 unmap took effect and whether the device was reset. Writes
 * that reached the device before the reset are gone; they cannot matter
 * any more. The canonical key (reductions) lives in state-key.ts.
 */
import type { ResetMethod } from '../types.ts';
import { isResetMethod } from '../vocabulary/reset-methods.ts';
import { NO_STORES, type Model, type StoreSet } from './model.ts';

/** A write in a PE write buffer: a group of guest stores (one after merging) or a host reset write. */
export interface Entry {
  readonly kind: 'store' | ResetMethod;
  /** Guest stores: the stores the write carries. Host writes: NO_STORES. */
  readonly stores: StoreSet;
  /** Host writes: the index of the host op that issued it. Guest stores: -1. */
  readonly op: number;
  /** Guest stores: the 64-byte line (merge granule, cache line) as an index into Model.lines. Host writes: -1. */
  readonly region: number;
  /** Barriers executed on the issuing PE before the write (a DMB orders across epochs). */
  readonly epoch: number;
}

/** What travels from the acknowledgement point to a target: a guest store, a cache line's write-back, a host read or reset write. */
export type TxnKind = 'store' | 'writeback' | 'read' | ResetMethod;

/** A guest store, or a cache line's write-back of guest data: what M-property looks for. */
export function isGuestWrite(kind: TxnKind): boolean {
  return kind === 'store' || kind === 'writeback';
}

/**
 * A reset write. Guest writes, most of what the hot path asks about, are
 * answered without looking the kind up in the reset methods' table.
 */
export function isResetWrite(kind: TxnKind): kind is ResetMethod {
  return !isGuestWrite(kind) && kind !== 'read' && isResetMethod(kind);
}

/** The `pe` of a write-back by eviction, which belongs to no PE (M-cache-evict). */
export const NO_PE = -1;

/** A transaction travelling from the acknowledgement point to its target. */
export interface Txn {
  readonly kind: TxnKind;
  /** The write buffer (PE) it came from; NO_PE for an eviction. */
  readonly pe: number;
  /** As Entry.stores: the guest stores a store or write-back carries. */
  readonly stores: StoreSet;
  /** As Entry.op: the host op of a read or reset write; -1 for guest writes. */
  readonly op: number;
  /** As Entry.epoch: the architecture keeps barrier-ordered accesses in order all the way to the peripheral. */
  readonly epoch: number;
}

export interface State {
  /** Program counter of each vCPU. */
  readonly pcs: readonly number[];
  readonly hostPc: number;
  /**
   * Progress inside the host op at hostPc: unmap-s2 1 after its TLBI, 2
   * after its DSB while its cache clean completes (M-unmap-cleans); read 1
   * while waiting for its data.
   */
  readonly hostPhase: 0 | 1 | 2;
  /** The stage-2 unmap took effect: guest stores fault from now on. */
  readonly unmapped: boolean;
  /** The device was reset: any guest write arriving from now on is the race. */
  readonly reset: boolean;
  /** One write buffer per vCPU, then the host's (none with `same-pe`: the host uses vCPU 0's). */
  readonly buffers: readonly (readonly Entry[])[];
  /** Per cache line (Model.lines): the guest stores whose data the dirty line holds; NO_STORES when clean (M-cache-line). */
  readonly dirty: readonly StoreSet[];
  /** Path 0 leads to the device; path 1 is the side path (reset controller, firmware, or the PCIe config path that bypasses the BAR path). */
  readonly paths: readonly (readonly Txn[])[];
}

export const DEVICE_PATH = 0;
export const SIDE_PATH = 1;

export function startState(model: Model): State {
  return {
    pcs: new Array<number>(model.vcpus.length).fill(0),
    hostPc: 0,
    hostPhase: 0,
    unmapped: false,
    reset: false,
    buffers: Array.from({ length: model.bufferCount }, () => []),
    dirty: new Array<StoreSet>(model.lines.length).fill(NO_STORES),
    paths: [[], []],
  };
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  const copy = new Array<T>(list.length - 1);
  for (let i = 0; i < index; i += 1) copy[i] = list[i]!;
  for (let i = index + 1; i < list.length; i += 1) copy[i - 1] = list[i]!;
  return copy;
}

/** `list` with `value` appended. */
export function append<T>(list: readonly T[], value: T): T[] {
  const copy = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i += 1) copy[i] = list[i]!;
  copy[list.length] = value;
  return copy;
}
