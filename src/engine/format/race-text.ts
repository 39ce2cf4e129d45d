/**
 * A race check as plain text for an email (at most 70 columns, so that one
 * level of quoting stays within 72): what the scenario is, its whole text
 * (scenario-block.ts: what "Paste from email" reads back when the link is
 * lost), the verdict, a shortest counterexample as a numbered sequence
 * chart, and the statistics.
 */
import type { RaceCheck } from '../race/explore/check.ts';
import { replay } from '../race/explore/replay.ts';
import { KNOB_NAMES } from '../race/types.ts';
import { raceChart } from './race-chart.ts';
import { SEQUENCE_LEGEND, sequenceChart } from './race-sequence.ts';
import { scenarioBlock } from './scenario-block.ts';
import { field, wrap } from './wrap.ts';

const LABEL = 12;

/** A file the scenario was read from; `<stdin>` and the like name none. */
const namesAFile = (file: string): boolean => !file.startsWith('<');

function scenarioLines(check: RaceCheck): string[] {
  const { scenario } = check;
  const knobs = KNOB_NAMES.map((name) => `${name}=${check.knobs[name] ? 'yes' : 'no'}`).join(' ');
  const file = namesAFile(check.file) ? check.file : undefined;
  return [
    ...wrap(`Scenario: ${scenario.title ?? file ?? '(untitled)'}`, '', '  '),
    ...(file === undefined ? [] : field('file', file, LABEL)),
    ...field('guest type', check.guestType, LABEL),
    ...field('knobs', knobs, LABEL),
    '',
    ...scenarioBlock(scenario),
  ];
}

function verdictLines(check: RaceCheck): string[] {
  const { result } = check;
  if (result.verdict === 'incomplete') {
    const why = result.stopped === 'cancelled' ? 'exploration was cancelled' : `the state budget (${result.stats.states.toLocaleString('en')} states) ran out`;
    const expectation = check.expected === undefined ? '' : ` (expected ${check.expected})`;
    return wrap(`No verdict${expectation}: ${why} before every execution was explored; race --budget N stores more states.`);
  }
  const expectation = check.expected === undefined ? '' : ` (expected ${check.expected}: ${check.matches ? 'matches' : 'MISMATCH'})`;
  const lines = [`Verdict: ${result.verdict.toUpperCase()}${expectation}`];
  if (result.verdict === 'safe') lines.push(...wrap('No execution delivers a guest write to the device after the reset.'));
  return lines;
}

/** The counterexample as the timeline draws it: a numbered sequence chart, one column per actor. */
function traceLines(check: RaceCheck): string[] {
  const { trace } = check.result;
  if (trace.length === 0) return [];
  const chart = raceChart(check.model, replay(check.model, trace));
  return ['', `Counterexample (${trace.length} steps, a shortest one):`, '', ...sequenceChart(chart), '', ...wrap(SEQUENCE_LEGEND)];
}

function reductionText(result: RaceCheck['result']): string {
  if (!result.reduction) return 'no reduction';
  return result.partialOrder ? 'symmetry and partial-order reductions' : 'symmetry reduction only';
}

function statsLines(check: RaceCheck): string[] {
  const { result } = check;
  const { stats } = result;
  const writes = result.writes
    ? `Writes reaching the device: ${result.writes.min} to ${result.writes.max} transactions over all executions.`
    : 'Writes reaching the device: unknown (exploration incomplete).';
  const explored =
    `Explored ${stats.states} states, ${stats.transitions} transitions, depth ${stats.depth}, ` +
    `${stats.timeMs.toFixed(1)} ms (${reductionText(result)}).`;
  return ['', ...wrap(writes), ...wrap(explored), ...check.warnings.flatMap((w) => wrap(`warning: ${w}`, '', '  '))];
}

export function renderRaceText(check: RaceCheck): string {
  return [...scenarioLines(check), '', ...verdictLines(check), ...traceLines(check), ...statsLines(check)].join('\n') + '\n';
}
