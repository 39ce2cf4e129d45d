/**
 * An exercise's handle on its worker, started on the first request. One
 * request at a time is outstanding (the exercise disables its buttons
 * meanwhile); its answer resolves the promise, or rejects it in words.
 */
import type { LearnRequest, LearnResponse } from './learn-messages.ts';

type Without<R> = R extends unknown ? Omit<R, 'id'> : never;

export interface LearnRunner {
  ask(request: Without<LearnRequest>): Promise<Exclude<LearnResponse, { kind: 'error' }>>;
  dispose(): void;
}

export function learnRunner(): LearnRunner {
  let worker: Worker | undefined;
  let next = 0;
  let waiting: { resolve: (r: Exclude<LearnResponse, { kind: 'error' }>) => void; reject: (e: Error) => void } | undefined;
  return {
    ask(request) {
      if (!worker) {
        worker = new Worker(new URL('./learn-worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<LearnResponse>) => {
          const response = event.data;
          if (response.id !== next || !waiting) return;
          const { resolve, reject } = waiting;
          waiting = undefined;
          if (response.kind === 'error') reject(new Error(response.message));
          else resolve(response);
        };
        worker.onerror = () => {
          worker?.terminate();
          worker = undefined;
          waiting?.reject(new Error('the exercise engine could not start in this browser'));
          waiting = undefined;
        };
      }
      next += 1;
      const sent = { ...request, id: next } as LearnRequest;
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        worker!.postMessage(sent);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      waiting = undefined;
    },
  };
}
