/**
 * The messages between the race widget and its worker (race-worker.ts).
 * Everything the widget shows about a scenario is computed in the worker:
 * the page itself loads no parser, no engine and no scenario files, which
 * keeps the race pages' JavaScript small (the editor, which does parse,
 * loads only when the reader opens it).
 */
import type { ExploreProgress, RaceCheck } from '../../engine/race/index.ts';
import type { RaceChart } from '../../engine/format/race-chart.ts';

/** What to run: a shipped scenario, a text, or the state a link's query describes (falling back to a shipped scenario). */
export type RaceSource =
  | { readonly name: string }
  | { readonly text: string }
  | { readonly search: string; readonly name: string };

export interface RaceRequest {
  /** Identifies the run, so a late message from an older run is ignored. */
  readonly id: number;
  readonly source: RaceSource;
  /** The site's address, for the link under the plain text. */
  readonly site: string;
}

/** The scenario a run is about, known before the exploration starts. */
export interface RaceScenarioInfo {
  /** The scenario text (a shipped file's own text, or the reader's). */
  readonly text: string;
  /** The shipped scenario it is, if it is one. */
  readonly name?: string;
  /** What was wrong with the link, one line per parameter. */
  readonly problems: readonly string[];
  /** The URL query for this state, and the playground link to it. */
  readonly query: string;
  readonly playground: string;
}

/** A checked scenario as the widget draws it. The model stays in the worker: the chart has all a drawing needs. */
export interface RaceShown {
  readonly check: Omit<RaceCheck, 'model'>;
  readonly chart: RaceChart;
  /** What "Copy as plain text" copies: the CLI's text for the same input, then the link. */
  readonly report: string;
}

export type RaceResponse =
  /** A link that failed (links/link-outcome.ts): nothing runs; `text` is what it decodes to, if anything. */
  | { readonly id: number; readonly kind: 'link-failed'; readonly problems: readonly string[]; readonly text?: string }
  | ({ readonly id: number; readonly kind: 'scenario' } & RaceScenarioInfo)
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ExploreProgress }
  | ({ readonly id: number; readonly kind: 'done' } & RaceShown)
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** Where the editor's text stops parsing. */
export interface ParseError {
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}
