/** The messages between the race widget and its worker (race-worker.ts). */
import type { ExploreProgress, RaceCheck, ReplayFrame } from '../engine/race/index.ts';

export interface RaceRequest {
  /** Identifies the run, so a late message from an older run is ignored. */
  readonly id: number;
  readonly text: string;
  /** Names the scenario in the result as the CLI would (`scenarios/x.race` or `<stdin>`). */
  readonly file: string;
}

export type RaceResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ExploreProgress }
  | { readonly id: number; readonly kind: 'done'; readonly check: RaceCheck; readonly frames: readonly ReplayFrame[] }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
