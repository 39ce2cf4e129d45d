/**
 * The canonical key of a state: equal keys mean states with the same
 * futures, up to a renaming that no rule of the model can observe. The
 * explorer stores one state per key, so each identification below is a
 * reduction; each is sound because the two states it identifies are
 * bisimilar (every step of one is matched by a step of the other to states
 * that are again identified, with the same `delivers` and `violation`
 * flags), which keeps the verdict, the shortest counterexample length and
 * the write counts (M-reduce-symmetry).
 */
import type { Model } from './build.ts';
import type { Entry, State, Txn } from './state.ts';

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
}

function sameProgram(model: Model, a: number, b: number): boolean {
  const x = model.vcpus[a]?.ops ?? [];
  const y = model.vcpus[b]?.ops ?? [];
  return x.length === y.length && x.every((op, i) => JSON.stringify(op) === JSON.stringify(y[i]));
}

function vcpuGroups(model: Model): number[][] {
  const groups: number[][] = [];
  const first = model.knobs['same-pe'] ? 1 : 0;
  for (let k = first; k < model.vcpus.length; k += 1) {
    const group = groups.find((g) => sameProgram(model, g[0] ?? 0, k));
    if (group) group.push(k);
    else groups.push([k]);
  }
  return groups.filter((g) => g.length > 1);
}

export function keyShape(model: Model, reduction: boolean): KeyShape {
  const reorder = model.guestType.behaviour.reorder;
  const fifo = model.knobs['write-order'] && model.knobs['np-pushes'];
  return {
    unorderedBuffer: reorder,
    unorderedPath: reorder && !model.knobs['write-order'],
    symmetry: reduction,
    anonymousGuestWrites: reduction && fifo && model.guestCompletion === 'ack',
    vcpuGroups: reduction ? vcpuGroups(model) : [],
  };
}

/** One letter per kind, for keys. */
const CODE: Record<Txn['kind'], string> = { store: 's', writeback: 'w', read: 'd', reg: 'g', ctrl: 'c', flr: 'f', acpi: 'a' };

/** Epochs padded, so that sorting tokens keeps a PE's epochs in numeric order. */
const epochText = (epoch: number): string => String(epoch).padStart(3, '0');

const isGuestWrite = (kind: Txn['kind']): boolean => kind === 'store' || kind === 'writeback';

function entryToken(e: Entry, shape: KeyShape): string {
  const base = `${CODE[e.kind]}${epochText(e.epoch)}.${e.region}`;
  return shape.symmetry && e.kind === 'store' ? base : `${base}:${e.ids}`;
}

function txnToken(t: Txn, pe: number, shape: KeyShape): string {
  if (shape.anonymousGuestWrites && isGuestWrite(t.kind)) return 'g';
  const base = `${CODE[t.kind]}${pe}.${epochText(t.epoch)}`;
  return shape.symmetry && isGuestWrite(t.kind) ? base : `${base}:${t.ids}`;
}

/** Sorts the runs of tokens that `inRun` selects (writes that may overtake one another), keeping other tokens in place. */
function sortRuns(tokens: string[], inRun: (i: number) => boolean): string[] {
  const out: string[] = [];
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (inRun(i)) {
      run.push(token);
      return;
    }
    out.push(...run.sort(), token);
    run = [];
  });
  return [...out, ...run.sort()];
}

function bufferKey(buffer: readonly Entry[], shape: KeyShape): string {
  const tokens = buffer.map((e) => entryToken(e, shape));
  return (shape.unorderedBuffer ? sortRuns(tokens, (i) => buffer[i]?.kind === 'store') : tokens).join(' ');
}

/**
 * The renaming of PEs that puts each group of interchangeable vCPUs in a
 * canonical order: sorted by everything that belongs to the vCPU (its
 * program counter, its buffer, and where its writes are on the paths).
 * vCPUs with equal descriptions are interchangeable, so ties may go
 * either way.
 */
function canonicalRenaming(s: State, shape: KeyShape): (pe: number) => number {
  if (shape.vcpuGroups.length === 0) return (pe) => pe;
  const rename = new Map<number, number>();
  for (const group of shape.vcpuGroups) {
    const described = group.map((k) => {
      const onPaths = s.paths.map((path) =>
        path.flatMap((t, i) => (t.pe === k && !(shape.anonymousGuestWrites && isGuestWrite(t.kind)) ? [`${i}${txnToken(t, 0, shape)}`] : [])).join(','),
      );
      return { k, text: `${s.pcs[k] ?? 0}|${bufferKey(s.buffers[k] ?? [], shape)}|${onPaths.join('/')}` };
    });
    described.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    described.forEach((d, rank) => rename.set(d.k, group[rank] ?? d.k));
  }
  return (pe) => rename.get(pe) ?? pe;
}

export function stateKey(s: State, shape: KeyShape): string {
  const rename = canonicalRenaming(s, shape);
  const order = s.buffers.map((_, pe) => pe);
  const inverse = new Map(order.map((pe) => [rename(pe), pe]));
  const pcs = s.pcs.map((_, k) => s.pcs[inverse.get(k) ?? k] ?? 0);
  const buffers = s.buffers.map((_, pe) => bufferKey(s.buffers[inverse.get(pe) ?? pe] ?? [], shape));
  const paths = s.paths.map((path) => {
    const tokens = path.map((t) => txnToken(t, t.pe < 0 ? t.pe : rename(t.pe), shape));
    return (shape.unorderedPath ? sortRuns(tokens, (i) => isGuestWrite(path[i]?.kind ?? 'read')) : tokens).join(' ');
  });
  const dirty = s.dirty.map((ids) => (shape.symmetry ? (ids === 0 ? 0 : 1) : ids)).join(',');
  const flags = `${pcs.join('.')},${s.hostPc},${s.hostPhase},${s.unmapped ? 1 : 0}${s.reset ? 1 : 0}`;
  return `${flags}|${buffers.join('/')}|${paths.join('/')}|${dirty}`;
}
