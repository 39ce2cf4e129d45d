/**
 * The passthrough device: the endpoint of the guest's writes, of the host's
 * reads, and of the resets that reach it directly (FLR, reset register).
 * The property lives here: a guest write (a store or a cache line's
 * write-back) that arrives after the device was reset lands on the device's
 * next owner (M-property, M-cache-property: UNSAFE; step.ts `violates`).
 */
import type { Draft } from './draft.ts';
import type { ArrivalStep } from './step.ts';

/** Transaction `index` of path `path` reaches the device. */
export function receive(next: Draft, step: ArrivalStep): void {
  next.dropTxn(step.path, step.index);
  switch (step.kind) {
    case 'receive':
      return;
    case 'answer':
      // M-host-read: the read's completion returns to the host, which was waiting for it.
      next.hostPc += 1;
      next.hostPhase = 0;
      return;
    case 'reset':
      next.reset = true;
      return;
  }
}
