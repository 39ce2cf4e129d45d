/**
 * Guards over whole queues, written out slot by slot as preprocessor
 * macros. A d_step is enabled only when its first statement is, so a guard
 * that looks at every slot of a buffer or path has to be one expression;
 * the queue sizes are known when the model is written, so each such guard
 * is expanded here.
 */
import type { Layout } from './layout.ts';

const all = (terms: readonly string[]): string => (terms.length === 0 ? '1' : terms.map((t) => `(${t})`).join(' && '));

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

function pathSlots(layout: Layout): string[] {
  return layout.pathSlots.flatMap((slots, p) => range(slots).map((k) => `path${p}[${k}]`));
}

function bufferSlots(layout: Layout): string[] {
  return layout.bufferSlots.flatMap((slots, b) => range(slots).map((k) => `buf${b}[${k}]`));
}

/** M-barrier-dsb: every write issued through buffer `b` is complete: none is buffered, none that completes only at its target is on a path. */
function writesComplete(layout: Layout, b: number): string {
  const onPaths = pathSlots(layout).map((w) => `${w}.kind == 0 || ${w}.kind == READ || ${w}.pe != ${b} || !COMPLETES_AT_TARGET(${w}.kind)`);
  return all([`len${b} == 0`, ...onPaths]);
}

/** M-unmap-dsb: every guest store is complete: none in a write buffer, none on a path unless stores complete early (a cached store is complete). */
function guestStoresComplete(layout: Layout): string {
  const buffered = bufferSlots(layout).map((w) => `${w}.kind != STORE`);
  const onPaths = pathSlots(layout).map((w) => `${w}.kind != STORE`);
  return all([...buffered, `!GUEST_AT_TARGET || (${all(onPaths)})`]);
}

/** Slot `i` of buffer `b` may leave: no earlier entry orders before it. */
function mayLeave(b: number, i: number): string {
  return all([`len${b} > ${i}`, ...range(i).map((k) => `!ORDERS_BEFORE(buf${b}[${k}], buf${b}[${i}])`)]);
}

/** Slot `i` of path `p` may arrive: it stays behind no earlier transaction. */
function mayArrive(p: number, i: number): string {
  return all([`plen${p} > ${i}`, ...range(i).map((k) => `!STAYS_BEHIND(path${p}[${i}], path${p}[${k}])`)]);
}

/** M-host-read: the read at `epoch` (Device-nGnRE, XS=1, to the device) is held back by no earlier write of its PE it must arrive after. */
function readMayIssue(layout: Layout, epoch: number): string {
  const b = layout.hostBuffer;
  return all(
    range(layout.bufferSlots[b] ?? 1).map((k) => {
      const w = `buf${b}[${k}]`;
      return `${w}.kind == 0 || !(${w}.epoch < ${epoch} || (NON_REORDERING(${w}.kind) && PERIPHERAL(${w}.kind) == 0 && XS_OF(${w}.kind) == 1))`;
    }),
  );
}

export const guardName = {
  writesComplete: (b: number) => `WRITES_COMPLETE_${b}`,
  guestStoresComplete: 'GUEST_STORES_COMPLETE',
  mayLeave: (b: number, i: number) => `MAY_LEAVE_${b}_${i}`,
  mayArrive: (p: number, i: number) => `MAY_ARRIVE_${p}_${i}`,
  readMayIssue: (epoch: number) => `READ_MAY_ISSUE_${epoch}`,
};

export function guards(layout: Layout): string {
  const out: string[] = ['/* M-barrier-dsb, M-ack-point: the completion a DSB waits for, per write buffer. */'];
  layout.bufferSlots.forEach((_, b) => out.push(`#define ${guardName.writesComplete(b)} (${writesComplete(layout, b)})`));
  out.push('/* M-unmap-dsb: every store that used the old translation is complete. */');
  out.push(`#define ${guardName.guestStoresComplete} (${guestStoresComplete(layout)})`);
  out.push('/* M-wb-drain-order, M-wb-reorder: which buffer slot may leave. */');
  layout.bufferSlots.forEach((slots, b) => range(slots).forEach((i) => out.push(`#define ${guardName.mayLeave(b, i)} (${mayLeave(b, i)})`)));
  out.push('/* Which path slot may arrive at its target (STAYS_BEHIND). */');
  layout.pathSlots.forEach((slots, p) => range(slots).forEach((i) => out.push(`#define ${guardName.mayArrive(p, i)} (${mayArrive(p, i)})`)));
  const readEpochs = [...new Set(layout.host.flatMap((op, pc) => (op.op === 'read' ? [layout.hostEpoch[pc] ?? 0] : [])))];
  if (readEpochs.length > 0) out.push('/* M-host-read: a read waits behind earlier writes of its PE it must arrive after. */');
  for (const epoch of readEpochs) out.push(`#define ${guardName.readMayIssue(epoch)} (${readMayIssue(layout, epoch)})`);
  return out.join('\n') + '\n';
}
