/**
 * The messages between the race widget and its worker (race-worker.ts).
 * Everything the widget shows about a scenario is computed in the worker:
 * the page itself loads no parser, no engine and no scenario files, which
 * keeps the race pages' JavaScript small (the editor, which does parse,
 * loads only when the reader opens it).
 */
import type { ExploreProgress, RaceCheck, Scenario, Verdict } from '../../engine/race/index.ts';
import type { SearchProgress } from '../../engine/race/explain/index.ts';
import type { RaceChart } from '../../engine/format/race-chart.ts';

/**
 * What to run: a shipped scenario, a text, the state a link's query
 * describes (falling back to a shipped scenario), or a scenario already
 * shown (the analysis of a result, RaceAnalysis.svelte), with the reader's
 * text of it where the page has one (a fix is applied to that text, its
 * comments kept).
 */
export type RaceSource =
  | { readonly name: string }
  | { readonly text: string }
  | { readonly search: string; readonly name: string }
  | { readonly scenario: Scenario; readonly text?: string };

export interface RaceRequest {
  /** Identifies the run, so a late message from an older run is ignored. */
  readonly id: number;
  readonly source: RaceSource;
  /** The site's address, for the link under the plain text. */
  readonly site: string;
  /** Also explain the verdict and search for the smallest fix of up to `maxOps` host ops (RaceAnalysis.svelte). */
  readonly analyse?: { readonly maxOps: number };
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
  /** Why, and the smallest fix, when the run was asked to analyse. */
  readonly analysis?: RaceAnalysis;
}

/** A variant of the scenario explored for "Why", and the link that opens it (none when refused). */
export interface VariantShown {
  readonly label: string;
  readonly verdict: string;
  /** Its verdict differs from the scenario's. */
  readonly changes: boolean;
  readonly link?: string;
}

/**
 * One fix: its host program, the link that opens it, and the reader's
 * scenario text with that host program, edited as a form control edits it
 * (comments kept, title marked, a stale `expect` turned into a comment),
 * which Apply puts in the editor.
 */
export interface FixShown {
  readonly program: string;
  readonly link: string;
  readonly text: string;
  /** The `expect` the text had before the fix. */
  readonly staleExpect?: Verdict;
}

/** Why and Smallest fix, in the words of the command line's --explain and --fix (format/race-explain-text.ts). */
export interface RaceAnalysis {
  readonly headline?: string;
  /** Each finding with the label and link of its variant. */
  readonly findings: readonly { readonly sentence: string; readonly label: string; readonly link?: string }[];
  readonly variants: readonly VariantShown[];
  /** Why the ablation stopped early, in words. */
  readonly stopped?: string;
  readonly fixSearch: string;
  readonly fixSummary: string;
  readonly fixes: readonly FixShown[];
  /** "Copy as plain text" with both: the command line's --explain --fix text. */
  readonly report: string;
}

export type RaceResponse =
  /** A link that failed (links/link-outcome.ts): nothing runs; `text` is what it decodes to, if anything. */
  | { readonly id: number; readonly kind: 'link-failed'; readonly problems: readonly string[]; readonly text?: string }
  | ({ readonly id: number; readonly kind: 'scenario' } & RaceScenarioInfo)
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ExploreProgress }
  | { readonly id: number; readonly kind: 'search-progress'; readonly phase: 'why' | 'fix'; readonly progress: SearchProgress }
  | ({ readonly id: number; readonly kind: 'done' } & RaceShown)
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** Where the editor's text stops parsing. */
export interface ParseError {
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}
