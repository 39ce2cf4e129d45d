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
import { guestsDone } from './guest.ts';
import type { Allowed, Model } from './model.ts';
import { route } from './path.ts';
import { isGuestWrite, type State, type TxnKind } from './state.ts';
import type { Moves } from './step.ts';
import { HOST_OPS } from '../vocabulary/host-ops.ts';
import { isResetMethod } from '../vocabulary/reset-methods.ts';

/**
 * Atoms are numbers, one range per letter above, laid out per state:
 * `v k` at k, then `b p`, `f p`, `e l`, `h j.q` (three phases per host op),
 * `R`, `G`, and the path positions, path 0's first.
 */
interface Layout {
  readonly b: number;
  readonly f: number;
  readonly e: number;
  readonly h: number;
  readonly R: number;
  readonly G: number;
  readonly a: number;
  /** Transactions on path 0, where path 1's positions start. */
  readonly onPath0: number;
  readonly size: number;
}

function layoutOf(model: Model, s: State): Layout {
  const b = model.vcpus.length;
  const f = b + model.bufferCount;
  const e = f + model.bufferCount;
  const h = e + model.lines.length;
  const R = h + 3 * model.host.length;
  const onPath0 = s.paths[0]?.length ?? 0;
  return { b, f, e, h, R, G: R + 1, a: R + 2, onPath0, size: R + 2 + onPath0 + (s.paths[1]?.length ?? 0) };
}

/**
 * Where a write goes when it leaves a buffer, as a number: path p (0 or
 * 1), or for a cacheable store its cache line l, as 2 + l.
 */
const LINE_DESTINATIONS = 2;
function destination(model: Model, kind: TxnKind, region: number): number {
  return kind === 'store' && model.cacheable ? LINE_DESTINATIONS + region : route(model, kind);
}

/** What the host's step at op j, phase q does that others can interfere with; one bit each, so a query names several. */
const APPENDS = 1;
const CLEANS = 2;
const WAITS = 4;
const OTHER = 8;
function hostStepEffect(model: Model, j: number, q: number): number {
  const op = model.host[j];
  if (op?.op === 'read') return APPENDS;
  if (op?.op === 'dc-civac') return CLEANS;
  if (op?.op === 'unmap-s2' && q === 1) return model.cacheable && model.knobs['unmap-cleans'] ? CLEANS : WAITS;
  return op?.op === 'dsb' || op?.op === 'unmap-s2' ? WAITS : OTHER;
}

/** What the rules read of the model, computed once per exploration. */
interface Tables {
  readonly destinations: number;
  /** Per vCPU and program counter: whether a store from there on goes to each destination (f atoms). */
  readonly vcpuLater: readonly (readonly Uint8Array[])[];
  /** Per host program counter: whether a reset from there on goes to each destination. */
  readonly hostLater: readonly Uint8Array[];
  /** Per host op and phase (3 j + q): hostStepEffect. */
  readonly hostEffect: readonly number[];
}

function tablesOf(model: Model): Tables {
  const destinations = LINE_DESTINATIONS + model.lines.length;
  const suffixes = (length: number, destinationOf: (index: number) => number | undefined): Uint8Array[] => {
    const out = [new Uint8Array(destinations)];
    for (let index = length - 1; index >= 0; index -= 1) {
      const next = out[0]!.slice();
      const d = destinationOf(index);
      if (d !== undefined) next[d] = 1;
      out.unshift(next);
    }
    return out;
  };
  return {
    destinations,
    vcpuLater: model.vcpus.map((vcpu) => suffixes(vcpu.ops.length, (pc) => (vcpu.ops[pc]?.op === 'store' ? destination(model, 'store', vcpu.region[pc]!) : undefined))),
    hostLater: suffixes(model.host.length, (j) => {
      const op = model.host[j];
      return op?.op === 'reset' ? destination(model, op.method, -1) : undefined;
    }),
    hostEffect: model.host.flatMap((_, j) => [0, 1, 2].map((q) => hostStepEffect(model, j, q))),
  };
}

/** The context the rules below read, for one state. */
interface Context {
  readonly model: Model;
  readonly tables: Tables;
  readonly s: State;
  readonly moves: Moves;
  readonly at: Layout;
  /** vCPU steps no longer matter (after the TLBI, pcs forgotten). */
  readonly vcpusIdle: boolean;
  /** Per buffer and destination (p * destinations + d): an entry in the buffer now goes there. */
  readonly now: Uint8Array;
  /** Adds an atom to T (and to the work list, to be closed). */
  readonly add: (atom: number) => void;
}

const vcpuAtom = (k: number): number => k;
const bufferAtom = (c: Context, p: number): number => c.at.b + p;
const laterAtom = (c: Context, p: number): number => c.at.f + p;
const lineAtom = (c: Context, l: number): number => c.at.e + l;
const hostAtom = (c: Context, j: number, q: number): number => c.at.h + 3 * j + q;
const pathAtom = (c: Context, p: number, i: number): number => c.at.a + (p === 0 ? i : c.at.onPath0 + i);

/** Whether writes that enter buffer p later go to destination d. */
function laterTo(c: Context, p: number, d: number): boolean {
  const { model, s } = c;
  if (p < model.vcpus.length && !s.unmapped && !c.vcpusIdle && c.tables.vcpuLater[p]?.[s.pcs[p] ?? 0]?.[d] === 1) return true;
  return p === model.hostBuffer && c.tables.hostLater[s.hostPc]?.[d] === 1;
}

function addPending(c: Context, pending: PendingWrite | undefined): void {
  if (pending === undefined) return;
  c.add('buffer' in pending ? bufferAtom(c, pending.buffer) : pathAtom(c, pending.path, pending.index));
}

/** Buffers whose writes, now (`b`) or later (`f`), go to destination d. */
function addWritersTo(c: Context, d: number): void {
  const count = c.model.bufferCount;
  for (let p = 0; p < count; p += 1) if (c.now[p * c.tables.destinations + d] === 1) c.add(bufferAtom(c, p));
  for (let p = 0; p < count; p += 1) if (laterTo(c, p, d)) c.add(laterAtom(c, p));
}

function addAllLines(c: Context): void {
  if (c.model.cacheable) for (let l = 0; l < c.model.lines.length; l += 1) c.add(lineAtom(c, l));
}

/** The host's steps not yet taken (the current one first) whose effect is among `effects`. */
function addHostSteps(c: Context, effects: number): void {
  const { model, s } = c;
  for (let j = s.hostPc; j < model.host.length; j += 1) {
    const phases = model.host[j]?.op === 'unmap-s2' ? HOST_OPS['unmap-s2'].phases : 1;
    for (let q = 0; q < phases; q += 1) {
      if ((j > s.hostPc || q >= s.hostPhase) && (c.tables.hostEffect[3 * j + q]! & effects) !== 0) c.add(hostAtom(c, j, q));
    }
  }
}

/**
 * Everything that puts a transaction at the end of the device path:
 * departures to it, evictions, and the host's reads and cleans (a clean
 * writes dirty lines back). Two of them taken in the other order leave the
 * path in another order.
 */
function addAppendersToDevicePath(c: Context): void {
  addWritersTo(c, 0);
  addAllLines(c);
  addHostSteps(c, APPENDS | CLEANS);
}

/** Everything that changes cache line l: departures into it, its eviction, the host's cleans. */
function addUsersOfLine(c: Context, l: number): void {
  addWritersTo(c, LINE_DESTINATIONS + l);
  c.add(lineAtom(c, l));
  addHostSteps(c, CLEANS);
}

/** The path positions of transactions of the kinds `select` picks. */
function addOnPaths(c: Context, select: (kind: TxnKind) => boolean): void {
  c.s.paths.forEach((path, p) => path.forEach((txn, i) => select(txn.kind) && c.add(pathAtom(c, p, i))));
}

/**
 * The atom whose step moves the host on: its current step, or while a
 * read waits for its data, the read's arrival. Every later host step needs
 * it first.
 */
function addHostNow(c: Context): void {
  const { model, s } = c;
  const op = model.host[s.hostPc];
  if (!op) return;
  if (op.op === 'read' && s.hostPhase === 1) addOnPaths(c, (kind) => kind === 'read');
  else c.add(hostAtom(c, s.hostPc, s.hostPhase));
}

function enabled(c: Context, atom: number): boolean {
  const { s, at } = c;
  if (atom < at.b) return !c.vcpusIdle && c.moves.vcpu[atom] !== undefined;
  // The oldest entry of a buffer may always leave.
  if (atom < at.f) return (s.buffers[atom - at.b]?.length ?? 0) > 0;
  if (atom < at.e) return false;
  if (atom < at.h) return s.dirty[atom - at.e] !== 0n;
  if (atom < at.R) return atom === hostAtom(c, s.hostPc, s.hostPhase) && c.moves.host !== undefined;
  // R, G: actions on writes that do not exist yet.
  if (atom < at.a) return false;
  const i = atom - at.a;
  return i < at.onPath0 ? c.moves.blockers[0]?.[i] === -1 : c.moves.blockers[1]?.[i - at.onPath0] === -1;
}

/** The transaction at path position `atom`. */
function txnAt(c: Context, atom: number): { p: number; i: number } {
  const i = atom - c.at.a;
  return i < c.at.onPath0 ? { p: 0, i } : { p: 1, i: i - c.at.onPath0 };
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
function addInterferers(c: Context, atom: number): void {
  const { model, s, at } = c;
  if (atom < at.b) {
    // The TLBI decides whether a store enters the buffer or faults; the other host steps, kept for simplicity.
    addHostSteps(c, APPENDS | CLEANS | WAITS | OTHER);
  } else if (atom < at.f) {
    const p = atom - at.b;
    for (let d = 0; d < c.tables.destinations; d += 1) {
      if (c.now[p * c.tables.destinations + d] !== 1) continue;
      if (d === 0) addAppendersToDevicePath(c);
      else if (d < LINE_DESTINATIONS) addWritersTo(c, d);
      else addUsersOfLine(c, d - LINE_DESTINATIONS);
    }
  } else if (atom >= at.e && atom < at.h) {
    addAppendersToDevicePath(c);
    addUsersOfLine(c, atom - at.e);
  } else if (atom >= at.h && atom < at.R) {
    const effect = c.tables.hostEffect[atom - at.h]!;
    if (!c.vcpusIdle) for (let k = 0; k < model.vcpus.length; k += 1) c.add(vcpuAtom(k));
    // Barriers only wait (for writes others can only complete); a reset enters the host's buffer behind what is there.
    if (effect === APPENDS || effect === CLEANS) addAppendersToDevicePath(c);
    if (effect === CLEANS) for (let l = 0; l < model.lines.length; l += 1) addUsersOfLine(c, l);
  } else if (atom >= at.a) {
    // A reset's arrival decides whether a guest write's arrival is the violation; once reset, nothing changes that.
    const { p, i } = txnAt(c, atom);
    const kind = s.paths[p]?.[i]?.kind;
    if (s.reset || kind === undefined) return;
    if (isGuestWrite(kind)) {
      addOnPaths(c, isResetMethod);
      c.add(at.R);
    } else if (isResetMethod(kind)) {
      addOnPaths(c, isGuestWrite);
      c.add(at.G);
    }
  }
}

/** Why the host's step at op j, phase q is not enabled: the atoms one of which must move first (rule 3). */
function addHostEnablers(c: Context, j: number, q: number): void {
  const { model, s } = c;
  const op = model.host[s.hostPc];
  // A step already taken is never taken again; a later one needs the host to move on first.
  if (!op || j < s.hostPc || (j === s.hostPc && q < s.hostPhase)) return;
  if (j !== s.hostPc || q !== s.hostPhase) return addHostNow(c);
  if (model.knobs['guest-stops'] && !guestsDone(model, s)) {
    c.add(vcpuAtom(model.vcpus.findIndex((vcpu, k) => (s.pcs[k] ?? 0) < vcpu.ops.length)));
    return;
  }
  if (op.op === 'read') {
    if (s.hostPhase === 1) addOnPaths(c, (kind) => kind === 'read');
    else c.add(bufferAtom(c, model.hostBuffer));
    return;
  }
  if (op.op === 'unmap-s2' && s.hostPhase === 1) {
    const store = pendingGuestStore(model, s);
    if (store) return addPending(c, store);
  }
  addPending(c, pendingWrite(model, s, model.hostBuffer));
}

/** Rule (3) for a disabled atom: an action of these must come first. */
function addEnablers(c: Context, atom: number): void {
  const { model, s, at } = c;
  if (atom < at.b) {
    // Idle or at the end: never enabled again. Otherwise a dsb waiting for its writes.
    if (!c.vcpusIdle && (s.pcs[atom] ?? 0) < (model.vcpus[atom]?.ops.length ?? 0)) addPending(c, pendingWrite(model, s, atom));
  } else if (atom >= at.f && atom < at.e) {
    // A write enters buffer p only by a step of its owner: the vCPU (its stores), the host (its resets).
    const p = atom - at.f;
    if (p < model.vcpus.length && !s.unmapped && !c.vcpusIdle) c.add(vcpuAtom(p));
    if (p === model.hostBuffer) addHostNow(c);
  } else if (atom >= at.e && atom < at.h) {
    // A clean line becomes dirty only by a store leaving a buffer into it.
    addWritersTo(c, LINE_DESTINATIONS + atom - at.e);
  } else if (atom >= at.h && atom < at.R) {
    addHostEnablers(c, Math.floor((atom - at.h) / 3), (atom - at.h) % 3);
  } else if (atom === at.R) {
    // A reset reaches a path by leaving the host's buffer.
    c.add(bufferAtom(c, model.hostBuffer));
    c.add(laterAtom(c, model.hostBuffer));
  } else if (atom === at.G) {
    // A guest write reaches a path by leaving a buffer (uncached) or as a write-back (eviction, the host's clean).
    for (let k = 0; k < model.vcpus.length; k += 1) {
      c.add(bufferAtom(c, k));
      c.add(laterAtom(c, k));
    }
    if (model.cacheable) {
      addAllLines(c);
      addHostSteps(c, CLEANS);
    }
  } else if (atom >= at.a) {
    const { p, i } = txnAt(c, atom);
    const blocker = c.moves.blockers[p]?.[i] ?? -1;
    if (blocker >= 0) c.add(pathAtom(c, p, blocker));
  }
}

/** Rule (1): reset arrivals before the reset, guest write arrivals after it. */
function addLandmark(c: Context): void {
  if (c.s.reset) {
    addOnPaths(c, isGuestWrite);
    c.add(c.at.G);
  } else {
    addOnPaths(c, isResetMethod);
    c.add(c.at.R);
  }
}

/** The enabled atoms, in the order rule (4) picks from: vCPUs, the host, buffers, lines, path positions. */
function candidatesOf(c: Context): number[] {
  const { model, s } = c;
  const out: number[] = [];
  const collect = (atom: number): void => {
    if (enabled(c, atom)) out.push(atom);
  };
  for (let k = 0; k < model.vcpus.length; k += 1) collect(vcpuAtom(k));
  addHostNowTo(c, collect);
  for (let p = 0; p < model.bufferCount; p += 1) collect(bufferAtom(c, p));
  for (let l = 0; l < model.lines.length; l += 1) collect(lineAtom(c, l));
  s.paths.forEach((path, p) => path.forEach((_, i) => collect(pathAtom(c, p, i))));
  return out;
}

/** addHostNow with another sink (rule 4 lists the host's current atom among the candidates). */
function addHostNowTo(c: Context, sink: (atom: number) => void): void {
  addHostNow({ ...c, add: sink });
}

/**
 * The partial-order reduction of one exploration: for a state and what it
 * offers, the steps to expand, those of a strong stubborn set (rules 1 to
 * 4 above), or undefined when that would be every step. The Allowed
 * returned reads this function's scratch: use it before the next call.
 */
export function stubbornSets(model: Model, forgetPcsAfterUnmap: boolean): (s: State, moves: Moves) => Allowed | undefined {
  const tables = tablesOf(model);
  let inSet = new Uint8Array(64);
  let now = new Uint8Array(tables.destinations * model.bufferCount);
  const work: number[] = [];
  const add = (atom: number): void => {
    if (inSet[atom] === 1) return;
    inSet[atom] = 1;
    work.push(atom);
  };
  return (s, moves) => {
    const at = layoutOf(model, s);
    if (inSet.length < at.size) inSet = new Uint8Array(2 * at.size);
    else inSet.fill(0, 0, at.size);
    now.fill(0);
    s.buffers.forEach((buffer, p) => {
      for (const entry of buffer) now[p * tables.destinations + destination(model, entry.kind, entry.region)] = 1;
    });
    const c: Context = { model, tables, s, moves, at, vcpusIdle: forgetPcsAfterUnmap && s.unmapped, now, add };
    const candidates = candidatesOf(c);
    addLandmark(c);
    for (;;) {
      for (let atom = work.pop(); atom !== undefined; atom = work.pop()) {
        if (enabled(c, atom)) addInterferers(c, atom);
        else addEnablers(c, atom);
      }
      // Rule 4, then the closure under vCPU groups; each may add atoms to close again.
      if (candidates[0] !== undefined && !candidates.some((atom) => inSet[atom] === 1)) add(candidates[0]);
      for (const group of model.vcpuGroups) {
        for (const atomOf of [vcpuAtom, (k: number) => bufferAtom(c, k), (k: number) => laterAtom(c, k)]) {
          if (group.some((k) => inSet[atomOf(k)] === 1)) for (const k of group) add(atomOf(k));
        }
      }
      if (work.length === 0) break;
    }
    if (candidates.every((atom) => inSet[atom] === 1)) return undefined;
    const held = inSet;
    const hostHeld = s.hostPc < model.host.length && held[hostAtom(c, s.hostPc, s.hostPhase)] === 1;
    return {
      vcpu: (k) => held[vcpuAtom(k)] === 1,
      host: hostHeld,
      buffer: (pe) => held[bufferAtom(c, pe)] === 1,
      line: (line) => held[lineAtom(c, line)] === 1,
      arrival: (path, index) => held[pathAtom(c, path, index)] === 1,
    };
  };
}
