/**
 * Runs the race explorer off the main thread, so a large scenario never
 * freezes the page: the widget posts what to run (a shipped scenario, a
 * text, or a link's query), the worker answers with the scenario it
 * resolved (text, link, problems with the link), then progress, then
 * everything shown about the result (race-shown.ts); asked to analyse, it
 * also explains the verdict and searches for the smallest fix, posting
 * progress per variant. Cancelling is the widget terminating this worker.
 */
import { checkScenario, parseScenario, printScenario, ScenarioError, type Scenario } from '../../engine/race/index.ts';
import { ablate, repair, type SearchProgress } from '../../engine/race/explain/index.ts';
import { linkOutcome } from '../../engine/links/link-outcome.ts';
import { restoreRaceLink } from '../versions/race-link.ts';
import type { RaceRequest, RaceResponse, RaceSource } from './race-messages.ts';
import { SHIPPED, shippedFile } from './race-scenarios.ts';
import { analysisOf, scenarioInfo, shownOf } from './race-shown.ts';

const post = (message: RaceResponse): void => self.postMessage(message);

/**
 * The text a source stands for, and what was wrong with it; or, for a link
 * that failed (links/link-outcome.ts), the failure, and nothing to run. A
 * link is read as its model version shipped it (race-link.ts: an older
 * version's archived engine loads here, in the worker); a query without
 * state parameters opens the page's own example.
 */
async function resolve(source: RaceSource): Promise<{ text: string; problems: readonly string[] } | { failed: readonly string[]; text?: string }> {
  if ('scenario' in source) return { text: textOf(source.scenario, source.text), problems: [] };
  if ('text' in source) return { text: source.text, problems: [] };
  const shipped = SHIPPED.get(source.name);
  const named = { text: shipped ?? '', problems: shipped === undefined ? [`no shipped scenario '${source.name}'`] : [] };
  if (!('search' in source)) return named;
  const restored = await restoreRaceLink(source.search, SHIPPED);
  const outcome = linkOutcome(source.search, restored.problems, restored.text);
  if (outcome.kind === 'failed') return { failed: outcome.problems, ...(outcome.decoded === undefined ? {} : { text: outcome.decoded }) };
  return outcome.kind === 'state' ? { text: outcome.state, problems: [] } : named;
}

/** The reader's text of a scenario when it still reads as that scenario (a run may have been made before an edit), else the printed scenario. */
function textOf(scenario: Scenario, text: string | undefined): string {
  if (text !== undefined) {
    try {
      if (printScenario(parseScenario(text)) === printScenario(scenario)) return text;
    } catch {
      // Not parsable any more: the scenario as shown.
    }
  }
  return printScenario(scenario);
}

self.onmessage = async (event: MessageEvent<RaceRequest>) => {
  const { id, source, site, analyse } = event.data;
  try {
    const resolved = await resolve(source);
    if ('failed' in resolved) {
      post({ id, kind: 'link-failed', problems: resolved.failed, ...(resolved.text === undefined ? {} : { text: resolved.text }) });
      return;
    }
    const { text, problems } = resolved;
    const info = scenarioInfo(text, parseScenario(text, '<scenario>'), problems);
    post({ id, kind: 'scenario', ...info });
    // As the CLI names its input: the shipped file, or standard input for anything else.
    const file = info.name === undefined ? '<stdin>' : shippedFile(info.name);
    const check = checkScenario(text, { file, progressEvery: 2_000, onProgress: (progress) => post({ id, kind: 'progress', progress }) });
    if (analyse === undefined) {
      post({ id, kind: 'done', ...shownOf(check, site) });
      return;
    }
    // Ablation, then repair: each posts its progress once per variant.
    const progress = (phase: 'why' | 'fix') => (p: SearchProgress) => post({ id, kind: 'search-progress', phase, progress: p });
    const ablation = ablate(check, { onProgress: progress('why') });
    const fix = repair(check, analyse.maxOps, { onProgress: progress('fix') });
    post({ id, kind: 'done', ...shownOf(check, site), analysis: analysisOf(check, ablation, fix, site, text) });
  } catch (error) {
    // The widget's editor parses before it runs, so this is a bug or a refused type: say so in words, never a stack.
    const message = error instanceof ScenarioError ? error.message : `the race engine failed: ${error instanceof Error ? error.message : String(error)}`;
    post({ id, kind: 'error', message });
  }
};
