/**
 * Runs the race explorer off the main thread, so a large scenario never
 * freezes the page: the widget posts scenario text, the worker posts
 * progress and then the checked result with the counterexample replayed
 * frame by frame. Cancelling is the widget terminating this worker.
 */
import { checkScenario, replay, ScenarioError } from '../engine/race/index.ts';
import type { RaceRequest, RaceResponse } from './race-messages.ts';

const post = (message: RaceResponse): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<RaceRequest>) => {
  const { id, text, file } = event.data;
  try {
    const check = checkScenario(text, { file, progressEvery: 2_000, onProgress: (progress) => post({ id, kind: 'progress', progress }) });
    post({ id, kind: 'done', check, frames: replay(check.model, check.result.trace) });
  } catch (error) {
    // The widget parses before it runs, so this is a bug or a refused type: say so in words, never a stack.
    const message = error instanceof ScenarioError ? error.message : `the race engine failed: ${error instanceof Error ? error.message : String(error)}`;
    post({ id, kind: 'error', message });
  }
};
