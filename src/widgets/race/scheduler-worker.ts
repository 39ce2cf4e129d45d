/**
 * The engine side of "Play the scheduler": checks the scenario once per
 * text (kept while the reader plays it), then answers each move with the
 * game after the reader's steps (src/engine/learn/scheduler.ts), and a
 * give-up on a SAFE scenario with the "why" analysis's headline.
 */
import { movesOfTrace, play } from '../../engine/learn/scheduler.ts';
import { checkScenario, ScenarioError, type RaceCheck } from '../../engine/race/index.ts';
import { ablate, whyOf } from '../../engine/race/explain/index.ts';
import type { SchedulerRequest, SchedulerResponse } from './scheduler-messages.ts';

const post = (message: SchedulerResponse): void => self.postMessage(message);

let checked: { text: string; check: RaceCheck; hint?: readonly string[] } | undefined;

function checkOf(text: string): NonNullable<typeof checked> {
  if (checked?.text !== text) {
    const check = checkScenario(text, { file: '<scenario>' });
    checked = { text, check, ...(check.result.verdict === 'unsafe' ? { hint: movesOfTrace(check.model, check.result.trace) } : {}) };
  }
  return checked;
}

self.onmessage = (event: MessageEvent<SchedulerRequest>) => {
  const request = event.data;
  try {
    const { check, hint } = checkOf(request.text);
    if (request.kind === 'why') {
      post({ id: request.id, kind: 'why', headline: whyOf(check, ablate(check)).headline ?? 'The engine has no verdict for this scenario.' });
      return;
    }
    const trace = check.result.verdict === 'unsafe' ? check.result.trace : [];
    let followed = 0;
    while (followed < request.refs.length && request.refs[followed] === trace[followed]?.ref) followed += 1;
    post({ id: request.id, kind: 'game', verdict: check.result.verdict, playing: play(check.model, request.refs), followed, ...(hint ? { hint } : {}) });
  } catch (error) {
    const message = error instanceof ScenarioError ? error.message : `the race engine failed: ${error instanceof Error ? error.message : String(error)}`;
    post({ id: request.id, kind: 'error', message });
  }
};
