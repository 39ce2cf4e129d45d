/**
 * A counterexample as a figure: one lane per actor, each step with its
 * label and, where a transaction moves, the lane it leaves and the lane it
 * reaches; and after each step what every component (write buffers, paths,
 * device, reset controller) holds. The widget's timeline and the
 * 72-column sequence chart (race-sequence.ts) both draw this one object,
 * so the page and the email show the same picture.
 *
 * Nothing here decides anything about the race: the steps and the state
 * views come from the engine's replay; this module only reads where each
 * write was before and after a step (the difference of two views).
 */
import type { Model } from '../race/model/build.ts';
import type { ReplayFrame, StateView } from '../race/replay.ts';
import type { Actor, Lane } from '../race/types.ts';

export interface ChartLane {
  readonly lane: Lane;
  /** As a reader names it: "Guest PE", "Root complex". */
  readonly name: string;
}

export interface ChartStep {
  /** 1-based, as the chart numbers it. */
  readonly number: number;
  readonly actor: Actor;
  /** Where the step happens (the engine's lane for it). */
  readonly lane: Lane;
  /** The engine's words for the step. */
  readonly label: string;
  /** What moved, when a transaction moved from one lane to another. */
  readonly move?: { readonly what: string; readonly from: Lane; readonly to: Lane };
  /** A guest write reached the device after the reset. */
  readonly violation: boolean;
}

/** One component at one moment: a write buffer, a path, the device, the reset controller, stage 2. */
export interface ChartComponent {
  readonly name: string;
  /** The lane it belongs to, for drawing it under its column. */
  readonly lane: Lane;
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

const LANE_NAMES: Record<Lane, string> = {
  'guest-pe': 'Guest PE',
  'host-pe': 'Host PE',
  interconnect: 'Interconnect',
  'root-complex': 'Root complex',
  device: 'Device',
  'reset-controller': 'Reset controller',
};

export function laneName(lane: Lane): string {
  return LANE_NAMES[lane] ?? lane;
}

/** Every lane the scenario can use, in drawing order: the PEs, the acknowledgement point, the targets. */
function lanesOf(model: Model): ChartLane[] {
  const lanes: Lane[] = ['guest-pe', 'host-pe', model.ackLane, 'device'];
  if (model.scenario.platform === 'soc') lanes.push('reset-controller');
  return lanes.map((lane) => ({ lane, name: laneName(lane) }));
}

/** A place a write can be in a view: a buffer (in its PE's lane) or a path (in the acknowledgement point's lane). */
interface Place {
  readonly lane: Lane;
  readonly items: readonly string[];
}

function placesOf(view: StateView, ackLane: Lane): Place[] {
  return [...view.buffers.map((b) => ({ lane: b.lane, items: b.writes })), ...view.paths.map((p) => ({ lane: ackLane, items: p.items }))];
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
  readonly gone: readonly { readonly lane: Lane; readonly item: string }[];
  readonly came: readonly { readonly lane: Lane; readonly item: string }[];
}

function difference(before: StateView, after: StateView, ackLane: Lane): Moved {
  const was = placesOf(before, ackLane);
  const is = placesOf(after, ackLane);
  const gone = was.flatMap((place, i) => missing(place.items, is[i]?.items ?? []).map((item) => ({ lane: place.lane, item })));
  const came = is.flatMap((place, i) => missing(place.items, was[i]?.items ?? []).map((item) => ({ lane: place.lane, item })));
  return { gone, came };
}

/**
 * The move a step made: a write that left one place and entered another
 * (a buffer to the acknowledgement point), left a path for its target
 * (the step's lane), or entered a path straight from its PE (a host read).
 * Merging two stores in one buffer moves nothing between lanes.
 */
function moveOf(moved: Moved, lane: Lane): ChartStep['move'] {
  const gone = moved.gone[0];
  const came = moved.came[0];
  const from = gone?.lane ?? lane;
  const to = came?.lane ?? lane;
  const what = came?.item ?? gone?.item;
  return what === undefined || from === to ? undefined : { what, from, to };
}

/** The writes each target has received so far, and whether it has asserted or taken the reset. */
function components(model: Model, view: StateView, received: ReadonlyMap<Lane, readonly string[]>): ChartComponent[] {
  const buffers = view.buffers.map((b) => ({ name: `${laneName(b.lane)} write buffer`, lane: b.lane, items: b.writes }));
  const paths = view.paths.map((p) => ({ name: `Path to the ${p.to}`, lane: model.ackLane, items: p.items }));
  const soc = model.scenario.platform === 'soc';
  return [
    { name: 'Stage 2 mapping', lane: 'host-pe', items: [], state: view.unmapped ? 'unmapped: guest stores fault' : 'mapped' },
    ...buffers,
    ...paths,
    { name: 'Device', lane: 'device', items: received.get('device') ?? [], state: view.deviceReset ? 'reset' : 'not reset' },
    ...(soc
      ? [{ name: 'Reset controller', lane: 'reset-controller' as const, items: received.get('reset-controller') ?? [], state: view.deviceReset ? 'reset asserted' : 'idle' }]
      : []),
  ];
}

/** The chart of a replayed execution (the engine's `replay` frames for the model). */
export function raceChart(model: Model, frames: readonly ReplayFrame[]): RaceChart {
  const received = new Map<Lane, string[]>();
  const steps: ChartStep[] = [];
  const first = frames[0];
  const snapshots: ChartComponent[][] = first ? [components(model, first.view, received)] : [];
  frames.forEach((frame, i) => {
    const before = frames[i - 1];
    if (!frame.step || !before) return;
    const moved = difference(before.view, frame.view, model.ackLane);
    const { lane } = frame.step;
    // A write that left a path and entered nothing reached the step's target.
    if (moved.came.length === 0) {
      for (const { item } of moved.gone) received.set(lane, [...(received.get(lane) ?? []), frame.violation ? `${item} (after the reset)` : item]);
    }
    const move = moveOf(moved, lane);
    steps.push({ number: i, actor: frame.step.actor, lane, label: frame.step.event, ...(move ? { move } : {}), violation: frame.violation });
    snapshots.push(components(model, frame.view, received));
  });
  return { lanes: lanesOf(model), steps, components: snapshots };
}

/** One step in words, complete on its own: the text alternative of its row. */
export function stepText(step: ChartStep): string {
  const move = step.move ? ` (${step.move.what}: ${laneName(step.move.from)} to ${laneName(step.move.to)})` : '';
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
