/**
 * A counterexample as a figure: one lane per actor, each step with its
 * label and, where a transaction moves, the lane it leaves and the lane it
 * reaches; and after each step what every component (write buffers, the
 * cache, paths, device, reset controller) holds. The widget's timeline and
 * the 70-column sequence chart (race-sequence.ts) both draw this one
 * object, so the page and the email show the same picture.
 *
 * Nothing here decides anything about the race: the steps and the state
 * views come from the engine's replay; this module only reads where each
 * write was before and after a step (the difference of two views).
 */
import type { Model } from '../race/model/model.ts';
import type { ReplayFrame, StateView } from '../race/explore/replay.ts';
import type { Actor, Lane } from '../race/types.ts';
import { LANE_ORDER, LANES } from '../race/vocabulary/lanes.ts';

/**
 * A lane as the chart keys it: one of the engine's lanes. Kept as a plain
 * string here so that the chart draws whatever lanes the engine names.
 */
export type LaneId = Lane | (string & {});

export interface ChartLane {
  readonly lane: LaneId;
  /** As a reader names it: "Guest PE", "vCPU 1 PE", "Root complex". */
  readonly name: string;
}

export interface ChartStep {
  /** 1-based, as the chart numbers it. */
  readonly number: number;
  readonly actor: Actor;
  /** Where the step happens (the engine's lane for it). */
  readonly lane: LaneId;
  /** The engine's words for the step. */
  readonly label: string;
  /** What moved, when a transaction moved from one lane to another. */
  readonly move?: { readonly what: string; readonly from: LaneId; readonly to: LaneId };
  /** A guest write reached the device after the reset. */
  readonly violation: boolean;
}

/** One component at one moment: a write buffer, the cache, a path, the device, the reset controller, stage 2. */
export interface ChartComponent {
  readonly name: string;
  /** The lane it belongs to. */
  readonly lane: LaneId;
  /** The writes (and reads) it holds, oldest first. */
  readonly items: readonly string[];
  /** Its state in words, where it has one ("reset", "unmapped"). */
  readonly state?: string;
}

export interface RaceChart {
  readonly lanes: readonly ChartLane[];
  readonly steps: readonly ChartStep[];
  /** Index k: the components after step k (0: before the first step). */
  readonly components: readonly (readonly ChartComponent[])[];
}

/** The marks a chart draws, each with what it means: the web timeline's legend and the plain text's (race-sequence.ts) say the same. */
export type ChartMark = 'move' | 'step' | 'violation';
export const CHART_LEGEND: readonly { readonly mark: ChartMark; readonly meaning: string }[] = [
  { mark: 'move', meaning: 'a write moves between lanes' },
  { mark: 'step', meaning: 'a step within one lane' },
  { mark: 'violation', meaning: 'a guest write reaches the device after the reset' },
];

/** A lane's name in a chart (vCPU 0's PE is "vCPU 0 PE" beside other vCPUs, "Guest PE" alone). */
export function laneName(chart: Pick<RaceChart, 'lanes'>, lane: LaneId): string {
  return chart.lanes.find((l) => l.lane === lane)?.name ?? (lane in LANES ? LANES[lane as Lane].name : lane);
}

/** A place a write can be in a view: a buffer (in its PE's lane), the cache, or a path (in the acknowledgement point's lane). */
interface Place {
  readonly lane: LaneId;
  readonly items: readonly string[];
}

/** Dirty cache lines, where the engine models a cache. */
const dirtyOf = (view: StateView): readonly string[] => ('dirty' in view && Array.isArray(view.dirty) ? (view.dirty as string[]) : []);

function placesOf(view: StateView, ackLane: LaneId): Place[] {
  return [
    ...view.buffers.map((b) => ({ lane: b.lane, items: b.writes })),
    { lane: 'cache', items: dirtyOf(view) },
    ...view.paths.map((p) => ({ lane: ackLane, items: p.items })),
  ];
}

/** The lanes a scenario's chart needs: every PE with a buffer or a step, the host, the cache if used, the acknowledgement point and the targets. */
function lanesOf(model: Model, frames: readonly ReplayFrame[]): ChartLane[] {
  const used = new Set<string>(['host-pe', model.ackLane, 'device']);
  if (model.scenario.platform === 'soc') used.add('reset-controller');
  for (const frame of frames) {
    for (const b of frame.view.buffers) used.add(b.lane);
    if (dirtyOf(frame.view).length > 0) used.add('cache');
    if (frame.step) used.add(frame.step.lane);
  }
  const lanes = LANE_ORDER.filter((lane) => used.has(lane));
  const several = used.has('guest1-pe');
  return lanes.map((lane) => ({ lane, name: lane === 'guest-pe' && several ? 'vCPU 0 PE' : LANES[lane].name }));
}

/** The items of `a` that `b` lacks, counting repeats (two buffered `store 0x0` are two writes). */
function missing(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

interface Moved {
  readonly gone: readonly { readonly lane: LaneId; readonly item: string }[];
  readonly came: readonly { readonly lane: LaneId; readonly item: string }[];
}

function difference(before: StateView, after: StateView, ackLane: LaneId): Moved {
  const was = placesOf(before, ackLane);
  const is = placesOf(after, ackLane);
  const gone = was.flatMap((place, i) => missing(place.items, is[i]?.items ?? []).map((item) => ({ lane: place.lane, item })));
  const came = is.flatMap((place, i) => missing(place.items, was[i]?.items ?? []).map((item) => ({ lane: place.lane, item })));
  return { gone, came };
}

/**
 * The move a step made: a write that left one place and entered another
 * (a buffer to the acknowledgement point or the cache, a dirty line to a
 * path), left a path for its target (the step's lane), or entered a path
 * straight from its PE (a host read). Merging two stores in one buffer
 * moves nothing between lanes.
 */
function moveOf(moved: Moved, lane: LaneId): ChartStep['move'] {
  const gone = moved.gone[0];
  const came = moved.came.find((c) => c.lane !== gone?.lane) ?? moved.came[0];
  const from = gone?.lane ?? lane;
  const to = came?.lane ?? lane;
  const what = gone?.item ?? came?.item;
  return what === undefined || from === to ? undefined : { what, from, to };
}

/** What each component holds after a step; `received` lists what reached each target so far. */
function components(model: Model, lanes: readonly ChartLane[], view: StateView, received: ReadonlyMap<LaneId, readonly string[]>): ChartComponent[] {
  const has = (lane: string): boolean => lanes.some((l) => l.lane === lane);
  const name = (lane: LaneId): string => laneName({ lanes }, lane);
  const target = (lane: LaneId, state: string): ChartComponent => ({ name: name(lane), lane, items: received.get(lane) ?? [], state });
  return [
    { name: 'Stage 2 mapping', lane: 'host-pe', items: [], state: view.unmapped ? 'unmapped: guest stores fault' : 'mapped' },
    ...view.buffers.map((b) => ({ name: `${name(b.lane)} write buffer`, lane: b.lane, items: b.writes })),
    ...(has('cache') ? [{ name: 'Cache (dirty lines)', lane: 'cache', items: dirtyOf(view) }] : []),
    ...view.paths.map((p) => ({ name: `Path to the ${p.to}`, lane: model.ackLane, items: p.items })),
    target('device', view.deviceReset ? 'reset' : 'not reset'),
    ...(has('reset-controller') ? [target('reset-controller', view.deviceReset ? 'reset asserted' : 'idle')] : []),
    ...(has('firmware') ? [target('firmware', view.deviceReset ? 'reset done' : 'idle')] : []),
  ];
}

/** The chart of a replayed execution (the engine's `replay` frames for the model). */
export function raceChart(model: Model, frames: readonly ReplayFrame[]): RaceChart {
  const lanes = lanesOf(model, frames);
  const received = new Map<LaneId, string[]>();
  const steps: ChartStep[] = [];
  const first = frames[0];
  const snapshots: ChartComponent[][] = first ? [components(model, lanes, first.view, received)] : [];
  frames.forEach((frame, i) => {
    const before = frames[i - 1];
    if (!frame.step || !before) return;
    const moved = difference(before.view, frame.view, model.ackLane);
    const { lane } = frame.step;
    // A write that left a path and entered nothing reached the step's target.
    if (moved.came.length === 0) {
      for (const { item } of moved.gone.filter((g) => g.lane === model.ackLane)) {
        received.set(lane, [...(received.get(lane) ?? []), frame.violation ? `${item} (after the reset)` : item]);
      }
    }
    const move = moveOf(moved, lane);
    steps.push({ number: i, actor: frame.step.actor, lane, label: frame.step.event, ...(move ? { move } : {}), violation: frame.violation });
    snapshots.push(components(model, lanes, frame.view, received));
  });
  return { lanes, steps, components: snapshots };
}

/** One step in words, complete on its own: the text alternative of its row. */
export function stepText(chart: Pick<RaceChart, 'lanes'>, step: ChartStep): string {
  const move = step.move ? ` (${step.move.what}: ${laneName(chart, step.move.from)} to ${laneName(chart, step.move.to)})` : '';
  return `${step.actor}: ${step.label}${move}${step.violation ? ', a guest write after the reset' : ''}`;
}

/** What every component holds, in words. */
export function componentsText(list: readonly ChartComponent[]): string {
  const one = (c: ChartComponent): string => {
    const parts = [...(c.state ? [c.state] : []), ...(c.items.length > 0 ? [c.items.join(', ')] : [])];
    return `${c.name}: ${parts.join('; ') || 'empty'}`;
  };
  return `${list.map(one).join('. ')}.`;
}
