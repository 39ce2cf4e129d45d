/**
 * All the steps the model can take from a state, one rule per kind, each in
 * the module of the component it belongs to.
 *
 * With `symmetric`, steps that differ only in which interchangeable guest
 * stores they move (same write buffer or path, line and epoch, under a
 * type that may reorder) are generated once: their successors have the same
 * symmetry-reduced key (state-key.ts), so the explorer would merge them anyway.
 */
import { acceptTransitions } from './ack-point.ts';
import type { Model } from './build.ts';
import { evictionTransitions } from './cache.ts';
import { guestTransitions } from './guest.ts';
import { hostTransitions } from './host.ts';
import { arrivalTransitions } from './path.ts';
import type { State } from './state.ts';
import type { Transition } from './transition.ts';
import { mergeTransitions } from './write-buffer.ts';

export function successors(model: Model, s: State, symmetric = false): Transition[] {
  const firstOfClass = symmetric ? oncePerClass(model) : () => true;
  return [
    ...guestTransitions(model, s),
    ...hostTransitions(model, s),
    ...mergeTransitions(model, s, firstOfClass),
    ...acceptTransitions(model, s, firstOfClass),
    ...evictionTransitions(model, s),
    ...arrivalTransitions(model, s, firstOfClass),
  ];
}

/** Whether a guest write of this class has not been moved yet in this successor set. */
export type ClassFilter = (where: string, write: { readonly kind: string; readonly epoch: number; readonly region?: number }) => boolean;

function oncePerClass(model: Model): ClassFilter {
  const seen = new Set<string>();
  return (where, write) => {
    if (write.kind !== 'store' || !model.guestType.behaviour.reorder) return true;
    const key = `${where}:${write.epoch}:${write.region ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
