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
import type { Allowed, ClassFilter, Model } from './model.ts';
import { evictionTransitions } from './cache.ts';
import { guestTransitions } from './guest.ts';
import { hostTransitions } from './host.ts';
import { arrivalTransitions } from './path.ts';
import type { State } from './state.ts';
import type { Transition } from './transition.ts';
import { mergeTransitions } from './write-buffer.ts';

export function successors(model: Model, s: State, symmetric = false, allowed?: Allowed): Transition[] {
  const twin = symmetric ? twinVcpus(model, s) : undefined;
  const skip = allowed ? new Set(model.vcpus.flatMap((_, k) => (twin?.has(k) || !allowed.vcpu(k) ? [k] : []))) : twin;
  const once = symmetric ? oncePerClass(model, twin) : () => true;
  const firstOfClass: ClassFilter = allowed ? (where, write, pe) => (pe === undefined || allowed.buffer(pe)) && once(where, write, pe) : once;
  return [
    ...guestTransitions(model, s, skip),
    ...(allowed && !allowed.host ? [] : hostTransitions(model, s)),
    ...mergeTransitions(model, s, firstOfClass),
    ...acceptTransitions(model, s, firstOfClass),
    ...evictionTransitions(model, s, allowed?.line),
    ...arrivalTransitions(model, s, once, allowed?.arrival),
  ];
}

/**
 * vCPUs whose steps need not be generated: vCPU k when an earlier vCPU j of
 * its group (identical programs) is in the identical local state: the same
 * program counter, the same buffer (up to store identities), and no write
 * of either on a path. Swapping j and k then maps the state to itself and
 * each step of k to the same step of j, so their successors are symmetric
 * images with one canonical key (state-key.ts): generating them would only
 * find states already found, at the same depth (M-reduce-symmetry).
 */
function twinVcpus(model: Model, s: State): ReadonlySet<number> | undefined {
  if (model.vcpuGroups.length === 0) return undefined;
  const onPath = new Set<number>();
  for (const path of s.paths) for (const t of path) onPath.add(t.pe);
  const local = (k: number): string | undefined =>
    onPath.has(k) ? undefined : `${s.pcs[k] ?? 0}:${(s.buffers[k] ?? []).map((e) => `${e.kind}${e.epoch}.${e.region}`).join(' ')}`;
  const twins = new Set<number>();
  for (const group of model.vcpuGroups) {
    const seen = new Set<string>();
    for (const k of group) {
      const text = local(k);
      if (text === undefined) continue;
      if (seen.has(text)) twins.add(k);
      else seen.add(text);
    }
  }
  return twins.size > 0 ? twins : undefined;
}

function oncePerClass(model: Model, twins: ReadonlySet<number> | undefined): ClassFilter {
  const seen = new Set<string>();
  return (where, write, pe) => {
    if (pe !== undefined && twins?.has(pe)) return false;
    if (write.kind !== 'store' || !model.guestType.behaviour.reorder) return true;
    const key = `${where}:${write.epoch}:${write.region ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
