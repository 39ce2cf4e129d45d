/**
 * The messages between "Play the scheduler" (PlayScheduler.svelte) and its
 * worker (scheduler-worker.ts). The page holds only the scenario text and
 * the steps the reader took; the worker builds the model, checks the
 * scenario once (for the verdict and the shortest counterexample), and
 * answers each request with the game after those steps.
 */
import type { Playing } from '../../engine/learn/scheduler.ts';
import type { RaceVerdict } from '../../engine/race/index.ts';

export type SchedulerRequest =
  | { readonly id: number; readonly kind: 'play'; readonly text: string; readonly refs: readonly string[] }
  /** Why no order of steps can win a SAFE scenario: the "why" analysis's headline. */
  | { readonly id: number; readonly kind: 'why'; readonly text: string };

export type SchedulerResponse =
  | {
      readonly id: number;
      readonly kind: 'game';
      readonly verdict: RaceVerdict;
      readonly playing: Playing;
      /** The engine's shortest counterexample, each step named as its button is, when the verdict is UNSAFE. */
      readonly hint?: readonly string[];
      /** How many of the reader's first steps are the counterexample's. */
      readonly followed: number;
    }
  | { readonly id: number; readonly kind: 'why'; readonly headline: string }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
