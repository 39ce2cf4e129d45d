/**
 * "Play the scheduler": the reader, not the explorer, picks each next step
 * of the race model, from every step the model allows in the current state
 * (transitions.ts, without the explorer's reductions), trying to make a
 * guest write reach the device after the reset. A game is the scenario's
 * model and the steps taken so far (their replay references), so Undo is
 * dropping the last one and a game replays the same on every machine.
 * Each offered step is named by its event text as the timeline prints it.
 */
import { ReplayError, viewOf, type ReplayFrame } from '../race/explore/replay.ts';
import type { Model } from '../race/model/model.ts';
import { startState } from '../race/model/state.ts';
import { successors, type Transition } from '../race/model/transitions.ts';
import type { Actor, TraceStep } from '../race/types.ts';
import { raceChart, stepText, type ChartComponent } from '../format/race-chart.ts';

/** A step the reader may take now. */
export interface Move {
  readonly ref: string;
  /** What its button says: the step's event text, with its actor first when another step offered says the same. */
  readonly label: string;
  readonly actor: Actor;
}

export interface Playing {
  /** The steps offered now; none once the reader has won or every step has run. */
  readonly moves: readonly Move[];
  /** The steps taken, each in words with its actor and the lanes a write moved between (the timeline's text). */
  readonly played: readonly string[];
  /** What each component holds now. */
  readonly holding: readonly ChartComponent[];
  /** The last step delivered a guest write to the device after the reset. */
  readonly won: boolean;
}

/**
 * The buttons' names for steps offered together: each step's event text;
 * where two share one, `actor: event`; where those still clash (two
 * buffered stores to one offset), numbered in the order offered.
 */
export function moveLabels(steps: readonly TraceStep[]): string[] {
  const count = (labels: readonly string[], label: string): number => labels.filter((l) => l === label).length;
  const events = steps.map((s) => s.event);
  const named = steps.map((s) => (count(events, s.event) > 1 ? `${s.actor}: ${s.event}` : s.event));
  const seen = new Map<string, number>();
  return named.map((label) => {
    if (count(named, label) === 1) return label;
    const k = (seen.get(label) ?? 0) + 1;
    seen.set(label, k);
    return `${label} (${k})`;
  });
}

/** The transitions offered after the steps `refs`, with the frames of the way there; throws ReplayError for a step not offered. */
function walk(model: Model, refs: readonly string[]): { frames: ReplayFrame[]; offered: Transition[]; won: boolean } {
  let s = startState(model);
  const frames: ReplayFrame[] = [{ view: viewOf(model, s), violation: false }];
  let won = false;
  refs.forEach((ref, i) => {
    const t = won ? undefined : successors(model, s).find((candidate) => candidate.step.ref === ref);
    if (!t) throw new ReplayError(`step ${i + 1} is not one the model offers here`);
    s = t.next;
    won = t.violation;
    frames.push({ step: t.step, view: viewOf(model, s), violation: t.violation });
  });
  return { frames, offered: won ? [] : successors(model, s), won };
}

/** The game after the steps `refs`. */
export function play(model: Model, refs: readonly string[]): Playing {
  const { frames, offered, won } = walk(model, refs);
  const chart = raceChart(model, frames);
  const labels = moveLabels(offered.map((t) => t.step));
  return {
    moves: offered.map((t, i) => ({ ref: t.step.ref, label: labels[i] ?? t.step.event, actor: t.step.actor })),
    played: chart.steps.map((step) => stepText(chart, step)),
    holding: chart.components.at(-1) ?? [],
    won,
  };
}

/** A counterexample (the explorer's trace) as the buttons that play it are named, step by step. */
export function movesOfTrace(model: Model, trace: readonly TraceStep[]): string[] {
  const labels: string[] = [];
  const refs: string[] = [];
  for (const step of trace) {
    const { moves } = play(model, refs);
    const move = moves.find((m) => m.ref === step.ref);
    if (!move) throw new ReplayError(`step ${refs.length + 1} (${step.actor}: ${step.event}) is not possible here`);
    labels.push(move.label);
    refs.push(step.ref);
  }
  return labels;
}
