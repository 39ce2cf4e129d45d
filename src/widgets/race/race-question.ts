/**
 * What a guide figure asks and answers about one shipped scenario,
 * computed at build time (src/components/RaceFigure.astro): the learn
 * engine's question about it (the facts, SAFE or UNSAFE, the why
 * analysis's sentence, the versioned playground link) and, for an UNSAFE
 * verdict, the counterexample's timeline. The figure's island only shows
 * these; the full tool is behind "Open in the playground".
 */
import { poseRace } from '../../engine/learn/index.ts';
import type { ChoiceInstance } from '../../engine/learn/index.ts';
import { raceChart, type RaceChart } from '../../engine/format/race-chart.ts';
import { checkScenario } from '../../engine/race/index.ts';
import { replay } from '../../engine/race/explore/replay.ts';
import { BASE } from '../shared/url-state.ts';
import { SHIPPED, shippedFile } from './race-scenarios.ts';

export interface FigureState {
  /** The shipped scenario's name. */
  readonly name: string;
  readonly instance: ChoiceInstance;
  /** The shortest counterexample as the timeline draws it, when the verdict is UNSAFE. */
  readonly chart?: RaceChart;
}

export function figureState(name: string): FigureState {
  const text = SHIPPED.get(name);
  if (text === undefined) throw new Error(`RaceFigure: no shipped scenario '${name}' in scenarios/`);
  const instance = poseRace(text, { site: BASE, shipped: SHIPPED });
  const { model, result } = checkScenario(text, { file: shippedFile(name) });
  return { name, instance, ...(result.verdict === 'unsafe' ? { chart: raceChart(model, replay(model, result.trace)) } : {}) };
}
