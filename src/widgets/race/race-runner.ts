/**
 * The widget's handle on its worker. Exploration is one synchronous loop in
 * the worker, so the only way to stop it is to terminate the worker: a new
 * run while one is going, or Cancel, does that and starts afresh next time.
 * With `spare`, a second worker is kept loaded and idle, so a run that
 * interrupts another (each keystroke into a large scenario does) starts in
 * a worker whose modules are already loaded, rather than waiting for a new
 * one to load them.
 */
import type { RaceRequest, RaceResponse, RaceSource } from './race-messages.ts';
import { siteAddress } from '../shared/url-state.ts';

export interface RaceRunner {
  run(source: RaceSource, analyse?: RaceRequest['analyse']): void;
  /** Stops the current run, if any; true when there was one. */
  cancel(): boolean;
  dispose(): void;
}

export function raceRunner(onResponse: (response: RaceResponse) => void, options: { spare?: boolean } = {}): RaceRunner {
  let worker: Worker | undefined;
  let spare: Worker | undefined;
  let running = false;
  let next = 0;

  const stop = (): void => {
    worker?.terminate();
    worker = undefined;
    running = false;
  };

  const spawn = (): Worker => {
    const started = new Worker(new URL('./race-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<RaceResponse>) => {
      // Only the latest run speaks; the id check drops anything older.
      if (started !== worker || event.data.id !== next) return;
      if (event.data.kind === 'done' || event.data.kind === 'error' || event.data.kind === 'link-failed') {
        running = false;
        if (options.spare) spare ??= spawn();
      }
      onResponse(event.data);
    };
    started.onerror = () => {
      // A spare that could not start is dropped; the running worker's failure is the run's.
      if (started !== worker) {
        if (started === spare) spare = undefined;
        started.terminate();
        return;
      }
      stop();
      onResponse({ id: next, kind: 'error', message: 'the race engine could not start in this browser' });
    };
    return started;
  };

  return {
    run(source, analyse) {
      if (running) stop();
      if (!worker) {
        worker = spare ?? spawn();
        // The spare runs this one: load another for the next interruption.
        if (spare) spare = spawn();
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
    dispose() {
      stop();
      spare?.terminate();
      spare = undefined;
    },
  };
}
