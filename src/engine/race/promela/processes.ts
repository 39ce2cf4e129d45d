/**
 * The processes of an exported model, one per component: the guest vCPU,
 * the host CPU, each PE's write buffer, and the two paths from the
 * acknowledgement point (to the device; to the reset controller or over
 * the config path). Every transition is one `d_step` whose first statement
 * is its guard, so each step of our explorer is exactly one SPIN
 * transition and no process ever stops between two.
 */
import { guestOpText, hex, hostOpText } from '../printer.ts';
import { guardName } from './guards.ts';
import { sidePath, type Layout } from './layout.ts';
import { RULE } from './rules.ts';

interface Step {
  readonly comment: string;
  readonly guard: string;
  readonly body: string;
}

function proctype(name: string, comment: string, steps: readonly Step[]): string {
  if (steps.length === 0) return '';
  const options = steps.map((s) => `  /* ${s.comment} */\n  :: d_step { ${s.guard} ->\n       ${s.body} }`);
  return `/* ${comment} */\nactive proctype ${name}() {\nend:\n  do\n${options.join('\n')}\n  od\n}\n`;
}

/** Code that keeps queue `q` in canonical order, when its stores are interchangeable there (see Reductions). */
function canonical(q: string, sorted: boolean): string {
  return sorted ? `; sort_${q}()` : '';
}

export interface Canon {
  readonly buffers: boolean;
  readonly paths: boolean;
}

function guestProcess(layout: Layout, keepIds: boolean, canon: Canon): string {
  const b = layout.guestBuffer;
  const steps: Step[] = [];
  layout.guest.forEach((op, pc) => {
    const at = `gpc == ${pc}`;
    const next = `gpc = ${pc + 1}`;
    const epoch = layout.guestEpoch[pc] ?? 0;
    const store = layout.stores[pc];
    if (op.op === 'store' && store) {
      const ids = keepIds ? 1 << store.number : 0;
      steps.push({
        comment: `${RULE.guestStore}: ${guestOpText(op)} enters the write buffer (epoch ${epoch}, line ${store.line})`,
        guard: `${at} && !unmapped`,
        body: `append_buf${b}(STORE, ${b}, ${epoch}, ${store.line}, ${ids})${canonical(`buf${b}`, canon.buffers)}; ${next}`,
      });
      steps.push({ comment: `${RULE.guestFault}: ${guestOpText(op)} faults at stage 2 and is dropped`, guard: `${at} && unmapped`, body: next });
    } else if (op.op === 'dmb') {
      steps.push({ comment: `${RULE.guestDmb}: dmb (later stores get a new epoch)`, guard: at, body: next });
    } else if (op.op === 'dsb') {
      steps.push({ comment: `${RULE.guestDsb}: dsb waits for the vCPU's earlier writes`, guard: `${at} && ${guardName.writesComplete(b)}`, body: next });
    }
  });
  return proctype('guest', 'The guest vCPU running its program; it may keep storing until the unmap takes effect.', steps);
}

function hostProcess(layout: Layout): string {
  const b = layout.hostBuffer;
  const steps: Step[] = [];
  layout.host.forEach((op, pc) => {
    const at = `HOST_MAY_RUN && hpc == ${pc}`;
    const next = `hpc = ${pc + 1}; hphase = 0`;
    const epoch = layout.hostEpoch[pc] ?? 0;
    switch (op.op) {
      case 'unmap-s2':
        steps.push({ comment: `${RULE.unmapTlbi}: unmap-s2, the TLBI takes effect`, guard: `${at} && !hphase`, body: 'unmapped = 1; hphase = 1' });
        steps.push({
          comment: `${RULE.unmapDsb}: unmap-s2, its DSB completes`,
          guard: `${at} && hphase && ${guardName.guestStoresComplete} && ${guardName.writesComplete(b)}`,
          body: next,
        });
        return;
      case 'dsb':
        steps.push({ comment: `${RULE.hostDsb}: dsb waits for its PE's earlier writes`, guard: `${at} && ${guardName.writesComplete(b)}`, body: next });
        return;
      case 'read':
        steps.push({
          comment: `${RULE.hostRead}: read ${hex(op.offset)} goes to the device; the host waits for the data`,
          guard: `${at} && !hphase && ${guardName.readMayIssue(epoch)}`,
          body: `hphase = 1; append_path0(READ, ${b}, ${epoch}, 0, ${pc})`,
        });
        return;
      case 'reset': {
        const kind = op.method.toUpperCase();
        steps.push({
          comment: `${RULE.hostReset}: ${hostOpText(op)} enters the host's write buffer; the host does not wait for it`,
          guard: at,
          body: `append_buf${b}(${kind}, ${b}, ${epoch}, 0, ${pc}); ${next}`,
        });
      }
    }
  });
  return proctype('host', 'The host CPU tearing the device down for its next owner.', steps);
}

function bufferProcess(layout: Layout, b: number, canon: Canon): string {
  const slots = layout.bufferSlots[b] ?? 1;
  const steps: Step[] = [];
  if (layout.guestType.gathering) {
    for (let i = 0; i < slots; i += 1) {
      for (let j = i + 1; j < slots; j += 1) {
        const [x, y] = [`buf${b}[${i}]`, `buf${b}[${j}]`];
        steps.push({
          comment: `${RULE.gather}: slots ${i} and ${j} merge into one write`,
          guard: `len${b} > ${j} && ${x}.kind == STORE && ${y}.kind == STORE && ${x}.line == ${y}.line && ${x}.epoch == ${y}.epoch`,
          body: `${x}.ids = ${x}.ids | ${y}.ids; remove_buf${b}(${j})${canonical(`buf${b}`, canon.buffers)}`,
        });
      }
    }
  }
  const side = (w: string): string => (layout.knobs['config-order'] ? `${w}.kind == CTRL` : `${w}.kind == CTRL || ${w}.kind == FLR`);
  for (let i = 0; i < slots; i += 1) {
    const w = `buf${b}[${i}]`;
    steps.push({
      comment: `${RULE.ackPoint}, ${RULE.route}: slot ${i} reaches the acknowledgement point and enters its path (no line: only merging reads it)`,
      guard: guardName.mayLeave(b, i),
      body:
        `if :: ${side(w)} -> append_path1(${w}.kind, ${w}.pe, ${w}.epoch, 0, ${w}.ids)\n` +
        `          :: else -> append_path0(${w}.kind, ${w}.pe, ${w}.epoch, 0, ${w}.ids)${canonical('path0', canon.paths)} fi;\n` +
        `       remove_buf${b}(${i})${canonical(`buf${b}`, canon.buffers)}`,
    });
  }
  return proctype(`write_buffer${b}`, `${RULE.bufferOrder}, ${RULE.gather}: the write buffer of PE${b}.`, steps);
}

/** What happens when slot `i` of a path arrives: the property is the assertion. */
function arrival(p: number, i: number, sorted: boolean): string {
  const w = `path${p}[${i}]`;
  return (
    `if\n` +
    `       :: ${w}.kind == STORE -> assert(!reset)   /* ${RULE.property}: a guest write after the reset */\n` +
    `       :: ${w}.kind == READ -> hpc++; hphase = 0   /* ${RULE.hostRead}: the data returns */\n` +
    `       :: else -> reset = 1   /* ${p === 0 ? RULE.deviceReset : RULE.resetController}: the reset takes effect */\n` +
    `       fi;\n` +
    `       remove_path${p}(${i})${canonical(`path${p}`, sorted)}`
  );
}

function pathProcess(layout: Layout, p: number, canon: Canon): string {
  const slots = layout.pathSlots[p] ?? 1;
  const used = p === 0 || layout.host.some((op) => op.op === 'reset' && sidePath(op.method, layout.knobs));
  if (!used) return '';
  const steps = Array.from({ length: slots }, (_, i) => ({
    comment: `${RULE.pathOrder}: slot ${i} arrives at its target`,
    guard: guardName.mayArrive(p, i),
    body: arrival(p, i, p === 0 && canon.paths),
  }));
  const what = p === 0 ? 'The path from the acknowledgement point to the device, and the device.' : layout.scenario.platform === 'soc'
    ? "The reset controller's own path; nothing orders it with the device's."
    : "The root complex's config path, bypassing the BAR path (config-order=no).";
  return proctype(p === 0 ? 'device_path' : 'side_path', `${RULE.route}: ${what}`, steps);
}

export function processes(layout: Layout, keepIds: boolean, canon: Canon): string {
  return [
    guestProcess(layout, keepIds, canon),
    hostProcess(layout),
    ...layout.bufferSlots.map((_, b) => bufferProcess(layout, b, canon)),
    pathProcess(layout, 0, canon),
    pathProcess(layout, 1, canon),
  ]
    .filter((text) => text !== '')
    .join('\n');
}
