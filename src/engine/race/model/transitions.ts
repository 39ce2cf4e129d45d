/**
 * All the steps the model can take from a state, one rule per kind, each in
 * the module of the component it belongs to.
 */
import { acceptTransitions } from './ack-point.ts';
import type { Model } from './build.ts';
import { guestTransitions } from './guest.ts';
import { hostTransitions } from './host.ts';
import { arrivalTransitions } from './path.ts';
import type { State } from './state.ts';
import type { Transition } from './transition.ts';
import { mergeTransitions } from './write-buffer.ts';

export function successors(model: Model, s: State): Transition[] {
  return [
    ...guestTransitions(model, s),
    ...hostTransitions(model, s),
    ...mergeTransitions(model, s),
    ...acceptTransitions(model, s),
    ...arrivalTransitions(model, s),
  ];
}
