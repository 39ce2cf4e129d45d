/**
 * Many explorations under one budget. Ablation and repair ask the
 * explorer about dozens to thousands of variants of one scenario; every
 * variant's stored states count against one budget for the whole search,
 * so a search that would run too long stops and says so (the caller
 * reports `stopped`) instead of freezing a page. Progress and
 * cancellation are polled inside each exploration and between variants.
 *
 * A variant is printed and parsed again before it is explored, so the
 * scenario language is the judge of what can be asked: a variant it
 * cannot express is refused with the parser's message.
 */
import { DEFAULT_BUDGET, explore, type ExploreOptions } from '../explore/explorer.ts';
import { ScenarioError } from '../language/errors.ts';
import { parseScenario } from '../language/parser.ts';
import { printScenario } from '../language/printer.ts';
import { buildModel } from '../model/build.ts';
import type { Model } from '../model/model.ts';
import type { ExploreResult, RaceVerdict, Scenario } from '../types.ts';

/** States that all explorations of one search may store together, unless told otherwise. */
export const SEARCH_BUDGET = 2_000_000;

export interface SearchProgress {
  /** Variants explored or refused so far. */
  readonly checked: number;
  /** Variants this search will explore, as far as known now. */
  readonly total: number;
  /** States stored by all its explorations so far. */
  readonly states: number;
}

export interface SearchOptions extends Pick<ExploreOptions, 'reduction' | 'partialOrder' | 'shouldStop' | 'signal'> {
  /**
   * States all explorations of the search may store together. Given, one
   * exploration may use all that is left of it (as `race --budget N` lets
   * the check use N); by default SEARCH_BUDGET, and no one exploration
   * stores more than the explorer's own DEFAULT_BUDGET.
   */
  readonly budget?: number;
  readonly onProgress?: (progress: SearchProgress) => void;
}

/** A variant the language refuses, or its exploration (`incomplete` without a result once the search has stopped). */
export type Outcome =
  | { readonly verdict: 'refused'; readonly error: string }
  | { readonly verdict: 'incomplete'; readonly result?: undefined }
  | { readonly verdict: RaceVerdict; readonly scenario: Scenario; readonly model: Model; readonly result: ExploreResult };

export class Search {
  readonly #options: SearchOptions;
  #left: number;
  checked = 0;
  total = 0;
  stopped: 'budget' | 'cancelled' | undefined;

  constructor(options: SearchOptions) {
    this.#options = options;
    this.#left = options.budget ?? SEARCH_BUDGET;
  }

  get states(): number {
    return (this.#options.budget ?? SEARCH_BUDGET) - this.#left;
  }

  /** Reports progress now (the total may have grown). */
  report(): void {
    this.#options.onProgress?.({ checked: this.checked, total: this.total, states: this.states });
  }

  /** The variant's verdict; after a stop every further variant is `incomplete` without being explored. */
  run(variant: Scenario): Outcome {
    let scenario: Scenario;
    try {
      scenario = parseScenario(printScenario(variant), 'variant');
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      this.checked += 1;
      this.report();
      return { verdict: 'refused', error: error.detail };
    }
    const { shouldStop, signal } = this.#options;
    if (shouldStop?.() || signal?.aborted) this.stopped ??= 'cancelled';
    if (this.stopped !== undefined || this.#left <= 0) {
      this.stopped ??= 'budget';
      return { verdict: 'incomplete' };
    }
    const model = buildModel(scenario);
    const result = explore(model, {
      budget: this.#options.budget === undefined ? Math.min(DEFAULT_BUDGET, this.#left) : this.#left,
      ...(this.#options.reduction === undefined ? {} : { reduction: this.#options.reduction }),
      ...(this.#options.partialOrder === undefined ? {} : { partialOrder: this.#options.partialOrder }),
      ...(shouldStop === undefined ? {} : { shouldStop }),
      ...(signal === undefined ? {} : { signal }),
    });
    this.#left -= result.stats.states;
    // An unsafe verdict stands even if the budget ran out after the counterexample; anything else unfinished stops the search.
    if (result.stopped !== undefined && result.verdict !== 'unsafe') this.stopped = result.stopped;
    else this.checked += 1;
    this.report();
    return { verdict: result.verdict, scenario, model, result };
  }
}
