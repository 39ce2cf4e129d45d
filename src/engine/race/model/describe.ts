/**
 * How the model's writes are named in counterexample steps: by the offsets
 * the scenario wrote, so a step reads on its own.
 */
import { hex } from '../language/printer.ts';
import { vcpuActor, type ResetMethod } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import type { Model } from './model.ts';

/** The store numbers set in `ids`, lowest first. */
export function storeNumbers(ids: number): number[] {
  const numbers: number[] = [];
  for (let i = 0; ids >>> i !== 0; i += 1) if ((ids >>> i) & 1) numbers.push(i);
  return numbers;
}

/**
 * `store 0x8`, or `stores 0x0+0x8 (one write)` for a merged group; with
 * several vCPUs prefixed by the vCPU that issued them (`guest1 store 0x8`;
 * a dirty line may hold stores of several).
 */
export function storesText(model: Model, ids: number): string {
  const numbers = storeNumbers(ids);
  const offsets = numbers.map((i) => hex(model.storeOffsets[i] ?? 0));
  const text = offsets.length === 1 ? `store ${offsets[0]}` : `stores ${offsets.join('+')} (one write)`;
  if (model.vcpus.length === 1) return text;
  const owners = [...new Set(numbers.map((i) => vcpuActor(model.storeVcpu[i] ?? 0)))];
  return `${owners.join('+')} ${text}`;
}

export function hostWriteText(method: ResetMethod): string {
  return RESET_METHODS[method].write;
}
