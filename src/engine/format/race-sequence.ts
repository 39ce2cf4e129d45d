/**
 * A counterexample as a numbered sequence chart in plain text, for a
 * 70-column email: one column per actor (lane), one row per step, an
 * arrow from the lane a transaction leaves to the lane it reaches, and the
 * step's label beside the lanes (wrapped, the lanes continuing under it).
 * It draws the same chart object as the widget's timeline (race-chart.ts).
 *
 *      Guest PE
 *      |     Host PE
 *      |     |     Interconnect
 *      |     |     |     Device
 *      |     |     |     |
 *   1  *     |     |     |  store 0x0 enters the write buffer
 *   2  o----------->     |  store 0x0 acknowledged at the interconnect
 *   3  |     |     o=====>  receives store 0x0 after reset
 */
import { CHART_LEGEND, type ChartMark, type RaceChart } from './race-chart.ts';
import { EMAIL_WIDTH, wrap } from './wrap.ts';

/** The label column is never narrower than this; the lanes get closer together first. */
const MIN_LABEL = 33;
const SPACINGS = [6, 5, 4, 3] as const;

/** How the text draws each mark of the chart. */
const MARK_TEXT: Readonly<Record<ChartMark, string>> = { move: 'o-->', step: '*', violation: 'o==>' };
export const SEQUENCE_LEGEND = `${CHART_LEGEND.map((entry) => `${MARK_TEXT[entry.mark]} ${entry.meaning}`).join('; ')}.`;

interface Geometry {
  readonly indent: number;
  readonly spacing: number;
  readonly labelStart: number;
}

function geometry(chart: RaceChart, width: number): Geometry {
  const indent = String(chart.steps.length).length + 4;
  const lanes = chart.lanes.length;
  const labelStartFor = (spacing: number): number => indent + (lanes - 1) * spacing + 3;
  const spacing = SPACINGS.find((s) => width - labelStartFor(s) >= MIN_LABEL) ?? 3;
  return { indent, spacing, labelStart: labelStartFor(spacing) };
}

/** The lane columns of one line, `|` in each, as an array of characters to draw on. */
function bars(chart: RaceChart, g: Geometry, upTo = chart.lanes.length): string[] {
  const line = Array.from({ length: g.labelStart }, () => ' ');
  for (let i = 0; i < upTo; i += 1) line[g.indent + i * g.spacing] = '|';
  return line;
}

function header(chart: RaceChart, g: Geometry): string[] {
  const lines = chart.lanes.map((lane, i) => (bars(chart, g, i).join('').slice(0, g.indent + i * g.spacing) + lane.name).trimEnd());
  return [...lines, bars(chart, g).join('').trimEnd()];
}

/** The lanes of a step's first line: `*` where it happens, or an arrow from the lane it leaves to the lane it reaches. */
function stepLanes(chart: RaceChart, g: Geometry, step: RaceChart['steps'][number]): string[] {
  const line = bars(chart, g);
  const x = (lane: string): number => {
    const i = chart.lanes.findIndex((l) => l.lane === lane);
    return i === -1 ? -1 : g.indent + i * g.spacing;
  };
  if (!step.move) {
    const at = x(step.lane);
    if (at !== -1) line[at] = '*';
    return line;
  }
  const [from, to] = [x(step.move.from), x(step.move.to)];
  if (from === -1 || to === -1) return line;
  const fill = step.violation ? '=' : '-';
  for (let c = Math.min(from, to) + 1; c < Math.max(from, to); c += 1) line[c] = fill;
  line[from] = 'o';
  line[to] = to > from ? '>' : '<';
  return line;
}

/** The chart's lines (no trailing newline), none wider than `width` unless a single word is. */
export function sequenceChart(chart: RaceChart, width = EMAIL_WIDTH): string[] {
  const g = geometry(chart, width);
  const lines = header(chart, g);
  for (const step of chart.steps) {
    const label = wrap(step.label, '', '', width - g.labelStart);
    const first = stepLanes(chart, g, step);
    const number = String(step.number).padStart(g.indent - 2);
    first.splice(0, number.length, ...number);
    lines.push((first.join('') + (label[0] ?? '')).trimEnd());
    for (const rest of label.slice(1)) lines.push((bars(chart, g).join('') + rest).trimEnd());
  }
  return lines;
}
