/**
 * Exhaustive breadth-first exploration of the race model over canonical
 * states (M-reduce-symmetry), expanding in each state the steps of a
 * stubborn set (M-reduce-por). Breadth-first order makes the first
 * violating transition found the end of a shortest counterexample
 * (M-explore-bfs); both reductions keep its length. The state graph is
 * acyclic (every step advances a program, merges, moves or delivers a
 * write; under M-reduce-symmetry a step may also lead back to its own
 * state, which is no edge), so after a complete exploration one pass over
 * the recorded edges gives the fewest and most write transactions that
 * reach the device over all executions.
 *
 * Pure and synchronous so it runs the same in Node, a page and a Web
 * Worker: progress is reported through a callback every `progressEvery`
 * states, where a cancel check (callback or AbortSignal) is also polled.
 */
import { describeStep } from '../model/describe.ts';
import { EVERY_MOVE, type Model } from '../model/model.ts';
import { Draft } from '../model/draft.ts';
import { startState, type State } from '../model/state.ts';
import { KeyEncoder, keyShape, type KeyShape } from '../model/state-key.ts';
import { delivers, violates, type Step } from '../model/step.ts';
import { StubbornSets } from '../model/stubborn.ts';
import { SymmetryFilter } from '../model/symmetry.ts';
import { movesOf, nextState, stepsOf, takeStep, type MovesBuffer } from '../model/transitions.ts';
import type { ExploreResult, TraceStep, WriteCounts } from '../types.ts';
import { IntList } from './int-list.ts';
import { StateSet } from './state-set.ts';

export interface ExploreProgress {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
}

export interface ExploreOptions {
  /**
   * Most distinct states to store before giving up with `incomplete`
   * (`stopped: 'budget'`; a counterexample already found still answers
   * `unsafe`). Default 150,000: about 290 MB resident at worst, measured
   * (four vCPUs of nine stores without reduction); the benchmark's four
   * vCPUs of eight stores need 118,168, reduced shipped scenarios under 3,000.
   */
  readonly budget?: number;
  /** The reductions of state-key.ts (M-reduce-symmetry) and stubborn.ts (M-reduce-por); default on. */
  readonly reduction?: boolean;
  /** The partial-order reduction (M-reduce-por), with `reduction` only; default on. Off, the explorer stores the states SPIN stores. */
  readonly partialOrder?: boolean;
  readonly onProgress?: (progress: ExploreProgress) => void;
  /** States between progress reports and cancel checks (default 5,000). */
  readonly progressEvery?: number;
  /** Polled with progress; returning true stops with `incomplete`. */
  readonly shouldStop?: () => boolean;
  readonly signal?: AbortSignal;
}

export const DEFAULT_BUDGET = 150_000;

/** The graph as explored: for each state its parent, the successor index that reached it, and its out-edges. */
interface Graph {
  readonly parent: IntList;
  readonly via: IntList;
  /** Edges of state i are edgeTo[edgeStart[i] .. edgeStart[i+1]); weight 1 when the step delivers a guest write. */
  readonly edgeStart: IntList;
  readonly edgeTo: IntList;
  readonly edgeWrites: IntList;
}

/**
 * Fewest and most guest writes delivered from the initial state to any
 * final state: a depth-first walk over the DAG that folds each edge into
 * its source once the edge's target is done (post-order), each edge
 * followed from a cursor so that no state's edges are scanned twice.
 */
function writeCounts(graph: Graph): WriteCounts {
  const n = graph.edgeStart.length - 1;
  const edgeStart = graph.edgeStart.view();
  const edgeTo = graph.edgeTo.view();
  const edgeWrites = graph.edgeWrites.view();
  const min = new Int32Array(n);
  const max = new Int32Array(n);
  /** Per state the walk has reached: its next edge to follow. */
  const cursor = new Int32Array(n);
  const done = new Uint8Array(n);
  const stack = new IntList();
  const enter = (v: number): void => {
    cursor[v] = edgeStart[v]!;
    min[v] = edgeStart[v] === edgeStart[v + 1] ? 0 : 0x7fffffff;
    max[v] = 0;
    stack.push(v);
  };
  enter(0);
  while (stack.length > 0) {
    const v = stack.last();
    const e = cursor[v]!;
    if (e === edgeStart[v + 1]) {
      done[v] = 1;
      stack.length -= 1;
      continue;
    }
    const w = edgeTo[e]!;
    if (!done[w]) {
      // The graph is acyclic, so w is not on the stack: it is entered here and folded into v when done.
      enter(w);
      continue;
    }
    const add = edgeWrites[e]!;
    if (min[w]! + add < min[v]!) min[v] = min[w]! + add;
    if (max[w]! + add > max[v]!) max[v] = max[w]! + add;
    cursor[v] = e + 1;
  }
  return { min: min[0] ?? 0, max: max[0] ?? 0 };
}

/**
 * How the explorer chooses the steps of a state under the reductions
 * chosen: what the state offers is computed once, the partial-order
 * reduction picks among it, and only the steps picked are listed. A class
 * rather than a closure, so that every exploration calls the same function
 * (V8 throws away optimised code that sees a second one).
 */
class StepRule {
  private readonly model: Model;
  private readonly stubborn: StubbornSets | undefined;
  private readonly symmetry: SymmetryFilter | undefined;
  private readonly buffer: MovesBuffer = { vcpu: [], host: undefined, blockers: [] };

  constructor(model: Model, shape: KeyShape, symmetric: boolean, partialOrder: boolean) {
    this.model = model;
    this.stubborn = partialOrder ? new StubbornSets(model, shape.forgetPcsAfterUnmap) : undefined;
    this.symmetry = symmetric ? new SymmetryFilter(model) : undefined;
  }

  stepsIn(s: State): Step[] {
    const moves = movesOf(this.model, s, this.buffer);
    return stepsOf(this.model, s, moves, this.symmetry?.forState(s) ?? EVERY_MOVE, this.stubborn?.allowedIn(s, moves));
  }
}

/** Steps from the initial state along successor indices, collecting the trace in words. */
function traceOf(model: Model, indices: readonly number[], rule: StepRule): TraceStep[] {
  let s: State = startState(model);
  return indices.map((index) => {
    const step = rule.stepsIn(s)[index];
    if (!step) throw new Error(`internal error: no successor ${index} while rebuilding a trace`);
    s = nextState(model, s, step);
    return describeStep(model, step);
  });
}

function pathTo(graph: Graph, id: number): number[] {
  const indices: number[] = [];
  for (let v = id; v > 0; v = graph.parent.at(v)) indices.push(graph.via.at(v));
  return indices.reverse();
}

export function explore(model: Model, options: ExploreOptions = {}): ExploreResult {
  const started = performance.now();
  const budget = options.budget ?? DEFAULT_BUDGET;
  const every = Math.max(1, options.progressEvery ?? 5_000);
  const reduction = options.reduction ?? true;
  const shape = keyShape(model, reduction);
  const partialOrder = reduction && (options.partialOrder ?? true);
  const rule = new StepRule(model, shape, reduction, partialOrder);
  const graph: Graph = { parent: new IntList(), via: new IntList(), edgeStart: new IntList(), edgeTo: new IntList(), edgeWrites: new IntList() };
  graph.parent.push(0);
  graph.via.push(0);
  const depth = new IntList();
  depth.push(0);
  const keys = new KeyEncoder(model, shape);
  const states = new StateSet();
  const start = startState(model);
  states.find(keys.encode(start), keys.length, keys.hash);
  states.add(keys.encode(start), keys.length);
  // The frontier; index = state id. Expanded states are dropped (only their ids stay).
  const queue: (State | undefined)[] = [start];
  // Every successor is built in this draft; only a new one becomes a State of its own.
  const next = new Draft(start);
  let transitions = 0;
  let violation: number[] | undefined;
  let stopped: 'budget' | 'cancelled' | undefined;

  // Read before the loop, which V8 optimises before the first report: a read there that it has not seen run would throw that code away.
  const { onProgress, shouldStop, signal } = options;
  const progress = (): ExploreProgress => ({ states: states.size, transitions, depth: depth.last() });
  expand: for (let head = 0; head < queue.length; head += 1) {
    const s = queue[head];
    queue[head] = undefined;
    if (!s) continue;
    if (head > 0 && head % every === 0) {
      onProgress?.(progress());
      if (shouldStop?.() || signal?.aborted) {
        stopped = 'cancelled';
        break;
      }
    }
    graph.edgeStart.push(graph.edgeTo.length);
    const steps = rule.stepsIn(s);
    keys.expanding(s, states.keyWords, states.keyStart(head));
    for (let index = 0; index < steps.length; index += 1) {
      const step = steps[index]!;
      transitions += 1;
      if (violates(step) && !violation) violation = [...pathTo(graph, head), index];
      next.redraft(s);
      takeStep(model, next, step);
      const key = keys.encodeDraft(next);
      let id = states.find(key, keys.length, keys.hash);
      if (id < 0) {
        if (states.size >= budget) {
          stopped = 'budget';
          break expand;
        }
        id = states.add(key, keys.length);
        graph.parent.push(head);
        graph.via.push(index);
        depth.push(depth.at(head) + 1);
        queue.push(next.freeze());
      }
      // A step to the state itself (state-key.ts: forgetPcsAfterUnmap) is no edge of the DAG.
      if (id === head) continue;
      graph.edgeTo.push(id);
      graph.edgeWrites.push(delivers(step) ? 1 : 0);
    }
  }
  graph.edgeStart.push(graph.edgeTo.length);

  const stats = { ...progress(), timeMs: performance.now() - started };
  const trace = violation ? traceOf(model, violation, rule) : [];
  const verdict = violation ? 'unsafe' : stopped ? 'incomplete' : 'safe';
  return {
    verdict,
    ...(stopped ? { stopped } : { writes: writeCounts(graph) }),
    trace,
    stats,
    reduction,
    partialOrder,
  };
}
