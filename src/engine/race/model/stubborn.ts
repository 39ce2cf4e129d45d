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
import { isGuestWrite, isResetWrite, type State, type TxnKind } from './state.ts';
import type { Moves } from './step.ts';
import { HOST_OPS } from '../vocabulary/host-ops.ts';

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

/** Per program counter: whether a write from there on goes to each destination (rows of `destinations` bytes). */
function laterDestinations(length: number, destinations: number, destinationOf: (index: number) => number | undefined): Uint8Array {
  const table = new Uint8Array((length + 1) * destinations);
  for (let index = length - 1; index >= 0; index -= 1) {
    table.copyWithin(index * destinations, (index + 1) * destinations, (index + 2) * destinations);
    const d = destinationOf(index);
    if (d !== undefined) table[index * destinations + d] = 1;
  }
  return table;
}

/**
 * The partial-order reduction of one exploration: `allowedIn(s, moves)` gives
 * the steps to expand in a state, those of a strong stubborn set (rules 1
 * to 4 above), or undefined when that would be every step. What it returns
 * is this object, read as an Allowed: use it before the next call.
 *
 * Atoms are numbers, one range per letter above, laid out per state:
 * `v k` at k, then `b p`, `f p`, `e l`, `h j.q` (three phases per host op),
 * `R`, `G`, and the path positions, path 0's first.
 */
export class StubbornSets implements Allowed {
  private readonly model: Model;
  private readonly forgetPcsAfterUnmap: boolean;
  /** Destinations: the two paths, then the cache lines. */
  private readonly destinations: number;
  /** Per vCPU: laterDestinations of its stores (f atoms). */
  private readonly vcpuLater: readonly Uint8Array[];
  /** laterDestinations of the host's resets. */
  private readonly hostLater: Uint8Array;
  /** Per host op and phase (3 j + q): hostStepEffect. */
  private readonly hostEffect: readonly number[];
  /** The destination of a store, per line (Model.lines). */
  private readonly storeDestination: readonly number[];
  // The layout of atoms, fixed by the model except the path positions.
  private readonly b: number;
  private readonly f: number;
  private readonly e: number;
  private readonly h: number;
  private readonly R: number;
  private readonly G: number;
  private readonly a: number;
  private onPath0 = 0;
  // The state being reduced, and scratch.
  private s!: State;
  private moves!: Moves;
  /** vCPU steps no longer matter (after the TLBI, pcs forgotten). */
  private vcpusIdle = false;
  /**
   * Per buffer and destination (p * destinations + d): an entry in the
   * buffer now goes there, when `round`. Worked out for a buffer when a rule
   * first asks (`goesTo`), its round in `nowKnown`.
   */
  private readonly now: Int32Array;
  private readonly nowKnown: Int32Array;
  /**
   * The groups of atoms added in this round (`round`): each depends on the
   * state only, so adding one a second time would add nothing. Per
   * destination (addWritersTo), per set of host step effects (addHostSteps),
   * per kind of transaction on the paths (addOnPaths).
   */
  private readonly writersAdded: Int32Array;
  private readonly hostStepsAdded = new Int32Array(16);
  private readonly onPathsAdded = new Int32Array(3);
  /** The atoms in T: those whose entry is `round` (a number per call, so that nothing needs clearing). */
  private inSet = new Int32Array(64);
  private round = 0;
  private readonly work: number[] = [];
  /** The enabled atoms (collectCandidates): the first `candidateCount`. */
  private candidates = new Int32Array(64);
  private candidateCount = 0;
  /** The host's current step is in T (Allowed). */
  host = false;

  constructor(model: Model, forgetPcsAfterUnmap: boolean) {
    this.model = model;
    this.forgetPcsAfterUnmap = forgetPcsAfterUnmap;
    const destinations = LINE_DESTINATIONS + model.lines.length;
    this.destinations = destinations;
    this.vcpuLater = model.vcpus.map((vcpu) =>
      laterDestinations(vcpu.ops.length, destinations, (pc) => (vcpu.ops[pc]?.op === 'store' ? destination(model, 'store', vcpu.region[pc]!) : undefined)),
    );
    this.hostLater = laterDestinations(model.host.length, destinations, (j) => {
      const op = model.host[j];
      return op?.op === 'reset' ? destination(model, op.method, -1) : undefined;
    });
    this.hostEffect = model.host.flatMap((_, j) => [0, 1, 2].map((q) => hostStepEffect(model, j, q)));
    this.storeDestination = model.lines.map((_, line) => destination(model, 'store', line));
    this.b = model.vcpus.length;
    this.f = this.b + model.bufferCount;
    this.e = this.f + model.bufferCount;
    this.h = this.e + model.lines.length;
    this.R = this.h + 3 * model.host.length;
    this.G = this.R + 1;
    this.a = this.R + 2;
    this.now = new Int32Array(destinations * model.bufferCount);
    this.nowKnown = new Int32Array(model.bufferCount);
    this.writersAdded = new Int32Array(destinations);
  }

  // What allowedIn returns (Allowed), as methods: the same functions in every exploration, which V8 then calls directly.
  vcpu(k: number): boolean {
    return this.held(k);
  }

  buffer(pe: number): boolean {
    return this.held(this.b + pe);
  }

  line(line: number): boolean {
    return this.held(this.e + line);
  }

  arrival(path: number, index: number): boolean {
    return this.held(this.pathAtom(path, index));
  }

  private pathAtom(p: number, i: number): number {
    return this.a + (p === 0 ? i : this.onPath0 + i);
  }

  private hostAtom(j: number, q: number): number {
    return this.h + 3 * j + q;
  }

  private held(atom: number): boolean {
    return this.inSet[atom] === this.round;
  }

  private add(atom: number): void {
    if (this.inSet[atom] === this.round) return;
    this.inSet[atom] = this.round;
    this.work.push(atom);
  }

  allowedIn(s: State, moves: Moves): Allowed | undefined {
    const { model } = this;
    this.s = s;
    this.moves = moves;
    this.vcpusIdle = this.forgetPcsAfterUnmap && s.unmapped;
    this.onPath0 = s.paths[0]?.length ?? 0;
    const size = this.a + this.onPath0 + (s.paths[1]?.length ?? 0);
    if (this.inSet.length < size) this.inSet = new Int32Array(2 * size);
    // Rounds count up to a bound well within 32 bits, then start again on cleared arrays.
    if (this.round === 1 << 30) {
      this.round = 0;
      this.inSet.fill(0);
      this.now.fill(0);
      this.nowKnown.fill(0);
      this.writersAdded.fill(0);
      this.hostStepsAdded.fill(0);
      this.onPathsAdded.fill(0);
    }
    this.round += 1;
    this.collectCandidates();
    this.addLandmark();
    for (;;) {
      for (let atom = this.work.pop(); atom !== undefined; atom = this.work.pop()) {
        if (this.enabled(atom)) this.addInterferers(atom);
        else this.addEnablers(atom);
      }
      // Rule 4, then the closure under vCPU groups; each may add atoms to close again.
      if (this.candidateCount > 0 && this.heldCandidates() === 0) this.add(this.candidates[0]!);
      for (const group of model.vcpuGroups) {
        for (const first of [0, this.b, this.f]) {
          if (group.some((k) => this.held(first + k))) for (const k of group) this.add(first + k);
        }
      }
      if (this.work.length === 0) break;
    }
    if (this.heldCandidates() === this.candidateCount) return undefined;
    this.host = s.hostPc < model.host.length && this.held(this.hostAtom(s.hostPc, s.hostPhase));
    return this;
  }

  /** Whether writes that enter buffer p later go to destination d. */
  private laterTo(p: number, d: number): boolean {
    const { model, s, destinations } = this;
    if (p < model.vcpus.length && !s.unmapped && !this.vcpusIdle && this.vcpuLater[p]![(s.pcs[p] ?? 0) * destinations + d] === 1) return true;
    return p === model.hostBuffer && this.hostLater[s.hostPc * destinations + d] === 1;
  }

  private addPending(pending: PendingWrite | undefined): void {
    if (pending === undefined) return;
    this.add('buffer' in pending ? this.b + pending.buffer : this.pathAtom(pending.path, pending.index));
  }

  /** Whether an entry now in buffer p goes to destination d. */
  private goesTo(p: number, d: number): boolean {
    const { round } = this;
    if (this.nowKnown[p] !== round) {
      this.nowKnown[p] = round;
      const buffer = this.s.buffers[p] ?? [];
      for (let i = 0; i < buffer.length; i += 1) {
        const { kind, region } = buffer[i]!;
        this.now[p * this.destinations + (kind === 'store' ? this.storeDestination[region]! : destination(this.model, kind, region))] = round;
      }
    }
    return this.now[p * this.destinations + d] === round;
  }

  /** Buffers whose writes, now (`b`) or later (`f`), go to destination d. */
  private addWritersTo(d: number): void {
    if (this.writersAdded[d] === this.round) return;
    this.writersAdded[d] = this.round;
    const count = this.model.bufferCount;
    for (let p = 0; p < count; p += 1) if (this.goesTo(p, d)) this.add(this.b + p);
    for (let p = 0; p < count; p += 1) if (this.laterTo(p, d)) this.add(this.f + p);
  }

  private addAllLines(): void {
    if (this.model.cacheable) for (let l = 0; l < this.model.lines.length; l += 1) this.add(this.e + l);
  }

  /** The host's steps not yet taken (the current one first) whose effect is among `effects`. */
  private addHostSteps(effects: number): void {
    if (this.hostStepsAdded[effects] === this.round) return;
    this.hostStepsAdded[effects] = this.round;
    const { model, s } = this;
    for (let j = s.hostPc; j < model.host.length; j += 1) {
      const phases = model.host[j]?.op === 'unmap-s2' ? HOST_OPS['unmap-s2'].phases : 1;
      for (let q = 0; q < phases; q += 1) {
        if ((j > s.hostPc || q >= s.hostPhase) && (this.hostEffect[3 * j + q]! & effects) !== 0) this.add(this.hostAtom(j, q));
      }
    }
  }

  /**
   * Everything that puts a transaction at the end of the device path:
   * departures to it, evictions, and the host's reads and cleans (a clean
   * writes dirty lines back). Two of them taken in the other order leave the
   * path in another order.
   */
  private addAppendersToDevicePath(): void {
    this.addWritersTo(0);
    this.addAllLines();
    this.addHostSteps(APPENDS | CLEANS);
  }

  /** Everything that changes cache line l: departures into it, its eviction, the host's cleans. */
  private addUsersOfLine(l: number): void {
    this.addWritersTo(LINE_DESTINATIONS + l);
    this.add(this.e + l);
    this.addHostSteps(CLEANS);
  }

  /**
   * The path positions of the reset writes, the guest writes or the reads on
   * the paths: added to T, or with `collecting`, listed as candidates when
   * enabled (collectCandidates).
   */
  private addOnPaths(which: 'resets' | 'guest writes' | 'reads', collecting = false): void {
    if (!collecting) {
      const group = which === 'resets' ? 0 : which === 'reads' ? 1 : 2;
      if (this.onPathsAdded[group] === this.round) return;
      this.onPathsAdded[group] = this.round;
    }
    const { paths } = this.s;
    for (let p = 0; p < paths.length; p += 1) {
      const path = paths[p]!;
      for (let i = 0; i < path.length; i += 1) {
        const { kind } = path[i]!;
        if (which === 'resets' ? isResetWrite(kind) : which === 'reads' ? kind === 'read' : isGuestWrite(kind)) this.addOrCollect(this.pathAtom(p, i), collecting);
      }
    }
  }

  /**
   * The atom whose step moves the host on: its current step, or while a
   * read waits for its data, the read's arrival. Every later host step needs
   * it first. Added to T, or with `collecting`, listed as a candidate when enabled.
   */
  private addHostNow(collecting = false): void {
    const { model, s } = this;
    const op = model.host[s.hostPc];
    if (!op) return;
    if (op.op === 'read' && s.hostPhase === 1) this.addOnPaths('reads', collecting);
    else this.addOrCollect(this.hostAtom(s.hostPc, s.hostPhase), collecting);
  }

  /** A flag rather than a function to call: one call site that calls one function stays fast in V8 from the first state on. */
  private addOrCollect(atom: number, collecting: boolean): void {
    if (!collecting) this.add(atom);
    else if (this.enabled(atom)) this.candidate(atom);
  }

  private enabled(atom: number): boolean {
    if (atom < this.b) return this.vcpuEnabled(atom);
    if (atom < this.f) return this.bufferEnabled(atom - this.b);
    if (atom < this.e) return false;
    if (atom < this.h) return this.lineEnabled(atom - this.e);
    if (atom < this.R) return atom === this.hostAtom(this.s.hostPc, this.s.hostPhase) && this.moves.host !== undefined;
    // R, G: actions on writes that do not exist yet.
    if (atom < this.a) return false;
    return this.arrivalEnabled(this.pathOf(atom), this.indexOf(atom));
  }

  private vcpuEnabled(k: number): boolean {
    return !this.vcpusIdle && this.moves.vcpu[k] !== undefined;
  }

  /** The oldest entry of a buffer may always leave. */
  private bufferEnabled(p: number): boolean {
    return (this.s.buffers[p]?.length ?? 0) > 0;
  }

  private lineEnabled(l: number): boolean {
    return this.s.dirty[l] !== 0n;
  }

  private arrivalEnabled(p: number, i: number): boolean {
    return this.moves.blockers[p]![i] === -1;
  }

  /** The path and index of path position `atom`. */
  private pathOf(atom: number): number {
    return atom - this.a < this.onPath0 ? 0 : 1;
  }

  private indexOf(atom: number): number {
    const i = atom - this.a;
    return i < this.onPath0 ? i : i - this.onPath0;
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
  private addInterferers(atom: number): void {
    const { model, s } = this;
    if (atom < this.b) {
      // The TLBI decides whether a store enters the buffer or faults; the other host steps, kept for simplicity.
      this.addHostSteps(APPENDS | CLEANS | WAITS | OTHER);
    } else if (atom < this.f) {
      const p = atom - this.b;
      for (let d = 0; d < this.destinations; d += 1) {
        if (!this.goesTo(p, d)) continue;
        if (d === 0) this.addAppendersToDevicePath();
        else if (d < LINE_DESTINATIONS) this.addWritersTo(d);
        else this.addUsersOfLine(d - LINE_DESTINATIONS);
      }
    } else if (atom >= this.e && atom < this.h) {
      this.addAppendersToDevicePath();
      this.addUsersOfLine(atom - this.e);
    } else if (atom >= this.h && atom < this.R) {
      const effect = this.hostEffect[atom - this.h]!;
      if (!this.vcpusIdle) for (let k = 0; k < model.vcpus.length; k += 1) this.add(k);
      // Barriers only wait (for writes others can only complete); a reset enters the host's buffer behind what is there.
      if (effect === APPENDS || effect === CLEANS) this.addAppendersToDevicePath();
      if (effect === CLEANS) for (let l = 0; l < model.lines.length; l += 1) this.addUsersOfLine(l);
    } else if (atom >= this.a) {
      // A reset's arrival decides whether a guest write's arrival is the violation; once reset, nothing changes that.
      const kind = s.paths[this.pathOf(atom)]?.[this.indexOf(atom)]?.kind;
      if (s.reset || kind === undefined) return;
      if (isGuestWrite(kind)) {
        this.addOnPaths('resets');
        this.add(this.R);
      } else if (isResetWrite(kind)) {
        this.addOnPaths('guest writes');
        this.add(this.G);
      }
    }
  }

  /** Why the host's step at op j, phase q is not enabled: the atoms one of which must move first (rule 3). */
  private addHostEnablers(j: number, q: number): void {
    const { model, s } = this;
    const op = model.host[s.hostPc];
    // A step already taken is never taken again; a later one needs the host to move on first.
    if (!op || j < s.hostPc || (j === s.hostPc && q < s.hostPhase)) return;
    if (j !== s.hostPc || q !== s.hostPhase) return this.addHostNow();
    if (model.knobs['guest-stops'] && !guestsDone(model, s)) {
      this.add(model.vcpus.findIndex((vcpu, k) => (s.pcs[k] ?? 0) < vcpu.ops.length));
      return;
    }
    if (op.op === 'read') {
      if (s.hostPhase === 1) this.addOnPaths('reads');
      else this.add(this.b + model.hostBuffer);
      return;
    }
    if (op.op === 'unmap-s2' && s.hostPhase === 1) {
      const store = pendingGuestStore(model, s);
      if (store) return this.addPending(store);
    }
    this.addPending(pendingWrite(model, s, model.hostBuffer));
  }

  /** Rule (3) for a disabled atom: an action of these must come first. */
  private addEnablers(atom: number): void {
    const { model, s } = this;
    if (atom < this.b) {
      // Idle or at the end: never enabled again. Otherwise a dsb waiting for its writes.
      if (!this.vcpusIdle && (s.pcs[atom] ?? 0) < (model.vcpus[atom]?.ops.length ?? 0)) this.addPending(pendingWrite(model, s, atom));
    } else if (atom >= this.f && atom < this.e) {
      // A write enters buffer p only by a step of its owner: the vCPU (its stores), the host (its resets).
      const p = atom - this.f;
      if (p < model.vcpus.length && !s.unmapped && !this.vcpusIdle) this.add(p);
      if (p === model.hostBuffer) this.addHostNow();
    } else if (atom >= this.e && atom < this.h) {
      // A clean line becomes dirty only by a store leaving a buffer into it.
      this.addWritersTo(LINE_DESTINATIONS + atom - this.e);
    } else if (atom >= this.h && atom < this.R) {
      this.addHostEnablers(Math.floor((atom - this.h) / 3), (atom - this.h) % 3);
    } else if (atom === this.R) {
      // A reset reaches a path by leaving the host's buffer.
      this.add(this.b + model.hostBuffer);
      this.add(this.f + model.hostBuffer);
    } else if (atom === this.G) {
      // A guest write reaches a path by leaving a buffer (uncached) or as a write-back (eviction, the host's clean).
      for (let k = 0; k < model.vcpus.length; k += 1) {
        this.add(this.b + k);
        this.add(this.f + k);
      }
      if (model.cacheable) {
        this.addAllLines();
        this.addHostSteps(CLEANS);
      }
    } else if (atom >= this.a) {
      const p = this.pathOf(atom);
      const blocker = this.moves.blockers[p]?.[this.indexOf(atom)] ?? -1;
      if (blocker >= 0) this.add(this.pathAtom(p, blocker));
    }
  }

  /** Rule (1): reset arrivals before the reset, guest write arrivals after it. */
  private addLandmark(): void {
    if (this.s.reset) {
      this.addOnPaths('guest writes');
      this.add(this.G);
    } else {
      this.addOnPaths('resets');
      this.add(this.R);
    }
  }

  private candidate(atom: number): void {
    if (this.candidateCount === this.candidates.length) {
      const grown = new Int32Array(2 * this.candidateCount);
      grown.set(this.candidates);
      this.candidates = grown;
    }
    this.candidates[this.candidateCount++] = atom;
  }

  /** How many of the enabled atoms are in T. */
  private heldCandidates(): number {
    let held = 0;
    for (let i = 0; i < this.candidateCount; i += 1) if (this.held(this.candidates[i]!)) held += 1;
    return held;
  }

  /** The enabled atoms, in the order rule (4) picks from: vCPUs, the host, buffers, lines, path positions. */
  private collectCandidates(): void {
    const { model, s } = this;
    this.candidateCount = 0;
    for (let k = 0; k < model.vcpus.length; k += 1) if (this.vcpuEnabled(k)) this.candidate(k);
    this.addHostNow(true);
    for (let p = 0; p < model.bufferCount; p += 1) if (this.bufferEnabled(p)) this.candidate(this.b + p);
    for (let l = 0; l < model.lines.length; l += 1) if (this.lineEnabled(l)) this.candidate(this.e + l);
    for (let p = 0; p < s.paths.length; p += 1) {
      for (let i = 0; i < s.paths[p]!.length; i += 1) if (this.arrivalEnabled(p, i)) this.candidate(this.pathAtom(p, i));
    }
  }
}
