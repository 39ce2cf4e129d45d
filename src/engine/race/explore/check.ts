/**
 * The engine's front door: scenario text in, a checked result out. The CLI
 * reads the text from a file, the site from a Vite import; both pass the
 * file name only for error messages.
 */
import { explore, type ExploreOptions } from './explorer.ts';
import { buildModel } from '../model/build.ts';
import type { Model } from '../model/model.ts';
import { parseScenario } from '../language/parser.ts';
import type { ExploreResult, Knobs, Scenario, Verdict } from '../types.ts';

export interface RaceCheck {
  readonly file: string;
  readonly scenario: Scenario;
  /** The knobs in force, defaults applied. */
  readonly knobs: Knobs;
  /** The guest's combined memory type, from the combining engine (e.g. `Normal-NC`). */
  readonly guestType: string;
  readonly result: ExploreResult;
  /** The file's `expect` line, and whether the verdict matches it. */
  readonly expected?: Verdict;
  readonly matches?: boolean;
  readonly warnings: readonly string[];
  /** The model, for replay (replay.ts) and state views. */
  readonly model: Model;
}

export interface CheckOptions extends ExploreOptions {
  /** Names the scenario in error messages (default `<scenario>`). */
  readonly file?: string;
}

/** Parses and checks a scenario. Throws ScenarioError (file:line:column) for bad input. */
export function checkScenario(text: string, options: CheckOptions = {}): RaceCheck {
  const file = options.file ?? '<scenario>';
  const scenario = parseScenario(text, file);
  const model = buildModel(scenario);
  const result = explore(model, options);
  const expected = scenario.expect;
  return {
    file,
    scenario,
    knobs: model.knobs,
    guestType: model.guestType.name,
    result,
    ...(expected === undefined ? {} : { expected, matches: result.verdict === expected }),
    warnings: model.warnings,
    model,
  };
}
