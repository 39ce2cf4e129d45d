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
 * that two keys are equal exactly when the parts are. Runs of writes that
 * may overtake one another are sorted, and runs of equal one-word writes
 * counted (endRun): the same identifications whatever the order sorted by,
 * except where a key leaves out what vCPUs are ordered by (describeVcpu).
 */
import { RESET_METHOD_NAMES } from '../vocabulary/reset-methods.ts';
import type { BufferEdit, Draft, ListEdit } from './draft.ts';
import { appendDelimiter, appendMember, dropMember, readPart, type PartShape, type RunForm } from './key-part.ts';
import type { Model, StoreSet } from './model.ts';
import { MAX_VCPUS, type ResetMethod } from '../types.ts';
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

/** One number per kind (the reset methods after the others); 0 is an anonymous guest write. Below KINDS. */
const CODE: Readonly<Record<TxnKind, number>> = {
  store: 1,
  writeback: 2,
  read: 3,
  ...(Object.fromEntries(RESET_METHOD_NAMES.map((method, i) => [method, 4 + i])) as Record<ResetMethod, number>),
};
const KINDS = 4 + RESET_METHOD_NAMES.length;

/** CODE[kind], with guest stores, most of what a key holds, answered without a lookup by a key that varies. */
function codeOf(kind: TxnKind): number {
  return kind === 'store' ? CODE.store : CODE[kind];
}
/** A token (token()) of a guest write, the member of a run; any other starts a delimiter. */
const isGuestWriteToken = (word: number): boolean => word % KINDS <= CODE.writeback;
/** Radix of a transaction's PE + 1 (NO_PE is -1; the host's buffer comes after the vCPUs'). */
const PE_RADIX = MAX_VCPUS + 2;
const ANONYMOUS_GUEST_WRITE = 0;

/** A program counter the key forgets (forgetPcsAfterUnmap). */
const FORGOTTEN_PC = -1;

/** The hash of words [from, to) (FNV-1a over 32-bit words), continuing from `h`. */
function hashWords(w: Int32Array, from: number, to: number, h = 0x811c9dc5): number {
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ w[i]!, 0x01000193);
  return h;
}

/** A key's hash with one more part's (or word's) folded in: in order, so that parts in other places give other hashes. */
function fold(h: number, part: number): number {
  return Math.imul(((h << 5) | (h >>> 27)) ^ part, 0x9e3779b1);
}

/**
 * Sorts the `count` tuples of `width` words from `start` (insertion sort:
 * runs are as long as a buffer or a path): writes that may overtake one
 * another, in a canonical order.
 */
function sortRun(words: Int32Array, start: number, count: number, width: number): void {
  if (width === 1) {
    for (let n = start + 1; n < start + count; n += 1) {
      const word = words[n]!;
      let m = n;
      for (; m > start && words[m - 1]! > word; m -= 1) words[m] = words[m - 1]!;
      words[m] = word;
    }
    return;
  }
  for (let n = 1; n < count; n += 1) {
    for (let m = n; m > 0 && before(words, start + m * width, start + (m - 1) * width, width); m -= 1) {
      for (let i = 0; i < width; i += 1) {
        const a = start + m * width + i;
        const b = a - width;
        const word = words[a]!;
        words[a] = words[b]!;
        words[b] = word;
      }
    }
  }
}

/** Whether the `width`-word tuple at a comes before the one at b. */
function before(words: Int32Array, a: number, b: number, width: number): boolean {
  for (let i = 0; i < width; i += 1) {
    const x = words[a + i]!;
    const y = words[b + i]!;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Writes the canonical key of states into reusable words; `encode(s)`
 * returns them, valid until the next call (the first `length` words),
 * and their hash (`hash`), folded from the hashes of the key's parts so
 * that the parts a successor copies from its parent are not hashed again.
 *
 * The key starts with one word for the host's progress and the two flags
 * (mixed radix), then the vCPUs' program counters, as many to a word as
 * fit, then the buffers and paths, then one bit per cache line of whether
 * it is dirty (a word per 31 lines; store sets, when the key keeps them).
 *
 * One word packs a write's kind, its line or PE, and its epoch (mixed
 * radix), unless the scenario has so many barriers that an epoch would
 * not fit: then the epoch takes a word of its own (`wide`). Store sets,
 * when the key keeps them, take a word per 32 stores.
 */
export class KeyEncoder {
  readonly shape: KeyShape;
  private words = new Int32Array(256);
  /** Words of the last key. */
  length = 0;
  /** Hash of the last key. */
  hash = 0;
  /** Radix of a program counter + 1 (FORGOTTEN_PC is -1), and how many share a word. */
  private readonly pcRadix: number;
  private readonly pcsPerWord: number;
  /** Radix of a write's line + 1 (-1 for host writes), below its epoch. */
  private readonly lineRadix: number;
  /** Epochs get words of their own. */
  private readonly wide: boolean;
  /** Words per store set, 32 stores each. */
  private readonly storeWords: number;
  /** Words per write that may be sorted among others: its token, its epoch when wide, its stores unless symmetry forgets them. */
  private readonly width: number;
  /** Words before the first buffer: the host's progress and flags, the program counters. */
  private readonly headerWords: number;
  /** Words after the paths: the dirty lines. */
  private readonly dirtyWords: number;
  /** How runs of stores in a buffer, and of guest writes on a path, are written (key-part.ts). */
  private readonly bufferRuns: RunForm;
  private readonly pathRuns: RunForm;
  /**
   * The state being expanded, and the parts of its buffers and paths
   * (`expanding`): per part its words from parentStart[part] to
   * parentStart[part + 1], where its last run starts when its list ends
   * with one (-1 when not), and whether its list holds anything but run
   * members.
   */
  private parent: State | undefined;
  private parentWords = new Int32Array(256);
  private readonly parentStart: Int32Array;
  private readonly parentHash: Int32Array;
  private readonly parentLastRun: Int32Array;
  private readonly parentDelimited: Uint8Array;
  /** Where the last list written ends with a run (-1 when it does not), and whether it had a delimiter (set by writeBuffer and writePath). */
  private lastRun = -1;
  private delimited = false;
  /** What readPart found of the part it read last. */
  private readonly shapeOf: PartShape = { end: 0, lastRun: -1, delimited: false };
  /** The words of one item, for the edits of key-part.ts. */
  private item = new Int32Array(8);
  /** A run being counted (endRun). */
  private runs = new Int32Array(64);
  /** Descriptions of a group's vCPUs, for their canonical order (describeVcpu). */
  private descriptions = new Int32Array(64);
  private described = 0;

  constructor(model: Model, shape: KeyShape) {
    this.shape = shape;
    this.lineRadix = model.lines.length + 1;
    const epochs = [...model.hostEpoch, ...model.vcpus.flatMap((vcpu) => vcpu.epoch)];
    const radix = Math.max(this.lineRadix, PE_RADIX);
    this.wide = KINDS * (radix + radix * Math.max(0, ...epochs)) >= 2 ** 31;
    this.storeWords = Math.max(1, Math.ceil(model.storeOffsets.length / 32));
    this.pcRadix = Math.max(0, ...model.vcpus.map((vcpu) => vcpu.ops.length)) + 2;
    this.pcsPerWord = Math.max(1, Math.floor(31 / Math.log2(this.pcRadix)));
    this.width = (this.wide ? 2 : 1) + (shape.symmetry ? 0 : this.storeWords);
    // A delimiter is a token (with its epoch when wide) and a host op.
    const delimiterWords = (this.wide ? 2 : 1) + 1;
    this.bufferRuns = { sorted: shape.unorderedBuffer, counted: this.width === 1, width: this.width, delimiterWords, isMember: isGuestWriteToken };
    this.pathRuns = {
      sorted: shape.unorderedPath,
      counted: this.width === 1,
      width: shape.anonymousGuestWrites ? 1 : this.width,
      delimiterWords,
      isMember: isGuestWriteToken,
    };
    this.headerWords = 1 + Math.ceil(model.vcpus.length / this.pcsPerWord);
    this.dirtyWords = shape.symmetry ? Math.ceil(model.lines.length / 31) : this.storeWords * model.lines.length;
    if (this.item.length < this.width + 1) this.item = new Int32Array(this.width + 1);
    // Parts: the buffers, then the two paths, and where the last one ends.
    const parts = model.bufferCount + 2;
    this.parentStart = new Int32Array(parts + 1);
    this.parentHash = new Int32Array(parts);
    this.parentLastRun = new Int32Array(parts);
    this.parentDelimited = new Uint8Array(parts);
  }

  /**
   * The state whose successors are encoded next, and its key as encode
   * wrote it (the words of `key` from `from`): the parts of its buffers
   * (and of its paths, when no vCPUs get renamed) are kept, and copied into
   * the key of every successor that shares the buffer or path (a step
   * changes one or two of them and leaves the others as they are, the
   * same arrays). The parts are read from the key; when vCPUs get renamed
   * the key holds the buffers in another order, and they are encoded again.
   */
  expanding(s: State, key: Int32Array, from: number): void {
    this.parent = s;
    if (this.shape.vcpuGroups.length > 0) return this.encodeParts(s);
    const parts = s.buffers.length + s.paths.length;
    const first = from + this.headerWords;
    // The parts end where the dirty lines begin, the key's last words.
    let end = first;
    for (let part = 0; part < parts; part += 1) {
      readPart(key, end, part < s.buffers.length ? this.bufferRuns : this.pathRuns, this.shapeOf);
      this.parentStart[part] = end - first;
      this.parentLastRun[part] = this.shapeOf.lastRun < 0 ? -1 : this.shapeOf.lastRun - first;
      this.parentDelimited[part] = this.shapeOf.delimited ? 1 : 0;
      this.parentHash[part] = hashWords(key, end, this.shapeOf.end);
      end = this.shapeOf.end;
    }
    this.parentStart[parts] = end - first;
    if (this.parentWords.length < end - first) this.parentWords = new Int32Array(2 * (end - first));
    this.parentWords.set(key.subarray(first, end));
  }

  /** As `expanding`, the parts encoded from the state's lists. */
  private encodeParts(s: State): void {
    let bound = 0;
    for (let p = 0; p < s.buffers.length; p += 1) bound += 1 + 2 * (this.width + 1) * s.buffers[p]!.length;
    if (this.parentWords.length < bound) this.parentWords = new Int32Array(2 * bound);
    let n = 0;
    for (let p = 0; p < s.buffers.length; p += 1) {
      this.parentStart[p] = n;
      n = this.writeBuffer(this.parentWords, n, s.buffers[p]!, undefined);
      this.parentHash[p] = hashWords(this.parentWords, this.parentStart[p]!, n);
      this.parentLastRun[p] = this.lastRun;
      this.parentDelimited[p] = this.delimited ? 1 : 0;
    }
    // The paths are written with the renaming of each successor, never copied.
    for (let p = 0; p <= s.paths.length; p += 1) this.parentStart[s.buffers.length + p] = n;
  }

  /** Copies the parent's words [from, to) (expanding), kept parts, into the key at n. */
  private copyParent(w: Int32Array, n: number, from: number, to: number): number {
    for (let i = from; i < to; i += 1) w[n++] = this.parentWords[i]!;
    return n;
  }

  /** The key of a state. */
  encode(s: State): Int32Array {
    return this.write(s, undefined);
  }

  /**
   * The key of the successor a draft holds, its lists read with their
   * pending edits (draft.ts); the parts it shares with the state being
   * expanded are copied from that state's.
   */
  encodeDraft(next: Draft): Int32Array {
    if (this.shape.vcpuGroups.length > 0) {
      // A renaming of vCPUs compares their lists as they are (describeVcpu): the draft builds its edited lists first.
      next.applyEdits();
      return this.write(next, next);
    }
    return this.writeEdited(next) ?? this.write(next, next);
  }

  /**
   * The key of the successor a draft holds when its lists are its parent's
   * but for the pending edits (most steps edit one buffer or path, or one of
   * each): the parent's words, its parts edited in place and the kept parts
   * between them copied in runs. Undefined when a list was built anew (a
   * step that edits one kind of list twice), for `write`.
   */
  private writeEdited(next: Draft): Int32Array | undefined {
    const parent = this.parent!;
    const buffers = next.buffers.length;
    for (let p = 0; p < buffers; p += 1) if (next.buffers[p] !== parent.buffers[p]) return undefined;
    for (let p = 0; p < next.paths.length; p += 1) if (next.paths[p] !== parent.paths[p]) return undefined;
    const bufferEdit = next.editedBuffer;
    const pathEdit = next.editedPath;
    const parts = buffers + next.paths.length;
    const end = this.parentStart[parts]!;
    // An edited part is at most a write (or a run's pair) longer than its parent's, unless written anew (then `room` again).
    let w = this.room(0, this.headerWords + end + 2 * (this.width + 2) + this.dirtyWords);
    let n = this.writeHeader(w, next, undefined);
    let h = hashWords(w, 0, n);
    let copied = 0;
    for (let part = 0; part < parts; part += 1) {
      const isBuffer = part < buffers;
      if (isBuffer ? bufferEdit.list !== part : pathEdit.list !== part - buffers) {
        h = fold(h, this.parentHash[part]!);
        continue;
      }
      n = this.copyParent(w, n, copied, this.parentStart[part]!);
      copied = this.parentStart[part + 1]!;
      const start = n;
      if (isBuffer) {
        const buffer = next.buffers[part]!;
        n = this.editBuffer(w, start, part, buffer, bufferEdit);
        if (n < 0) n = this.writeBuffer((w = this.roomToRewrite(start, buffer.length, end - copied)), start, buffer, bufferEdit);
      } else {
        const path = next.paths[part - buffers]!;
        n = this.editPath(w, start, part, path, pathEdit);
        if (n < 0) n = this.writePath((w = this.roomToRewrite(start, path.length, end - copied)), start, path, undefined, pathEdit);
      }
      h = fold(h, hashWords(w, start, n));
    }
    n = this.copyParent(w, n, copied, end);
    return this.endKey(w, n, h, next);
  }

  private write(s: State, edits: Draft | undefined): Int32Array {
    const { parent } = this;
    const order = this.canonicalOrder(s);
    const bufferEdit = edits?.editedBuffer;
    const pathEdit = edits?.editedPath;
    // Room for the words of a write: its token (and epoch), its stores or host op, or a run's count.
    const perWrite = this.width + 1;
    let w = this.room(0, this.headerWords);
    let n = this.writeHeader(w, s, order);
    let h = hashWords(w, 0, n);
    for (let k = 0; k < s.buffers.length; k += 1) {
      const p = order ? order[k]! : k;
      const buffer = s.buffers[p]!;
      // One more for an entry the edit appends.
      w = this.room(n, 1 + perWrite * (buffer.length + 1));
      const start = n;
      const kept = parent?.buffers[p] === buffer;
      if (bufferEdit?.list === p) {
        const edited = kept ? this.editBuffer(w, n, p, buffer, bufferEdit) : -1;
        n = edited >= 0 ? edited : this.writeBuffer(w, n, buffer, bufferEdit);
      } else if (!kept) n = this.writeBuffer(w, n, buffer, undefined);
      else {
        n = this.copyParent(w, n, this.parentStart[p]!, this.parentStart[p + 1]!);
        h = fold(h, this.parentHash[p]!);
        continue;
      }
      h = fold(h, hashWords(w, start, n));
    }
    const rename = order ? inverse(order) : undefined;
    for (let p = 0; p < s.paths.length; p += 1) {
      const path = s.paths[p]!;
      w = this.room(n, 1 + perWrite * (path.length + 1));
      const start = n;
      const part = s.buffers.length + p;
      const kept = !order && parent?.paths[p] === path;
      if (pathEdit?.list === p) {
        const edited = kept ? this.editPath(w, n, part, path, pathEdit) : -1;
        n = edited >= 0 ? edited : this.writePath(w, n, path, rename, pathEdit);
      } else if (!kept) n = this.writePath(w, n, path, rename, undefined);
      else {
        n = this.copyParent(w, n, this.parentStart[part]!, this.parentStart[part + 1]!);
        h = fold(h, this.parentHash[part]!);
        continue;
      }
      h = fold(h, hashWords(w, start, n));
    }
    w = this.room(n, this.dirtyWords);
    return this.endKey(w, n, h, s);
  }

  /** Room after n for a list of `length` written anew (with one write more), `rest` words of the parent's, another edited part and the dirty lines. */
  private roomToRewrite(n: number, length: number, rest: number): Int32Array {
    return this.room(n, 1 + (this.width + 2) * (length + 2) + rest + this.dirtyWords);
  }

  /** The host's progress and flags in one word (mixed radix), then the program counters (renamed by `order`), as many to a word as fit. */
  private writeHeader(w: Int32Array, s: State, order: readonly number[] | undefined): number {
    let n = 0;
    w[n++] = ((s.hostPc * 3 + s.hostPhase) * 2 + (s.unmapped ? 1 : 0)) * 2 + (s.reset ? 1 : 0);
    const forget = this.shape.forgetPcsAfterUnmap && s.unmapped;
    for (let k = 0; k < s.pcs.length; k += this.pcsPerWord) {
      let word = 0;
      for (let j = Math.min(s.pcs.length, k + this.pcsPerWord) - 1; j >= k; j -= 1) {
        word = word * this.pcRadix + 1 + (forget ? FORGOTTEN_PC : s.pcs[order ? order[j]! : j]!);
      }
      w[n++] = word;
    }
    return n;
  }

  /** Ends the key whose words before n hash to h (`w` has room for the dirty lines): the dirty lines, then `length` and `hash`. */
  private endKey(w: Int32Array, n: number, h: number, s: State): Int32Array {
    const start = n;
    if (this.shape.symmetry) {
      for (let l = 0; l < s.dirty.length; l += 31) {
        let word = 0;
        for (let j = Math.min(s.dirty.length, l + 31) - 1; j >= l; j -= 1) word = (word << 1) | (s.dirty[j] === 0n ? 0 : 1);
        w[n++] = word;
      }
    } else for (const stores of s.dirty) n = this.writeStores(w, n, stores);
    this.hash = fold(h, hashWords(w, start, n));
    this.length = n;
    return w;
  }

  /** The key's words, with room for `more` after the first `n`. */
  private room(n: number, more: number): Int32Array {
    if (n + more > this.words.length) {
      const grown = new Int32Array(2 * (n + more));
      grown.set(this.words.subarray(0, n));
      this.words = grown;
    }
    return this.words;
  }

  /**
   * A buffer (with an edit: as the edit leaves it): its length, then its
   * entries, runs of stores sorted when they may leave in any order.
   */
  private writeBuffer(w: Int32Array, n: number, buffer: readonly Entry[], edit: BufferEdit | undefined): number {
    const sorted = this.shape.unorderedBuffer;
    const drop = edit === undefined ? -1 : edit.drop;
    const add = edit?.add;
    const end = add === undefined ? buffer.length : buffer.length + 1;
    w[n++] = drop < 0 ? end : end - 1;
    let runStart = n;
    this.delimited = false;
    for (let i = 0; i < end; i += 1) {
      if (i === drop) continue;
      const e = i < buffer.length ? buffer[i]! : add!;
      if (e.kind === 'store') {
        n = this.bufferItem(w, n, e, i === edit?.merged ? edit.stores | edit.with : e.stores);
        continue;
      }
      n = this.endRun(w, runStart, n, sorted);
      n = this.bufferItem(w, n, e, e.stores);
      runStart = n;
      this.delimited = true;
    }
    n = this.endRun(w, runStart, n, sorted);
    this.lastRun = n > runStart ? runStart : -1;
    return n;
  }

  /** An entry of a buffer: a store's token (and its stores unless symmetry forgets them), or a host write's token and op. */
  private bufferItem(w: Int32Array, n: number, e: Entry, stores: StoreSet): number {
    n = this.token(w, n, e.kind, e.region + 1, this.lineRadix, e.epoch);
    if (e.kind !== 'store') w[n++] = e.op;
    else if (!this.shape.symmetry) n = this.writeStores(w, n, stores);
    return n;
  }

  /**
   * A path (with an edit: as the edit leaves it): its length, then its
   * transactions (PEs renamed), runs of guest writes sorted when the path
   * keeps no order among them.
   */
  private writePath(w: Int32Array, n: number, path: readonly Txn[], rename: readonly number[] | undefined, edit: ListEdit<Txn> | undefined): number {
    const sorted = this.shape.unorderedPath;
    const drop = edit === undefined ? -1 : edit.drop;
    const add = edit?.add;
    const end = add === undefined ? path.length : path.length + 1;
    w[n++] = drop < 0 ? end : end - 1;
    let runStart = n;
    this.delimited = false;
    for (let i = 0; i < end; i += 1) {
      if (i === drop) continue;
      const t = i < path.length ? path[i]! : add!;
      if (isGuestWrite(t.kind)) {
        n = this.pathItem(w, n, t, rename);
        continue;
      }
      n = this.endRun(w, runStart, n, sorted);
      n = this.pathItem(w, n, t, rename);
      runStart = n;
      this.delimited = true;
    }
    n = this.endRun(w, runStart, n, sorted);
    this.lastRun = n > runStart ? runStart : -1;
    return n;
  }

  /** A transaction on a path: a guest write's token (and its stores unless symmetry forgets them) or nothing but that it is one, or another's token and op. */
  private pathItem(w: Int32Array, n: number, t: Txn, rename: readonly number[] | undefined): number {
    const guestWrite = isGuestWrite(t.kind);
    if (guestWrite && this.shape.anonymousGuestWrites) {
      w[n] = ANONYMOUS_GUEST_WRITE;
      return n + 1;
    }
    n = this.token(w, n, t.kind, renamed(t.pe, rename) + 1, PE_RADIX, t.epoch);
    if (!guestWrite) w[n++] = t.op;
    else if (!this.shape.symmetry) n = this.writeStores(w, n, t.stores);
    return n;
  }

  /**
   * The edited buffer p of the state being expanded, from the words of its
   * part (key-part.ts), or -1 for an edit key-part.ts does not cover: an
   * entry both taken and appended, a merge whose stores the key keeps, a
   * host write taken out, or a store taken out of a buffer that holds one.
   */
  private editBuffer(w: Int32Array, n: number, p: number, buffer: readonly Entry[], edit: BufferEdit): number {
    const start = this.parentStart[p]!;
    const end = this.parentStart[p + 1]!;
    const { add, drop } = edit;
    if (add !== undefined) {
      if (drop >= 0) return -1;
      const size = this.bufferItem(this.item, 0, add, add.stores);
      if (add.kind !== 'store') return appendDelimiter(this.parentWords, start, end, this.item, size, w, n);
      return appendMember(this.parentWords, start, end, this.parentLastRun[p]!, this.item, this.bufferRuns, w, n);
    }
    const e = buffer[drop]!;
    if ((edit.merged >= 0 && !this.shape.symmetry) || e.kind !== 'store' || this.parentDelimited[p]) return -1;
    this.bufferItem(this.item, 0, e, e.stores);
    return dropMember(this.parentWords, start, end, drop, this.item, this.bufferRuns, w, n);
  }

  /** As editBuffer, for path `part - buffers` (its part number `part`). */
  private editPath(w: Int32Array, n: number, part: number, path: readonly Txn[], edit: ListEdit<Txn>): number {
    const start = this.parentStart[part]!;
    const end = this.parentStart[part + 1]!;
    const { add, drop } = edit;
    if (add !== undefined) {
      if (drop >= 0) return -1;
      const size = this.pathItem(this.item, 0, add, undefined);
      if (!isGuestWrite(add.kind)) return appendDelimiter(this.parentWords, start, end, this.item, size, w, n);
      return appendMember(this.parentWords, start, end, this.parentLastRun[part]!, this.item, this.pathRuns, w, n);
    }
    const t = path[drop]!;
    if (!isGuestWrite(t.kind) || this.parentDelimited[part]) return -1;
    this.pathItem(this.item, 0, t, undefined);
    return dropMember(this.parentWords, start, end, drop, this.item, this.pathRuns, w, n);
  }

  /**
   * Ends a run of guest writes, words [start, end): sorted when they may
   * overtake one another; when each is one word, equal neighbours written
   * once with their number (a buffer of eight stores to one line is two
   * words). Returns the run's new end.
   */
  private endRun(w: Int32Array, start: number, end: number, sort: boolean): number {
    const { width } = this;
    if (sort && end - start > width) sortRun(w, start, (end - start) / width, width);
    if (width !== 1 || end === start) return end;
    // Written through `runs`: pairs may take more words than the run (all different), which `bound` leaves room for.
    const count = end - start;
    if (this.runs.length < 2 * count) this.runs = new Int32Array(4 * count);
    let out = 0;
    for (let i = 0; i < count; ) {
      const word = w[start + i]!;
      let same = 1;
      while (i + same < count && w[start + i + same] === word) same += 1;
      this.runs[out++] = word;
      this.runs[out++] = same;
      i += same;
    }
    for (let i = 0; i < out; i += 1) w[start + i] = this.runs[i]!;
    return start + out;
  }

  /** A store set, 32 stores a word. */
  private writeStores(w: Int32Array, n: number, stores: StoreSet): number {
    for (let i = 0; i < this.storeWords; i += 1) w[n++] = Number(BigInt.asIntN(32, stores >> BigInt(32 * i)));
    return n;
  }

  /** A write's kind, its line or PE (+ 1, below `radix`) and its epoch: one word, or two when wide. */
  private token(w: Int32Array, n: number, kind: TxnKind, where: number, radix: number, epoch: number): number {
    if (!this.wide) {
      w[n] = codeOf(kind) + KINDS * (where + radix * epoch);
      return n + 1;
    }
    w[n] = codeOf(kind) + KINDS * where;
    w[n + 1] = epoch;
    return n + 2;
  }

  /**
   * The renaming of PEs that puts each group of interchangeable vCPUs in a
   * canonical order: sorted by everything that belongs to the vCPU (its
   * program counter, its buffer, and where its writes are on the paths).
   * vCPUs with equal descriptions are interchangeable, so ties may go
   * either way. Returns the PE whose part goes to position k, for each k.
   */
  private canonicalOrder(s: State): number[] | undefined {
    if (this.shape.vcpuGroups.length === 0) return undefined;
    const order = s.buffers.map((_, pe) => pe);
    for (const group of this.shape.vcpuGroups) {
      this.described = 0;
      const ranked = group.map((k) => {
        const from = this.described;
        this.describeVcpu(s, k);
        return { k, from, to: this.described };
      });
      ranked.sort((a, b) => compareWords(this.descriptions, a.from, a.to, b.from, b.to));
      ranked.forEach((d, rank) => {
        order[group[rank] ?? d.k] = d.k;
      });
    }
    return order;
  }

  private describe(word: number): void {
    if (this.described === this.descriptions.length) {
      const grown = new Int32Array(2 * this.described);
      grown.set(this.descriptions);
      this.descriptions = grown;
    }
    this.descriptions[this.described++] = word;
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
    const { shape } = this;
    this.describe(shape.forgetPcsAfterUnmap && s.unmapped ? STAR : CHAR_ONE + (s.pcs[k] ?? 0));
    const start = this.described;
    const buffer = s.buffers[k] ?? [];
    for (const entry of buffer) {
      this.describe(LETTER_S);
      this.describe(CHAR_ONE + entry.epoch);
      this.describe(CHAR_ONE + entry.region);
    }
    if (shape.unorderedBuffer && buffer.length > 1) sortRun(this.descriptions, start, buffer.length, 3);
    // Anonymous guest writes carry no PE, and a vCPU puts nothing else on a path.
    if (shape.anonymousGuestWrites) return;
    for (const path of s.paths) {
      this.describe(SLASH);
      path.forEach((t, i) => {
        if (t.pe !== k) return;
        this.describe(CHAR_ONE + i);
        this.describe(LETTER_S);
        this.describe(CHAR_ONE);
        this.describe(CHAR_ONE + t.epoch);
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

/** A PE after the canonical renaming (NO_PE stays). */
const renamed = (pe: number, rename: readonly number[] | undefined): number => (pe < 0 || !rename ? pe : rename[pe]!);

/** The positions of a permutation: inverse(order)[order[k]] = k. */
function inverse(order: readonly number[]): number[] {
  const out = new Array<number>(order.length);
  order.forEach((pe, k) => (out[pe] = k));
  return out;
}
