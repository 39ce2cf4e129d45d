/**
 * M-reduce-symmetry in the step selection: steps that differ only in which
 * interchangeable guest stores they move (same write buffer or path, line
 * and epoch, under a type that may reorder), or in which of two vCPUs in
 * the same local state moves (M-vcpu-symmetry), are generated once: their
 * successors have the same symmetry-reduced key (state-key.ts), so the
 * explorer would merge them anyway.
 */
import type { ClassFilter, ClassWrite, Model } from './model.ts';
import type { State } from './state.ts';

/** A vCPU's part of a state that twins compare: its program counter and its buffer up to store identities. */
function sameLocalState(s: State, j: number, k: number): boolean {
  const a = s.buffers[j] ?? [];
  const b = s.buffers[k] ?? [];
  if ((s.pcs[j] ?? 0) !== (s.pcs[k] ?? 0) || a.length !== b.length) return false;
  return a.every((e, i) => e.kind === b[i]?.kind && e.epoch === b[i].epoch && e.region === b[i].region);
}

/**
 * vCPUs whose steps need not be generated: vCPU k when an earlier vCPU j of
 * its group (identical programs) is in the identical local state: the same
 * program counter, the same buffer (up to store identities), and no write
 * of either on a path. Swapping j and k then maps the state to itself and
 * each step of k to the same step of j, so their successors are symmetric
 * images with one canonical key (state-key.ts): generating them would only
 * find states already found, at the same depth.
 */
function twinVcpus(model: Model, s: State): ReadonlySet<number> | undefined {
  if (model.vcpuGroups.length === 0) return undefined;
  const onPath = new Set<number>();
  for (const path of s.paths) for (const t of path) onPath.add(t.pe);
  const twins = new Set<number>();
  for (const group of model.vcpuGroups) {
    group.forEach((k, n) => {
      if (!onPath.has(k) && group.slice(0, n).some((j) => !onPath.has(j) && sameLocalState(s, j, k))) twins.add(k);
    });
  }
  return twins.size > 0 ? twins : undefined;
}

/**
 * Lists the first guest store of each class (where it moves from, epoch,
 * line) and none of the twins' steps. One object serves a whole
 * exploration: `forState` prepares it for the next state.
 */
export class SymmetryFilter implements ClassFilter {
  private readonly model: Model;
  /** Stores are interchangeable only when the type lets them leave in any order. */
  private readonly reorder: boolean;
  private twins: ReadonlySet<number> | undefined;
  /** Classes taken in this state, three numbers each; a state moves few writes, so a list beats a hash. */
  private seen = new Int32Array(96);
  private count = 0;

  constructor(model: Model) {
    this.model = model;
    this.reorder = model.guestType.behaviour.reorder;
  }

  forState(s: State): this {
    this.twins = twinVcpus(this.model, s);
    this.count = 0;
    return this;
  }

  twin(k: number): boolean {
    return this.twins?.has(k) ?? false;
  }

  taken(where: number, write: ClassWrite, pe?: number): boolean {
    if (pe !== undefined && this.twins?.has(pe)) return true;
    if (write.kind !== 'store' || !this.reorder) return false;
    const { seen } = this;
    const region = write.region ?? -1;
    // Newest first: a move asks mostly about the class it or its neighbour just took.
    for (let i = this.count - 3; i >= 0; i -= 3) {
      if (seen[i] === where && seen[i + 1] === write.epoch && seen[i + 2] === region) return true;
    }
    return false;
  }

  take(where: number, write: ClassWrite): void {
    if (write.kind !== 'store' || !this.reorder) return;
    if (this.count + 3 > this.seen.length) {
      const grown = new Int32Array(2 * this.seen.length);
      grown.set(this.seen);
      this.seen = grown;
    }
    this.seen[this.count++] = where;
    this.seen[this.count++] = write.epoch;
    this.seen[this.count++] = write.region ?? -1;
  }
}
