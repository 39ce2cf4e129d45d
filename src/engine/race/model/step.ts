/**
 * A step of the model as data: what happened (a kind that names the rule
 * applied), to what (vCPU and program counter, host op, buffer and entry,
 * cache line, path and index), never in words. The explorer takes millions
 * of steps and keeps none; describe.ts puts the few of a counterexample
 * into words when they are shown.
 */
import type { StepKind } from '../vocabulary/steps.ts';
import type { StoreSet } from './model.ts';
import type { Entry, Txn } from './state.ts';

/** A vCPU's program step: vCPU `vcpu` executes its op at `pc` (guest.ts). */
export interface VcpuStep {
  readonly kind: Extract<StepKind, 'store' | 'fault' | 'dmb' | 'dsb'>;
  readonly vcpu: number;
  readonly pc: number;
}

/** A step of the host's program at op `op` (host.ts). */
export interface HostStep {
  readonly kind: Extract<StepKind, 'tlbi' | 'tlbi-dsb' | 'clean-dsb' | 'host-dsb' | 'dc-civac' | 'read' | 'issue-reset'>;
  readonly op: number;
}

/** Entries `first` and `second` of write buffer `pe` merge into one write (write-buffer.ts). */
export interface MergeStep {
  readonly kind: 'merge';
  readonly pe: number;
  readonly first: number;
  readonly second: number;
  readonly a: StoreSet;
  readonly b: StoreSet;
}

/** Entry `index` of write buffer `pe` leaves it: to the acknowledgement point and a path, or into the cache (ack-point.ts). */
export interface LeaveStep {
  readonly kind: 'accept' | 'into-cache';
  readonly pe: number;
  readonly index: number;
  readonly entry: Entry;
}

/** Cache line `line`, holding `stores`, is written back (cache.ts). */
export interface EvictStep {
  readonly kind: 'evict';
  readonly line: number;
  readonly stores: StoreSet;
}

/**
 * Transaction `index` of path `path` arrives at its target (path.ts): a
 * guest write received by the device (`late` after the reset), a read
 * answered, a reset taking effect.
 */
export type ArrivalStep =
  | { readonly kind: 'receive'; readonly path: number; readonly index: number; readonly txn: Txn; readonly late: boolean }
  | { readonly kind: 'answer' | 'reset'; readonly path: number; readonly index: number; readonly txn: Txn };

export type Step = VcpuStep | HostStep | MergeStep | LeaveStep | EvictStep | ArrivalStep;

/** Where a component lists the steps it offers (the list of all steps of a state). */
export interface StepSink<S extends Step> {
  push(step: S): unknown;
}

/** A guest write reached the device (counted for the write-transaction range). */
export const delivers = (step: Step): boolean => step.kind === 'receive';
/** It reached the device after the reset: the race the explorer looks for. */
export const violates = (step: Step): boolean => step.kind === 'receive' && step.late;

/**
 * What a state offers before any step is built, computed once per state
 * and read by both the partial-order reduction (stubborn.ts) and the step
 * selection (transitions.ts): each vCPU's next step and the host's, when
 * enabled, and for each transaction on a path the first earlier one it
 * must stay behind (-1 when it may arrive).
 */
export interface Moves {
  readonly vcpu: readonly (VcpuStep | undefined)[];
  readonly host: HostStep | undefined;
  /** Per path; an entry past the path's length means nothing. */
  readonly blockers: readonly ArrayLike<number>[];
}

