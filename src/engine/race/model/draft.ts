/**
 * A successor being built: the explorer takes each step in one reused
 * draft of the state the step was listed in, computes the successor's key
 * from it (state-key.ts), and keeps a State of it (`freeze`) only when the
 * key is new. Most steps lead to states already seen, so a draft changes
 * what it can in place (program counters, the host's progress, flags,
 * cache lines) and records, rather than performs, what a step does to a
 * write buffer or a path: the entry appended, dropped or merged. The key
 * encoder reads the parent's list with that edit; only `freeze` builds the
 * new list. A draft holds at most one edit per kind of list; a second one
 * (the host's clean, which appends several write-backs) first builds the
 * list of the one before.
 */
import type { StoreSet } from './model.ts';
import { append, removeAt, type Entry, type State, type Txn } from './state.ts';

/** An edit of a list: item `drop` removed (-1: none), then `add` appended (undefined: none). */
export interface ListEdit<T> {
  /** The list edited, or -1 when none is. */
  readonly list: number;
  readonly drop: number;
  readonly add: T | undefined;
}

/** The edit of a buffer: a merge also gives entry `merged` the stores `stores` and `with` (and drops the second entry). */
export interface BufferEdit extends ListEdit<Entry> {
  readonly merged: number;
  readonly stores: StoreSet;
  readonly with: StoreSet;
}

class Edit<T> implements ListEdit<T> {
  list = -1;
  drop = -1;
  add: T | undefined = undefined;
  merged = -1;
  stores: StoreSet = 0n;
  with: StoreSet = 0n;

  clear(): void {
    this.list = -1;
    this.drop = -1;
    this.add = undefined;
    this.merged = -1;
  }
}

export class Draft {
  pcs: number[];
  hostPc: number;
  hostPhase: 0 | 1 | 2;
  unmapped: boolean;
  reset: boolean;
  /** The lists as they are before the pending edits (`bufferEdit`, `pathEdit`). */
  readonly buffers: (readonly Entry[])[];
  dirty: StoreSet[];
  readonly paths: (readonly Txn[])[];
  private readonly bufferEdit = new Edit<Entry>();
  private readonly pathEdit = new Edit<Txn>();
  /** The state the draft was a copy of, whose lists a frozen successor shares where the step left them alone. */
  private parent: State;

  constructor(s: State) {
    this.parent = s;
    this.pcs = s.pcs.slice();
    this.hostPc = s.hostPc;
    this.hostPhase = s.hostPhase;
    this.unmapped = s.unmapped;
    this.reset = s.reset;
    this.buffers = s.buffers.slice();
    this.dirty = s.dirty.slice();
    this.paths = s.paths.slice();
  }

  /** Makes the draft a copy of `s` again (a state of the same model), for its next step. */
  redraft(s: State): void {
    this.parent = s;
    this.hostPc = s.hostPc;
    this.hostPhase = s.hostPhase;
    this.unmapped = s.unmapped;
    this.reset = s.reset;
    copyList(this.pcs, s.pcs);
    copyList(this.buffers, s.buffers);
    copyList(this.dirty, s.dirty);
    copyList(this.paths, s.paths);
    this.bufferEdit.clear();
    this.pathEdit.clear();
  }

  /** The edit pending on a buffer (`list` -1 when none). */
  get editedBuffer(): BufferEdit {
    return this.bufferEdit;
  }

  /** The edit pending on a path (`list` -1 when none). */
  get editedPath(): ListEdit<Txn> {
    return this.pathEdit;
  }

  /** `entry` appended to buffer `pe` (program order is buffer order). */
  addEntry(pe: number, entry: Entry): void {
    this.editBuffer(pe).add = entry;
  }

  /** Entry `index` gone from buffer `pe`. */
  dropEntry(pe: number, index: number): void {
    this.editBuffer(pe).drop = index;
  }

  /**
   * Entries `first` and `second` of buffer `pe`, carrying `a` and `b`,
   * merged into one write carrying both, in the first one's place (the
   * union is taken only when it is read: most merges lead to states
   * already seen, whose keys leave store sets out).
   */
  mergeEntries(pe: number, first: number, second: number, a: StoreSet, b: StoreSet): void {
    const edit = this.editBuffer(pe);
    edit.merged = first;
    edit.stores = a;
    edit.with = b;
    edit.drop = second;
  }

  /** `txn` appended to path `p`. */
  addTxn(p: number, txn: Txn): void {
    this.editPath(p).add = txn;
  }

  /** Transaction `index` gone from path `p`. */
  dropTxn(p: number, index: number): void {
    this.editPath(p).drop = index;
  }

  /** The state the draft holds, with lists of its own or its parent's (the draft may be reused). */
  freeze(): State {
    this.applyBufferEdit();
    this.applyPathEdit();
    const { parent } = this;
    return {
      pcs: kept(this.pcs, parent.pcs),
      hostPc: this.hostPc,
      hostPhase: this.hostPhase,
      unmapped: this.unmapped,
      reset: this.reset,
      buffers: kept(this.buffers, parent.buffers),
      dirty: kept(this.dirty, parent.dirty),
      paths: kept(this.paths, parent.paths),
    };
  }

  /** Builds the lists of the pending edits, so that the lists are the successor's (state-key.ts, for a renaming of vCPUs). */
  applyEdits(): void {
    this.applyBufferEdit();
    this.applyPathEdit();
  }

  private editBuffer(pe: number): Edit<Entry> {
    this.applyBufferEdit();
    this.bufferEdit.list = pe;
    return this.bufferEdit;
  }

  private editPath(p: number): Edit<Txn> {
    this.applyPathEdit();
    this.pathEdit.list = p;
    return this.pathEdit;
  }

  private applyBufferEdit(): void {
    const edit = this.bufferEdit;
    if (edit.list < 0) return;
    let buffer = this.buffers[edit.list]!;
    if (edit.merged >= 0) buffer = buffer.map((entry, i) => (i === edit.merged ? { ...entry, stores: edit.stores | edit.with } : entry));
    this.buffers[edit.list] = applied(buffer, edit);
    edit.clear();
  }

  private applyPathEdit(): void {
    const edit = this.pathEdit;
    if (edit.list < 0) return;
    this.paths[edit.list] = applied(this.paths[edit.list]!, edit);
    edit.clear();
  }
}

function applied<T>(list: readonly T[], edit: ListEdit<T>): readonly T[] {
  const dropped = edit.drop >= 0 ? removeAt(list, edit.drop) : list;
  return edit.add === undefined ? dropped : append(dropped, edit.add);
}

/** A copy of the draft's `list`, or the parent's `before` when the step left it as it was (lists of a State are never changed). */
function kept<T>(list: readonly T[], before: readonly T[]): readonly T[] {
  for (let i = 0; i < list.length; i += 1) if (list[i] !== before[i]) return list.slice();
  return before;
}

function copyList<T>(to: T[], from: readonly T[]): void {
  for (let i = 0; i < from.length; i += 1) to[i] = from[i]!;
}
