/**
 * One step of the model: the successor state and the step as a reader sees
 * it in a counterexample ("guest: store 0x8 enters the write buffer").
 */
import type { Actor, Lane, TraceStep } from '../types.ts';
import type { State } from './state.ts';

export interface Transition {
  readonly step: TraceStep;
  readonly next: State;
  /** A guest write reached the device (counted for the write-transaction range). */
  readonly delivers: boolean;
  /** It reached the device after the reset: the race the explorer looks for. */
  readonly violation: boolean;
}

export function transition(actor: Actor, lane: Lane, event: string, ref: string, next: State): Transition {
  return { step: { actor, lane, event, ref }, next, delivers: false, violation: false };
}
