/**
 * Guards over whole queues, written out slot by slot as preprocessor
 * macros. A d_step is enabled only when its first statement is, so a guard
 * that looks at every slot of a buffer or path has to be one expression;
 * the queue sizes are known when the model is written, so each such guard
 * is expanded here.
 */
import type { Layout } from './layout.ts';
import { RULE } from './rules.ts';

const all = (terms: readonly string[]): string => (terms.length === 0 ? '1' : terms.map((t) => `(${t})`).join(' && '));

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

function pathSlots(layout: Layout): { q: string; k: number }[] {
  return layout.pathSlots.flatMap((slots, p) => range(slots).map((k) => ({ q: `path${p}`, k })));
}

/** Every write issued through buffer `b` is complete: none is buffered, none that completes only at its target is on a path. */
function writesComplete(layout: Layout, b: number): string {
  const onPaths = pathSlots(layout).map(({ q, k }) => {
    const w = `${q}[${k}]`;
    return `${w}.kind == 0 || ${w}.kind == READ || ${w}.pe != ${b} || !COMPLETES_AT_TARGET(${w}.kind)`;
  });
  return all([`len${b} == 0`, ...onPaths]);
}

/** Every guest store is complete: none in the guest's buffer, and none on a path unless stores complete early. */
function guestStoresComplete(layout: Layout): string {
  const g = layout.guestBuffer;
  const buffered = range(layout.bufferSlots[g] ?? 1).map((k) => `buf${g}[${k}].kind != STORE`);
  const onPaths = pathSlots(layout).map(({ q, k }) => `${q}[${k}].kind != STORE`);
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

/** The host's read at `epoch` is held back by no earlier write of its PE that must arrive first. */
function readMayIssue(layout: Layout, epoch: number): string {
  const b = layout.hostBuffer;
  return all(
    range(layout.bufferSlots[b] ?? 1).map((k) => {
      const w = `buf${b}[${k}]`;
      return `${w}.kind == 0 || !(${w}.epoch < ${epoch} || (NON_REORDERING(${w}.kind) && PERIPHERAL(${w}.kind) == 0))`;
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
  const out: string[] = [`/* ${RULE.complete}: the completion a DSB waits for, per write buffer. */`];
  layout.bufferSlots.forEach((_, b) => out.push(`#define ${guardName.writesComplete(b)} (${writesComplete(layout, b)})`));
  out.push(`/* ${RULE.unmapDsb}: every store that used the old translation is complete. */`);
  out.push(`#define ${guardName.guestStoresComplete} (${guestStoresComplete(layout)})`);
  out.push(`/* ${RULE.bufferOrder}: which buffer slot may leave for the acknowledgement point. */`);
  layout.bufferSlots.forEach((slots, b) => range(slots).forEach((i) => out.push(`#define ${guardName.mayLeave(b, i)} (${mayLeave(b, i)})`)));
  out.push(`/* ${RULE.pathOrder}, ${RULE.nonPosted}: which path slot may arrive at its target. */`);
  layout.pathSlots.forEach((slots, p) => range(slots).forEach((i) => out.push(`#define ${guardName.mayArrive(p, i)} (${mayArrive(p, i)})`)));
  const readEpochs = [...new Set(layout.host.flatMap((op, pc) => (op.op === 'read' ? [layout.hostEpoch[pc] ?? 0] : [])))];
  if (readEpochs.length > 0) out.push(`/* ${RULE.hostRead}: a read waits in program order behind earlier writes it must arrive after. */`);
  for (const epoch of readEpochs) out.push(`#define ${guardName.readMayIssue(epoch)} (${readMayIssue(layout, epoch)})`);
  return out.join('\n') + '\n';
}
