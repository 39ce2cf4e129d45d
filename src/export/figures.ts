/**
 * What stands in for a page's interactive figures in the ReST export. The
 * pages mark each figure with a JSX comment such as
 * `{/* widget: RaceExplorer scenario=soc-nc-unmap-ctrl *\/}` or
 * `{/* table: CombineMatrix fwb=off *\/}`. Race figures become the
 * scenario and the race engine's verdict, computed now; matrices come from
 * the combining engine; any other figure becomes a pointer to the web page.
 * The text is written as Markdown so the one converter renders it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { combineMatrix, matrixRows } from '../engine/attrs/matrix.ts';
import { rstTable } from '../engine/format/rst-table.ts';
import { wrap } from '../engine/format/wrap.ts';
import { checkScenario, printScenario } from '../engine/race/index.ts';

export interface Marker {
  readonly kind: 'widget' | 'table';
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
}

const MARKER = /^\s*\/\*\s*(widget|table):\s*(\w+)((?:\s+[\w-]+=\S+?)*)\s*\*\/\s*$/;

/** The marker in an MDX expression, or undefined for any other comment. */
export function parseMarker(expression: string): Marker | undefined {
  const match = MARKER.exec(expression);
  if (match === null) return undefined;
  const [, kind = '', name = '', params = ''] = match;
  const pairs = params
    .trim()
    .split(/\s+/)
    .filter((pair) => pair !== '')
    .map((pair): [string, string] => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
  return { kind: kind === 'table' ? 'table' : 'widget', name, params: new Map(pairs) };
}

/** The sentence that replaces a figure the export cannot show. */
export function interactiveNote(pageUrl: string): string {
  return `The [web version of this chapter](${pageUrl}) has an interactive figure here.`;
}

/** The caption of a generated matrix, as Markdown. */
export function matrixCaption(fwb: boolean): string {
  return (
    `Every named stage-1 type against every named stage-2 encoding, FWB ${fwb ? 'on' : 'off'}, ` +
    'both stages Inner Shareable, as computed by the combining engine. MAIR is the combined ' +
    'attribute as a `MAIR_ELx` byte and SH the combined shareability:'
  );
}

/** The combining engine's matrix as a ReST simple table. */
export function matrixTable(fwb: boolean): string {
  const { header, rows } = matrixRows(combineMatrix(fwb));
  return rstTable(header, rows).trimEnd();
}

/**
 * A race figure as Markdown: the scenario in canonical form, the verdict
 * the race engine computes for it, and for an unsafe verdict the shortest
 * counterexample. Throws if the engine gives no answer, so the export
 * never ships a figure without one.
 */
export function raceFigure(root: string, scenario: string, pageUrl: string): string {
  const file = `scenarios/${scenario}.race`;
  const check = checkScenario(readFileSync(join(root, file), 'utf8'), { file });
  const { verdict, trace, stats } = check.result;
  if (verdict === 'incomplete') throw new Error(`${file}: the race engine did not finish (${check.result.stopped})`);
  const expectation =
    check.expected === undefined
      ? ''
      : check.matches === true
        ? ', as the scenario expects'
        : `, although the scenario expects ${check.expected}`;
  const steps = trace.map((step, i) => {
    const number = `${String(i + 1).padStart(2)}. `;
    return wrap(`${step.actor}: ${step.event}`, number, ' '.repeat(number.length), 68).join('\n');
  });
  return [
    `Scenario \`${file}\`, shown interactively on the [web version](${pageUrl}):`,
    fence(printScenario(check.scenario)),
    `Race engine verdict: **${verdict}**${expectation} (${stats.states} states explored)` +
      (steps.length === 0 ? '.' : '. A shortest execution that delivers a guest write after the reset:'),
    ...(steps.length === 0 ? [] : [fence(steps.join('\n'))]),
    ...check.warnings.map((warning) => `Engine warning: ${warning}`),
  ].join('\n\n');
}

function fence(text: string): string {
  return '```text\n' + text.replace(/\n+$/, '') + '\n```';
}
