/**
 * What stands in for a page's interactive figures in the ReST export. A
 * figure is an embedded component (`<CombineMatrix fwb={false} />`) or,
 * until its widget exists, a JSX comment marker such as
 * `{/* widget: RaceExplorer scenario=soc-nc-unmap-ctrl *\/}`; both become
 * a Figure. Race figures become the scenario and the race engine's
 * verdict, computed now; matrices come from the combining engine; any
 * other figure becomes a sentence saying the web version has it. Prose is written as
 * Markdown so the one converter renders it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { combineMatrix, matrixRows } from '../engine/attrs/matrix.ts';
import { rstTable } from '../engine/format/rst-table.ts';
import { wrap } from '../engine/format/wrap.ts';
import { checkScenario, printScenario } from '../engine/race/index.ts';
import type { JsxElement } from './mdast-to-rst.ts';

export interface Figure {
  /** The widget's component name, e.g. `RaceExplorer`. */
  readonly name: string;
  /** Its parameters as source text: `scenario` -> `soc-nc-unmap-ctrl`, `fwb` -> `false`. */
  readonly params: ReadonlyMap<string, string>;
}

const MARKER = /^\s*\/\*\s*(?:widget|table):\s*(\w+)((?:\s+[\w-]+=\S+?)*)\s*\*\/\s*$/;

/** The figure a JSX comment marks, or undefined for any other comment. */
export function figureOfComment(expression: string): Figure | undefined {
  const match = MARKER.exec(expression);
  if (match === null) return undefined;
  const [, name = '', params = ''] = match;
  const pairs = params
    .trim()
    .split(/\s+/)
    .filter((pair) => pair !== '')
    .map((pair): [string, string] => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
  return { name, params: new Map(pairs) };
}

/** The figure an embedded component shows; an attribute without a value is `true`, as in JSX. */
export function figureOfElement(element: JsxElement): Figure {
  const params = new Map<string, string>();
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const { value } = attribute;
    params.set(attribute.name, value === null || value === undefined ? 'true' : typeof value === 'string' ? value : value.value);
  }
  return { name: element.name ?? '', params };
}

/** The sentence that replaces a figure the export cannot show. */
export function interactiveNote(): string {
  return 'The web version of this chapter has an interactive figure here.';
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
export function raceFigure(root: string, scenario: string): string {
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
    `Scenario \`${file}\`, which the web version shows interactively:`,
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
