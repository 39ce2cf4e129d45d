/**
 * The widget's handle on its worker. Exploration is one synchronous loop in
 * the worker, so the only way to stop it is to terminate the worker: a new
 * run while one is going, or Cancel, does that and starts afresh next time.
 */
import type { RaceRequest, RaceResponse, RaceSource } from './race-messages.ts';
import { siteAddress } from '../shared/url-state.ts';

export interface RaceRunner {
  run(source: RaceSource, analyse?: RaceRequest['analyse']): void;
  /** Stops the current run, if any; true when there was one. */
  cancel(): boolean;
  dispose(): void;
}

export function raceRunner(onResponse: (response: RaceResponse) => void): RaceRunner {
  let worker: Worker | undefined;
  let running = false;
  let next = 0;

  const stop = (): void => {
    worker?.terminate();
    worker = undefined;
    running = false;
  };

  return {
    run(source, analyse) {
      if (running) stop();
      if (!worker) {
        worker = new Worker(new URL('./race-worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<RaceResponse>) => {
          // Only the latest run speaks; the id check drops anything older.
          if (event.data.id !== next) return;
          if (event.data.kind === 'done' || event.data.kind === 'error' || event.data.kind === 'link-failed') running = false;
          onResponse(event.data);
        };
        worker.onerror = () => {
          stop();
          onResponse({ id: next, kind: 'error', message: 'the race engine could not start in this browser' });
        };
      }
      next += 1;
      running = true;
      const request: RaceRequest = { id: next, source, site: siteAddress(), ...(analyse ? { analyse } : {}) };
      worker.postMessage(request);
    },
    cancel() {
      const was = running;
      if (was) stop();
      return was;
    },
    dispose: stop,
  };
}
