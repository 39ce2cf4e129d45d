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
 * Keys are short strings, one character per number, because the explorer
 * hashes one per transition.
 */
import type { Model } from './model.ts';
import { isGuestWrite, type Entry, type State, type Txn } from './state.ts';

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

/** One letter per kind. */
const CODE: Record<Txn['kind'], string> = { store: 's', writeback: 'w', read: 'd', reg: 'g', ctrl: 'c', flr: 'f', acpi: 'a' };

/** A small number (epoch, line, PE from -1) as one character; character order is numeric order. */
const num = (n: number): string => String.fromCharCode(n + 49);

function entryToken(e: Entry, shape: KeyShape): string {
  const base = CODE[e.kind] + num(e.epoch) + num(e.region);
  return shape.symmetry && e.kind === 'store' ? base : `${base}${e.ids};`;
}

function txnToken(t: Txn, pe: number, shape: KeyShape): string {
  if (shape.anonymousGuestWrites && isGuestWrite(t.kind)) return 'G';
  const base = CODE[t.kind] + num(pe) + num(t.epoch);
  return shape.symmetry && isGuestWrite(t.kind) ? base : `${base}${t.ids};`;
}

/** Sorts the runs of tokens that `inRun` selects (writes that may overtake one another), keeping other tokens in place. */
function sortRuns(tokens: string[], inRun: (i: number) => boolean): string {
  let out = '';
  let run: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (inRun(i)) {
      run.push(token);
      continue;
    }
    if (run.length > 0) out += run.sort().join('');
    out += token;
    run = [];
  }
  return run.length > 0 ? out + run.sort().join('') : out;
}

function pcText(s: State, k: number, shape: KeyShape): string {
  return shape.forgetPcsAfterUnmap && s.unmapped ? '*' : num(s.pcs[k] ?? 0);
}

function bufferKey(buffer: readonly Entry[], shape: KeyShape): string {
  const tokens = buffer.map((e) => entryToken(e, shape));
  return shape.unorderedBuffer ? sortRuns(tokens, (i) => buffer[i]?.kind === 'store') : tokens.join('');
}

/**
 * The renaming of PEs that puts each group of interchangeable vCPUs in a
 * canonical order: sorted by everything that belongs to the vCPU (its
 * program counter, its buffer, and where its writes are on the paths).
 * vCPUs with equal descriptions are interchangeable, so ties may go
 * either way. Returns the PE whose part goes to position k, for each k.
 */
function canonicalOrder(s: State, shape: KeyShape, buffers: readonly string[]): number[] | undefined {
  if (shape.vcpuGroups.length === 0) return undefined;
  const order = s.buffers.map((_, pe) => pe);
  for (const group of shape.vcpuGroups) {
    const described = group.map((k) => {
      let text = pcText(s, k, shape) + (buffers[k] ?? '');
      // Anonymous guest writes carry no PE, and a vCPU puts nothing else on a path.
      if (!shape.anonymousGuestWrites) {
        for (const path of s.paths) {
          text += '/';
          path.forEach((t, i) => {
            if (t.pe === k) text += num(i) + txnToken(t, 0, shape);
          });
        }
      }
      return { k, text };
    });
    described.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    described.forEach((d, rank) => {
      order[group[rank] ?? d.k] = d.k;
    });
  }
  return order;
}

export function stateKey(s: State, shape: KeyShape): string {
  const buffers = s.buffers.map((buffer) => bufferKey(buffer, shape));
  const order = canonicalOrder(s, shape, buffers);
  const rename = new Array<number>(s.buffers.length);
  if (order) order.forEach((pe, k) => (rename[pe] = k));
  let key = num(s.hostPc) + num(s.hostPhase) + (s.unmapped ? '1' : '0') + (s.reset ? '1' : '0');
  s.pcs.forEach((_, k) => (key += pcText(s, order ? (order[k] ?? k) : k, shape)));
  buffers.forEach((_, k) => (key += `|${buffers[order ? (order[k] ?? k) : k] ?? ''}`));
  for (const path of s.paths) {
    const tokens = path.map((t) => txnToken(t, t.pe < 0 || !order ? t.pe : (rename[t.pe] ?? t.pe), shape));
    key += `/${shape.unorderedPath ? sortRuns(tokens, (i) => isGuestWrite(path[i]?.kind ?? 'read')) : tokens.join('')}`;
  }
  key += '/';
  for (const ids of s.dirty) key += shape.symmetry ? (ids === 0 ? '0' : '1') : `${ids};`;
  return key;
}
