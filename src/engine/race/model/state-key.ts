/**
 * The canonical key of a state: equal keys mean states with the same
 * futures, up to a renaming that no rule of the model can observe. The
 * explorer stores one state per key, so each identification below is a
 * reduction; each is sound because the two states it identifies are
 * bisimilar (every step of one is matched by a step of the other to states
 * that are again identified, with the same `delivers` and `violation`
 * flags), which keeps the verdict, the shortest counterexample length and
 * the write counts (M-reduce-symmetry).
 *
 * A key is a sequence of 32-bit words written into one reusable array,
 * because the explorer computes one per transition: every part of the
 * state that the key keeps, variable-length parts after their length, so
 * that two keys are equal exactly when the parts are.
 */
import { RESET_METHOD_NAMES } from '../vocabulary/reset-methods.ts';
import type { Model, StoreSet } from './model.ts';
import { isGuestWrite, type Entry, type State, type Txn, type TxnKind } from './state.ts';

/** How the key treats interchangeable parts of a state. */
export interface KeyShape {
  /** Buffer entries may leave in any order within an epoch: sort runs of stores in the key. */
  readonly unorderedBuffer: boolean;
  /** The device path keeps no order among guest writes: sort runs of them in the key. */
  readonly unorderedPath: boolean;
  /**
   * Forget which guest stores a write (or a dirty line) carries and keep
   * only its kind, line and epoch. No rule looks at store identities or
   * group sizes: merging needs the same line and epoch, ordering needs
   * epochs and (for nR types) buffer positions, and the property only asks
   * whether some guest write arrives after the reset.
   */
  readonly symmetry: boolean;
  /**
   * Forget which PE a guest write on a path came from, and its epoch. Only
   * when every path is first in, first out (write-order and np-pushes) and
   * guest writes complete at the acknowledgement point: then no DSB waits
   * for a guest write on a path, no guest write can overtake anything, and
   * the PE and epoch of one are read by no rule.
   */
  readonly anonymousGuestWrites: boolean;
  /**
   * Groups of vCPUs with identical programs (M-vcpu-symmetry), each of at
   * least two; vCPU 0 is in none under same-pe, where it shares the host's
   * buffer. A state and the state with two vCPUs of one group swapped
   * (program counters, buffers, and the PE of their writes on the paths)
   * are bisimilar: the rules treat vCPUs alike by their programs only.
   */
  readonly vcpuGroups: readonly (readonly number[])[];
  /**
   * With guest-stops=no, once the TLBI took effect the vCPUs' program
   * counters no longer matter: every later store faults and writes nothing
   * (M-fault-drop), a later dmb or dsb only moves the program counter, and
   * the host does not wait for the guest. States that differ only in them
   * are one state; the steps between them (faults, barriers) become steps
   * from a state to itself, which never lie on a shortest path and deliver
   * nothing, so the verdict, the shortest counterexample length and the
   * write counts are kept.
   */
  readonly forgetPcsAfterUnmap: boolean;
}

export function keyShape(model: Model, reduction: boolean): KeyShape {
  const reorder = model.guestType.behaviour.reorder;
  const fifo = model.knobs['write-order'] && model.knobs['np-pushes'];
  return {
    unorderedBuffer: reorder,
    unorderedPath: reorder && !model.knobs['write-order'],
    symmetry: reduction,
    anonymousGuestWrites: reduction && fifo && model.guestCompletion === 'ack',
    vcpuGroups: reduction ? model.vcpuGroups : [],
    forgetPcsAfterUnmap: reduction && !model.knobs['guest-stops'],
  };
}

/** One number per kind (the reset methods after the others), and one for an anonymous guest write. */
const CODE = new Map<TxnKind, number>([
  ['store', 1],
  ['writeback', 2],
  ['read', 3],
  ...RESET_METHOD_NAMES.map((method, i) => [method, 4 + i] as const),
]);
const ANONYMOUS_GUEST_WRITE = 0;
const codeOf = (kind: TxnKind): number => CODE.get(kind) ?? -1;

/** A program counter the key forgets (forgetPcsAfterUnmap). */
const FORGOTTEN_PC = -1;

/** A growable array of words: the key being written, or scratch. */
class Words {
  words = new Int32Array(256);
  length = 0;

  push(word: number): void {
    if (this.length === this.words.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.length++] = word;
  }

  pushStores(stores: StoreSet): void {
    this.push(Number(BigInt.asIntN(32, stores)));
    this.push(Number(BigInt.asIntN(32, stores >> 32n)));
  }

  /** Appends words [from, to) of `other`. */
  copy(other: Words, from: number, to: number): void {
    for (let i = from; i < to; i += 1) this.push(other.words[i]!);
  }
}

/** Whether the `width`-word tuples at a and b of `words` compare a < b. */
function before(words: Int32Array, a: number, b: number, width: number): boolean {
  for (let i = 0; i < width; i += 1) {
    const x = words[a + i]!;
    const y = words[b + i]!;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Sorts the `count` tuples of `width` words from `start` (insertion sort:
 * runs are as long as a buffer or a path): writes that may overtake one
 * another, in a canonical order.
 */
const TUPLE = new Int32Array(5);
function sortRun(out: Words, start: number, count: number, width: number): void {
  const words = out.words;
  const tuple = TUPLE.subarray(0, width);
  for (let n = 1; n < count; n += 1) {
    const at = start + n * width;
    let m = n;
    while (m > 0 && before(words, at, start + (m - 1) * width, width)) m -= 1;
    if (m === n) continue;
    tuple.set(words.subarray(at, at + width));
    words.copyWithin(start + (m + 1) * width, start + m * width, at);
    words.set(tuple, start + m * width);
  }
}

/**
 * Writes the canonical key of states into reusable words; `encode(s)`
 * returns them, valid until the next call (the first `length` words).
 */
export class KeyEncoder {
  readonly shape: KeyShape;
  private readonly key = new Words();
  /** Each buffer's part, written before the canonical order of vCPUs is known. */
  private readonly parts = new Words();
  private readonly partStart: number[] = [];
  /** Descriptions of a group's vCPUs, for their canonical order (describeVcpu). */
  private readonly descriptions = new Words();

  constructor(shape: KeyShape) {
    this.shape = shape;
  }

  get length(): number {
    return this.key.length;
  }

  encode(s: State): Int32Array {
    const { shape, key, parts, partStart } = this;
    parts.length = 0;
    s.buffers.forEach((buffer, p) => {
      partStart[p] = parts.length;
      this.bufferPart(buffer);
    });
    partStart[s.buffers.length] = parts.length;
    const order = this.canonicalOrder(s);
    key.length = 0;
    key.push(s.hostPc);
    key.push(s.hostPhase);
    key.push(s.unmapped ? 1 : 0);
    key.push(s.reset ? 1 : 0);
    s.pcs.forEach((_, k) => key.push(this.pcWord(s, order ? (order[k] ?? k) : k)));
    s.buffers.forEach((_, k) => {
      const p = order ? (order[k] ?? k) : k;
      key.copy(parts, partStart[p]!, partStart[p + 1]!);
    });
    const rename = order ? inverse(order) : undefined;
    for (const path of s.paths) {
      key.push(path.length);
      this.pathPart(path, rename);
    }
    for (const stores of s.dirty) {
      if (shape.symmetry) key.push(stores === 0n ? 0 : 1);
      else key.pushStores(stores);
    }
    return key.words;
  }

  private pcWord(s: State, k: number): number {
    return this.shape.forgetPcsAfterUnmap && s.unmapped ? FORGOTTEN_PC : (s.pcs[k] ?? 0);
  }

  /** A buffer: its length, then its entries, runs of stores sorted when they may leave in any order. */
  private bufferPart(buffer: readonly Entry[]): void {
    const { shape, parts } = this;
    parts.push(buffer.length);
    let run = 0;
    let runStart = parts.length;
    for (const entry of buffer) {
      const isStore = entry.kind === 'store';
      if (isStore && run === 0) runStart = parts.length;
      parts.push(codeOf(entry.kind));
      parts.push(entry.epoch);
      parts.push(entry.region);
      if (!isStore) parts.push(entry.op);
      else if (!shape.symmetry) parts.pushStores(entry.stores);
      run = isStore ? run + 1 : this.endRun(parts, runStart, run);
    }
    this.endRun(parts, runStart, run);
  }

  /** Sorts a run of `count` store tokens that ended (when the buffer keeps no order among them); returns 0, the next run's length. */
  private endRun(out: Words, start: number, count: number): number {
    if (count > 1 && this.shape.unorderedBuffer) sortRun(out, start, count, this.shape.symmetry ? 3 : 5);
    return 0;
  }

  /**
   * A transaction: anonymous guest writes as one word; otherwise its kind,
   * the PE it came from (`pe`, renamed) and its epoch, with its host op, or
   * its stores unless symmetry forgets them.
   */
  private txnToken(out: Words, t: Txn, pe: number): void {
    const { shape } = this;
    const guest = isGuestWrite(t.kind);
    if (shape.anonymousGuestWrites && guest) return out.push(ANONYMOUS_GUEST_WRITE);
    out.push(codeOf(t.kind));
    out.push(pe);
    out.push(t.epoch);
    if (!guest) out.push(t.op);
    else if (!shape.symmetry) out.pushStores(t.stores);
  }

  /** A path's transactions, runs of guest writes sorted when the path keeps no order among them. */
  private pathPart(path: readonly Txn[], rename: readonly number[] | undefined): void {
    const { shape, key } = this;
    let run = 0;
    let runStart = key.length;
    for (const t of path) {
      const guest = isGuestWrite(t.kind);
      if (guest && run === 0) runStart = key.length;
      this.txnToken(key, t, t.pe < 0 || !rename ? t.pe : (rename[t.pe] ?? t.pe));
      if (guest) {
        run += 1;
        continue;
      }
      if (run > 1 && shape.unorderedPath) sortRun(key, runStart, run, shape.symmetry ? 3 : 5);
      run = 0;
    }
    if (run > 1 && shape.unorderedPath) sortRun(key, runStart, run, shape.symmetry ? 3 : 5);
  }

  /**
   * The renaming of PEs that puts each group of interchangeable vCPUs in a
   * canonical order: sorted by everything that belongs to the vCPU (its
   * program counter, its buffer, and where its writes are on the paths).
   * vCPUs with equal descriptions are interchangeable, so ties may go
   * either way. Returns the PE whose part goes to position k, for each k.
   */
  private canonicalOrder(s: State): number[] | undefined {
    const { shape, descriptions } = this;
    if (shape.vcpuGroups.length === 0) return undefined;
    const order = s.buffers.map((_, pe) => pe);
    for (const group of shape.vcpuGroups) {
      descriptions.length = 0;
      const starts = group.map((k) => {
        const start = descriptions.length;
        this.describeVcpu(s, k);
        return start;
      });
      starts.push(descriptions.length);
      const ranked = group.map((k, n) => ({ k, from: starts[n]!, to: starts[n + 1]! }));
      ranked.sort((a, b) => compareWords(descriptions.words, a.from, a.to, b.from, b.to));
      ranked.forEach((d, rank) => {
        order[group[rank] ?? d.k] = d.k;
      });
    }
    return order;
  }

  /**
   * vCPU k's description, compared as text: the program counter, the
   * buffer's stores (kind, epoch, line), then per path the position and
   * epoch of each of its stores there, one character code per number
   * (offset by '1', a forgotten counter '*'). A vCPU's buffer and its
   * writes on the paths hold only stores (with same-pe, vCPU 0, which
   * shares the host's buffer, is in no group). The order matters: with
   * unordered paths the key forgets positions this description holds, so
   * which states are identified depends on how descriptions compare, and
   * this is the order the model's state counts were first recorded with.
   */
  private describeVcpu(s: State, k: number): void {
    const { shape, descriptions: out } = this;
    out.push(this.pcWord(s, k) === FORGOTTEN_PC ? STAR : CHAR_ONE + (s.pcs[k] ?? 0));
    const start = out.length;
    const buffer = s.buffers[k] ?? [];
    for (const entry of buffer) {
      out.push(LETTER_S);
      out.push(CHAR_ONE + entry.epoch);
      out.push(CHAR_ONE + entry.region);
    }
    if (shape.unorderedBuffer && buffer.length > 1) sortRun(out, start, buffer.length, 3);
    // Anonymous guest writes carry no PE, and a vCPU puts nothing else on a path.
    if (shape.anonymousGuestWrites) return;
    for (const path of s.paths) {
      out.push(SLASH);
      path.forEach((t, i) => {
        if (t.pe !== k) return;
        out.push(CHAR_ONE + i);
        out.push(LETTER_S);
        out.push(CHAR_ONE);
        out.push(CHAR_ONE + t.epoch);
      });
    }
  }
}

/** Character codes of descriptions (describeVcpu). */
const CHAR_ONE = '1'.charCodeAt(0);
const STAR = '*'.charCodeAt(0);
const SLASH = '/'.charCodeAt(0);
const LETTER_S = 's'.charCodeAt(0);

/** Lexicographic order of words [aFrom, aTo) and [bFrom, bTo), a prefix first. */
function compareWords(words: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  for (let i = 0; aFrom + i < aTo && bFrom + i < bTo; i += 1) {
    const x = words[aFrom + i]!;
    const y = words[bFrom + i]!;
    if (x !== y) return x - y;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/** The positions of a permutation: inverse(order)[order[k]] = k. */
function inverse(order: readonly number[]): number[] {
  const out = new Array<number>(order.length);
  order.forEach((pe, k) => (out[pe] = k));
  return out;
}
