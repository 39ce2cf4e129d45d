/**
 * The declarations every part of the race model shares (rules: the race
 * model page, M-...): the model's fixed parameters, where a write
 * completes, and what the step selection passes around. The bottom of
 * model/: it imports nothing from its own folder, so components can
 * import it and each other without circles, and the aggregators
 * (build.ts, transitions.ts) sit on top.
 */
import type { GuestType } from '../guest-type.ts';
import type { GuestOp, HostOp, Knobs, Lane, Scenario } from '../types.ts';

/** The granule within which stores may merge into one write transaction, and the cache line: 64 bytes (M-wb-gather, M-cache-line). */
export const MERGE_GRANULE = 64;

/**
 * A set of the scenario's guest stores: bit i for store i (numbered over
 * all vCPUs, Model.storeOffsets). A bigint, so that a scenario may have
 * more stores than a 32-bit number has bits (MAX_GUEST_STORES); only the
 * trace's words and keys without symmetry read which stores a set holds.
 */
export type StoreSet = bigint;
export const NO_STORES: StoreSet = 0n;

export interface Vcpu {
  readonly ops: readonly GuestOp[];
  /** The store (a set of one) of the op at each index; NO_STORES for barriers. */
  readonly store: readonly StoreSet[];
  /** The 64-byte line of the op at each index, as an index into Model.lines; -1 for barriers. */
  readonly region: readonly number[];
  /** Barriers before each op. */
  readonly epoch: readonly number[];
}

export interface Model {
  readonly scenario: Scenario;
  readonly knobs: Knobs;
  readonly guestType: GuestType;
  readonly vcpus: readonly Vcpu[];
  readonly host: readonly HostOp[];
  /** Offsets of the guest's stores, by store number. */
  readonly storeOffsets: readonly number[];
  /** The vCPU that issues each store, by store number. */
  readonly storeVcpu: readonly number[];
  /** The 64-byte lines the guest's stores touch (line number = offset / 64), in first-use order; State.dirty is indexed alike. */
  readonly lines: readonly number[];
  /** Barriers before each host op; with same-pe they continue vCPU 0's count (one PE). */
  readonly hostEpoch: readonly number[];
  /** Which write buffer the host uses: its own (after the vCPUs'), or vCPU 0's with same-pe. */
  readonly hostBuffer: number;
  readonly bufferCount: number;
  /** Guest stores go to the coherent cache, not to the acknowledgement point (M-type-cacheable). */
  readonly cacheable: boolean;
  readonly guestCompletion: CompletionPoint;
  /** The acknowledgement point: the interconnect on an SoC, the root complex on PCIe. */
  readonly ackLane: Lane;
  readonly ackName: string;
  readonly warnings: readonly string[];
  /**
   * Groups (of two or more) of vCPUs with identical programs, which the
   * reductions treat as interchangeable (M-vcpu-symmetry); vCPU 0 is in
   * none under same-pe, where it shares the host's buffer.
   */
  readonly vcpuGroups: readonly (readonly number[])[];
}

/** Where a write completes: at the acknowledgement point, or only at its target. */
export type CompletionPoint = 'ack' | 'target';

/** Which steps to build in a state, for the partial-order reduction (stubborn.ts); every step when absent. */
export interface Allowed {
  readonly vcpu: (k: number) => boolean;
  readonly host: boolean;
  readonly buffer: (pe: number) => boolean;
  readonly line: (line: number) => boolean;
  readonly arrival: (path: number, index: number) => boolean;
}

/**
 * Where a move takes a guest write from, for ClassFilter: a merge out of
 * buffer `x`, a merge with entry `y` of buffer `x`, a departure from
 * buffer `x`, an arrival on path `x` of a write of PE `y`; as one number
 * (x is a buffer or path, at most MAX_VCPUS, below 15).
 */
export const MERGE = 0;
export const MERGE_WITH = 1;
export const ACCEPT = 2;
export const ARRIVE = 3;
export function moveClass(move: typeof MERGE | typeof MERGE_WITH | typeof ACCEPT | typeof ARRIVE, x: number, y = -1): number {
  return move + 4 * (x + 1 + 16 * (y + 1));
}

/** What ClassFilter looks at of a write. */
export interface ClassWrite {
  readonly kind: string;
  readonly epoch: number;
  readonly region?: number;
}

/**
 * One move per class of interchangeable guest stores (M-reduce-symmetry):
 * a class is where the store is moved from, its epoch and its line; and
 * none of a vCPU whose twin moves instead (symmetry.ts).
 */
export interface ClassFilter {
  /** vCPU k's steps stand for those of an earlier vCPU in the same local state. */
  readonly twin: (k: number) => boolean;
  /**
   * A move of this write stands for one already listed: a store of its
   * class was moved, or it is in the buffer `pe` of a vCPU whose twin
   * moves instead (symmetry.ts). Reads nothing else, so callers may ask
   * before their own conditions.
   */
  readonly taken: (where: number, write: ClassWrite, pe?: number) => boolean;
  /** Records that a write of this class is moved. */
  readonly take: (where: number, write: ClassWrite) => void;
}

/** Without symmetry every move is listed. */
export const EVERY_MOVE: ClassFilter = { twin: () => false, taken: () => false, take: () => undefined };
