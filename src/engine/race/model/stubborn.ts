/**
 * M-reduce-por: a partial-order reduction by strong stubborn sets, the
 * form of Valmari's stubborn sets that keeps shortest paths to a goal
 * (Alkhazraji, Wehrle, Mattmüller and Helmert, "A Stubborn Set Algorithm
 * for Optimal Planning", ECAI 2012; Wehrle and Helmert, "About Partial
 * Order Reduction in Planning and Computer Aided Verification", ICAPS 2012).
 *
 * At each state the explorer expands only the enabled steps of a set T of
 * actions computed here. An action is a deterministic step named
 * independently of the state; T is built from groups of them ("atoms"):
 *
 * - `v k`: vCPU k's next program step;
 * - `h j.q`: the host's step at op j, phase q (state.ts: hostPhase);
 * - `b p`: merges and departures of the entries now in write buffer p
 *   (and of the entries merging makes of them);
 * - `f p`: merges and departures of entries that will enter buffer p later;
 * - `e l`: eviction of cache line l;
 * - `a p.i`: arrival of the transaction now at index i of path p;
 * - `R`, `G`: arrivals of reset writes, and of guest writes, that are not
 *   on a path yet.
 *
 * T satisfies, in the state s:
 * 1. it holds a landmark: every path from s to a violation contains one of
 *    its actions. Before the reset, every violation follows a reset's
 *    arrival (M-property), so the reset arrivals (on a path now, or `R`);
 *    after it, every violation is a guest write's arrival (on a path now,
 *    or `G`);
 * 2. with every action enabled in s, every action that interferes with it:
 *    that can be enabled together with it and then disables it, or is
 *    disabled by it, or ends in another state or with other `delivers` and
 *    `violation` flags when the two are taken in the other order
 *    (`interferers` lists them, with the reason for each that is left out);
 * 3. with every action disabled in s, a necessary enabling set: actions of
 *    which one must occur on every path that enables it (`enablers`);
 * 4. if some action is enabled in s, some enabled action (so that final
 *    states, and with them the write counts, are kept).
 *
 * Why this keeps the verdict, the shortest counterexample length and the
 * write counts. Let w be a shortest path from s to a violation. By (1) it
 * contains an action of T; let t be the first. t is enabled in s, for
 * otherwise by (3) an action of T would come before it. The actions before
 * t are not in T, so by (2) none interferes with t: t stays enabled along
 * them, and t followed by them reaches the same state with the same flags.
 * So t, then w without t, is a path of the same length, and its first step
 * is expanded. By induction on the length (each state the explorer keeps
 * stands for states with the same futures, state-key.ts), the reduced
 * exploration finds a violation at the same depth, and never at a smaller
 * one, since it only leaves steps out. For a path w from s to a final
 * state, (4) and (2) give an enabled action of T that no action outside T
 * disables, so w contains an action of T, and the same exchange gives a
 * path that starts in T with the same steps in another order, hence the
 * same number of guest writes delivered: the fewest and the most are kept.
 *
 * After the TLBI, with guest-stops=no, a vCPU step changes only its program
 * counter, which state-key.ts forgets; such steps are steps from a state to
 * itself and are never in T (nothing they do can matter).
 *
 * vCPUs with identical programs: transitions.ts skips the steps of a vCPU
 * whose twin makes the same moves, and moves that differ only in which of
 * several interchangeable stores they take. T is therefore closed under
 * the vCPU groups (M-vcpu-symmetry): whatever it holds of one vCPU, it
 * holds of every vCPU of its group, so the step kept stands for one in T.
 */
import { pendingGuestStore, pendingWrite, type PendingWrite } from './ack-point.ts';
import { MERGE_GRANULE, type Allowed, type Model } from './model.ts';
import { guestsDone, vcpuTransitions } from './guest.ts';
import { hostTransitions } from './host.ts';
import { blockerOf, route } from './path.ts';
import { DEVICE_PATH, isGuestWrite, type Entry, type State, type TxnKind } from './state.ts';
import { isResetMethod } from '../vocabulary/reset-methods.ts';

const isReset = (kind: TxnKind): boolean => isResetMethod(kind);

/** Where a write of a buffer goes when it leaves: a path (`p0`, `p1`) or, for a cacheable store, its cache line (`c<line>`). */
function destination(model: Model, kind: Entry['kind'], region: number): string {
  return kind === 'store' && model.cacheable ? `c${region}` : `p${route(model, kind)}`;
}

/** The context the rules below read, computed once per state. */
interface Context {
  readonly model: Model;
  readonly s: State;
  /** vCPU steps no longer matter (after the TLBI, pcs forgotten). */
  readonly vcpusIdle: boolean;
  /** Destinations of the entries in each buffer now, and of those that will enter it. */
  readonly now: readonly ReadonlySet<string>[];
  readonly later: readonly ReadonlySet<string>[];
  /** Whether each atom asked about is enabled (building a host step's successor is not free). */
  readonly enabled: Map<string, boolean>;
}

function futureEntries(model: Model, s: State, vcpusIdle: boolean): Set<string>[] {
  const later = Array.from({ length: model.bufferCount }, () => new Set<string>());
  if (!s.unmapped && !vcpusIdle) {
    model.vcpus.forEach((vcpu, k) => {
      vcpu.ops.slice(s.pcs[k] ?? 0).forEach((op) => {
        if (op.op === 'store') later[k]?.add(destination(model, 'store', model.lines.indexOf(Math.floor(op.offset / MERGE_GRANULE))));
      });
    });
  }
  model.host.slice(s.hostPc).forEach((op) => {
    if (op.op === 'reset') later[model.hostBuffer]?.add(destination(model, op.method, -1));
  });
  return later;
}

function contextOf(model: Model, s: State, forgetPcsAfterUnmap: boolean): Context {
  const vcpusIdle = forgetPcsAfterUnmap && s.unmapped;
  return {
    model,
    s,
    vcpusIdle,
    now: s.buffers.map((buffer) => new Set(buffer.map((e) => destination(model, e.kind, e.region)))),
    later: futureEntries(model, s, vcpusIdle),
    enabled: new Map(),
  };
}

function pendingAtom(pending: PendingWrite | undefined): string[] {
  if (!pending) return [];
  return 'buffer' in pending ? [`b${pending.buffer}`] : [`a${pending.path}.${pending.index}`];
}

/** Buffers whose writes, now (`b`) or later (`f`), go to `dest`. */
function writersTo(c: Context, dest: string): string[] {
  const out: string[] = [];
  c.now.forEach((d, p) => d.has(dest) && out.push(`b${p}`));
  c.later.forEach((d, p) => d.has(dest) && out.push(`f${p}`));
  return out;
}

const allLines = (c: Context): string[] => (c.model.cacheable ? c.model.lines.map((_, l) => `e${l}`) : []);

/** What the host's step at op j, phase q does that others can interfere with. */
function hostStepEffect(model: Model, j: number, q: number): 'appends' | 'cleans' | 'waits' | 'other' {
  const op = model.host[j];
  if (op?.op === 'read') return 'appends';
  if (op?.op === 'dc-civac') return 'cleans';
  if (op?.op === 'unmap-s2' && q === 1) return model.cacheable && model.knobs['unmap-cleans'] ? 'cleans' : 'waits';
  return op?.op === 'dsb' || op?.op === 'unmap-s2' ? 'waits' : 'other';
}

/** The host's steps not yet taken (the current one first) whose effect is one of `effects`. */
function hostSteps(c: Context, effects: readonly ReturnType<typeof hostStepEffect>[]): string[] {
  const { model, s } = c;
  const out: string[] = [];
  for (let j = s.hostPc; j < model.host.length; j += 1) {
    const phases = model.host[j]?.op === 'unmap-s2' ? [0, 1, 2] : [0];
    for (const q of phases) {
      if ((j > s.hostPc || q >= s.hostPhase) && effects.includes(hostStepEffect(model, j, q))) out.push(`h${j}.${q}`);
    }
  }
  return out;
}

/**
 * Everything that puts a transaction at the end of the device path:
 * departures to it, evictions, and the host's reads and cleans (a clean
 * writes dirty lines back). Two of them taken in the other order leave the
 * path in another order.
 */
function appendersToDevicePath(c: Context): string[] {
  return [...writersTo(c, `p${DEVICE_PATH}`), ...allLines(c), ...hostSteps(c, ['appends', 'cleans'])];
}

/** Everything that changes cache line l: departures into it, its eviction, the host's cleans. */
function usersOfLine(c: Context, line: number): string[] {
  return [...writersTo(c, `c${line}`), `e${line}`, ...hostSteps(c, ['cleans'])];
}

/**
 * The atom whose step moves the host on: its current step, or while a
 * read waits for its data, the read's arrival. Every later host step needs
 * it first.
 */
function hostNow(c: Context): string[] {
  const { model, s } = c;
  const op = model.host[s.hostPc];
  if (!op) return [];
  if (op.op === 'read' && s.hostPhase === 1) return atomsOnPaths(s, (kind) => kind === 'read');
  return [`h${s.hostPc}.${s.hostPhase}`];
}

const hostAtom = (atom: string): { j: number; q: number } => {
  const [j, q] = atom.slice(1).split('.').map(Number);
  return { j: j ?? 0, q: q ?? 0 };
};
const isCurrentHostStep = (s: State, atom: string): boolean => {
  const { j, q } = hostAtom(atom);
  return j === s.hostPc && q === s.hostPhase;
};

function atomsOnPaths(s: State, select: (kind: TxnKind) => boolean): string[] {
  const out: string[] = [];
  s.paths.forEach((path, p) => path.forEach((txn, i) => select(txn.kind) && out.push(`a${p}.${i}`)));
  return out;
}

const txnAt = (s: State, atom: string) => {
  const [p, i] = atom.slice(1).split('.').map(Number);
  return { p: p ?? 0, i: i ?? 0, txn: s.paths[p ?? 0]?.[i ?? 0] };
};

function enabledNow(c: Context, atom: string): boolean {
  const { model, s } = c;
  const n = Number(atom.slice(1));
  switch (atom[0]) {
    case 'v':
      return !c.vcpusIdle && vcpuTransitions(model, s, n).length > 0;
    case 'h':
      return isCurrentHostStep(s, atom) && hostTransitions(model, s).length > 0;
    case 'b':
      // The oldest entry of a buffer may always leave.
      return (s.buffers[n]?.length ?? 0) > 0;
    case 'e':
      return (s.dirty[n] ?? 0) !== 0;
    case 'a': {
      const { p, i, txn } = txnAt(s, atom);
      return txn !== undefined && blockerOf(model, s.paths[p] ?? [], i) === undefined;
    }
    default:
      // f, R, G: actions on writes that do not exist yet.
      return false;
  }
}

function enabled(c: Context, atom: string): boolean {
  let known = c.enabled.get(atom);
  if (known === undefined) c.enabled.set(atom, (known = enabledNow(c, atom)));
  return known;
}

/**
 * Rule (2) for an enabled atom. Left out, and why:
 * - a vCPU step and a departure, merge or arrival: a store appends to its
 *   own buffer, which commutes with taking or merging entries already
 *   there, and the departure rule (mayLeave) reads only the entries ahead;
 *   a vCPU dsb is enabled only when its writes are complete, which the
 *   others can only make true;
 * - two vCPUs: they share nothing (same-pe shares vCPU 0's buffer with the
 *   host, not with another vCPU);
 * - a departure and an arrival, or two arrivals on one path: appending at
 *   the end and taking out an element commute, and taking out an earlier
 *   transaction can only let a later one arrive (staysBehind);
 * - two departures into the cache: they OR store sets into a line;
 * - the host and an arrival: arrivals only complete writes the host waits
 *   for, and the one that returns a read's data happens while the host has
 *   no step of its own.
 */
function interferers(c: Context, atom: string): string[] {
  const { model, s } = c;
  switch (atom[0]) {
    case 'v':
      // The TLBI decides whether a store enters the buffer or faults; the other host steps, kept for simplicity.
      return hostSteps(c, ['appends', 'cleans', 'waits', 'other']);
    case 'h': {
      const { j, q } = hostAtom(atom);
      const effect = hostStepEffect(model, j, q);
      const vcpus = c.vcpusIdle ? [] : model.vcpus.map((_, k) => `v${k}`);
      if (effect === 'appends') return [...vcpus, ...appendersToDevicePath(c)];
      if (effect === 'cleans') return [...vcpus, ...appendersToDevicePath(c), ...model.lines.flatMap((_, l) => usersOfLine(c, l))];
      // Barriers only wait (for writes others can only complete); a reset enters the host's buffer behind what is there.
      return vcpus;
    }
    case 'b': {
      const out: string[] = [];
      for (const dest of c.now[Number(atom.slice(1))] ?? []) {
        if (dest === `p${DEVICE_PATH}`) out.push(...appendersToDevicePath(c));
        else if (dest.startsWith('p')) out.push(...writersTo(c, dest));
        else out.push(...usersOfLine(c, Number(dest.slice(1))));
      }
      return out;
    }
    case 'e':
      return [...appendersToDevicePath(c), ...usersOfLine(c, Number(atom.slice(1)))];
    case 'a': {
      // A reset's arrival decides whether a guest write's arrival is the violation; once reset, nothing changes that.
      const kind = txnAt(s, atom).txn?.kind;
      if (s.reset || kind === undefined) return [];
      if (isGuestWrite(kind)) return [...atomsOnPaths(s, isReset), 'R'];
      return isReset(kind) ? [...atomsOnPaths(s, isGuestWrite), 'G'] : [];
    }
    default:
      return [];
  }
}

/** Why the host's step `atom` is not enabled: the atoms one of which must move first (rule 3). */
function hostEnablers(c: Context, atom: string): string[] {
  const { model, s } = c;
  const op = model.host[s.hostPc];
  const { j, q } = hostAtom(atom);
  // A step already taken is never taken again; a later one needs the host to move on first.
  if (!op || j < s.hostPc || (j === s.hostPc && q < s.hostPhase)) return [];
  if (!isCurrentHostStep(s, atom)) return hostNow(c);
  if (model.knobs['guest-stops'] && !guestsDone(model, s)) {
    const k = model.vcpus.findIndex((vcpu, j) => (s.pcs[j] ?? 0) < vcpu.ops.length);
    return [`v${k}`];
  }
  if (op.op === 'read') {
    if (s.hostPhase === 1) return atomsOnPaths(s, (kind) => kind === 'read');
    return [`b${model.hostBuffer}`];
  }
  if (op.op === 'unmap-s2' && s.hostPhase === 1) {
    const store = pendingGuestStore(model, s);
    if (store) return pendingAtom(store);
  }
  return pendingAtom(pendingWrite(model, s, model.hostBuffer));
}

/** Rule (3) for a disabled atom: an action of these must come first. */
function enablers(c: Context, atom: string): string[] {
  const { model, s } = c;
  const n = Number(atom.slice(1));
  switch (atom[0]) {
    case 'v':
      // Idle or at the end: never enabled again. Otherwise a dsb waiting for its writes.
      return c.vcpusIdle || (s.pcs[n] ?? 0) >= (model.vcpus[n]?.ops.length ?? 0) ? [] : pendingAtom(pendingWrite(model, s, n));
    case 'h':
      return hostEnablers(c, atom);
    case 'f': {
      // A write enters buffer n only by a step of its owner: the vCPU (its stores), the host (its resets).
      const out = n < model.vcpus.length && !s.unmapped && !c.vcpusIdle ? [`v${n}`] : [];
      return n === model.hostBuffer ? [...out, ...hostNow(c)] : out;
    }
    case 'e':
      // A clean line becomes dirty only by a store leaving a buffer into it.
      return writersTo(c, `c${n}`);
    case 'a': {
      const { p, i } = txnAt(s, atom);
      const blocker = blockerOf(model, s.paths[p] ?? [], i);
      return blocker === undefined ? [] : [`a${p}.${blocker}`];
    }
    case 'R':
      // A reset reaches a path by leaving the host's buffer.
      return [`b${model.hostBuffer}`, `f${model.hostBuffer}`];
    case 'G': {
      // A guest write reaches a path by leaving a buffer (uncached) or as a write-back (eviction, the host's clean).
      const buffers = model.vcpus.flatMap((_, k) => [`b${k}`, `f${k}`]);
      return model.cacheable ? [...buffers, ...allLines(c), ...hostSteps(c, ['cleans'])] : buffers;
    }
    default:
      return [];
  }
}

function landmark(s: State): string[] {
  return s.reset ? [...atomsOnPaths(s, isGuestWrite), 'G'] : [...atomsOnPaths(s, isReset), 'R'];
}

/** Atoms of vCPU k that the group closure copies to its twins. */
const vcpuAtoms = (k: number): string[] => [`v${k}`, `b${k}`, `f${k}`];

/**
 * The steps to expand in `s`: the enabled actions of a strong stubborn set
 * (rules 1 to 4 above), or undefined when that would be every step.
 */
export function stubbornSet(model: Model, s: State, forgetPcsAfterUnmap: boolean): Allowed | undefined {
  const c = contextOf(model, s, forgetPcsAfterUnmap);
  const set = new Set<string>();
  const work: string[] = [];
  const add = (atom: string): void => {
    if (set.has(atom)) return;
    set.add(atom);
    work.push(atom);
  };
  const close = (): void => {
    for (let atom = work.pop(); atom !== undefined; atom = work.pop()) {
      const next = enabled(c, atom) ? interferers(c, atom) : enablers(c, atom);
      next.forEach(add);
    }
  };
  const candidates = [
    ...model.vcpus.map((_, k) => `v${k}`),
    ...hostNow(c),
    ...s.buffers.map((_, p) => `b${p}`),
    ...model.lines.map((_, l) => `e${l}`),
    ...atomsOnPaths(s, () => true),
  ].filter((atom) => enabled(c, atom));
  landmark(s).forEach(add);
  for (;;) {
    close();
    // Rule 4, then the closure under vCPU groups; each may add atoms to close again.
    if (!candidates.some((atom) => set.has(atom)) && candidates[0] !== undefined) add(candidates[0]);
    for (const group of model.vcpuGroups) {
      const held = new Set(group.flatMap(vcpuAtoms).filter((atom) => set.has(atom)).map((atom) => atom[0]));
      for (const k of group) for (const atom of vcpuAtoms(k)) if (held.has(atom[0])) add(atom);
    }
    if (work.length === 0) break;
  }
  if (candidates.every((atom) => set.has(atom))) return undefined;
  return {
    vcpu: (k) => set.has(`v${k}`),
    host: set.has(`h${s.hostPc}.${s.hostPhase}`),
    buffer: (pe) => set.has(`b${pe}`),
    line: (line) => set.has(`e${line}`),
    arrival: (path, index) => set.has(`a${path}.${index}`),
  };
}
