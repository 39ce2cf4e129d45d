/**
 * The processes of the agents (M-agents): one per guest vCPU, running its
 * program until the unmap makes its stores fault, and the host CPU tearing
 * the device down.
 */
import { guardName } from './guards.ts';
import { LINE_BYTES, type Layout, type Vcpu } from './layout.ts';
import { allLines, proctype, sorted, writeBack, type Encoding, type Step } from './proctype.ts';
import type { HostOp } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';

const hex = (n: number): string => `0x${n.toString(16)}`;

function vcpuProcess(vcpu: Vcpu, k: number, encoding: Encoding): string {
  const steps: Step[] = [];
  vcpu.ops.forEach((op, pc) => {
    const at = `pc${k} == ${pc}${encoding.forgetPcs ? ' && !unmapped' : ''}`;
    const next = `pc${k} = ${pc + 1}`;
    const epoch = vcpu.epoch[pc] ?? 0;
    const store = vcpu.stores[pc];
    if (op.op === 'store' && store) {
      const ids = encoding.keepIds ? 1 << store.number : 0;
      steps.push({
        comment: `M-guest-malicious, M-wb-linger: store ${hex(op.offset)} enters the write buffer (epoch ${epoch}, line ${store.line})`,
        guard: encoding.forgetPcs ? at : `${at} && !unmapped`,
        body: `append_buf${k}(STORE, ${k}, ${epoch}, ${store.line}, ${ids})${sorted(`buf${k}`, encoding.sortBuffers)}; ${next}`,
      });
      if (!encoding.forgetPcs) steps.push({ comment: `M-fault-drop: store ${hex(op.offset)} faults at stage 2 and is dropped`, guard: `${at} && unmapped`, body: next });
    } else if (op.op === 'dmb') {
      steps.push({ comment: 'M-barrier-dmb: dmb (later accesses get a new epoch)', guard: at, body: next });
    } else if (op.op === 'dsb') {
      steps.push({ comment: "M-barrier-dsb: dsb waits for this vCPU's earlier writes", guard: `${at} && ${guardName.writesComplete(k)}`, body: next });
    }
  });
  return proctype(`vcpu${k}`, `M-agents: vCPU ${k} (${vcpu.name}) running its program.`, steps);
}


/** The cache lines `dc civac` selects: every line, or the one holding the offset (if the guest wrote it). */
function civacLines(layout: Layout, target: number | 'all'): number[] {
  if (target === 'all') return allLines(layout);
  const l = layout.lines.indexOf(Math.floor(target / LINE_BYTES));
  return l < 0 ? [] : [l];
}

function hostSteps(layout: Layout, op: HostOp, pc: number, encoding: Encoding): Step[] {
  const b = layout.hostBuffer;
  const at = `HOST_MAY_RUN && hpc == ${pc}`;
  const next = `hpc = ${pc + 1}; hphase = 0`;
  const epoch = layout.hostEpoch[pc] ?? 0;
  const cleans = layout.guestType.cacheable && layout.knobs['unmap-cleans'];
  switch (op.op) {
    case 'unmap-s2':
      return [
        encoding.forgetPcs
          ? {
              comment: "M-unmap-tlbi: unmap-s2, the TLBI takes effect on every vCPU; the vCPUs' later ops write nothing (M-fault-drop), so they stop here",
              guard: `${at} && hphase == 0`,
              body: `unmapped = 1; hphase = 1; ${layout.vcpus.map((_, k) => `pc${k} = 0`).join('; ')}`,
            }
          : { comment: 'M-unmap-tlbi: unmap-s2, the TLBI takes effect on every vCPU', guard: `${at} && hphase == 0`, body: 'unmapped = 1; hphase = 1' },
        {
          comment: cleans ? 'M-unmap-dsb, M-unmap-cleans: its DSB completes; the unmap cleans every dirty line' : 'M-unmap-dsb: unmap-s2, its DSB completes',
          guard: `${at} && hphase == 1 && ${guardName.guestStoresComplete} && ${guardName.writesComplete(b)}`,
          body: cleans ? [writeBack(allLines(layout), String(b), epoch, encoding), 'hphase = 2'].filter((s) => s !== '').join(';\n       ') : next,
        },
        ...(cleans
          ? [{ comment: "M-unmap-cleans: the clean's DSB waits for its write-backs", guard: `${at} && hphase == 2 && ${guardName.writesComplete(b)}`, body: next }]
          : []),
      ];
    case 'dsb':
      return [{ comment: "M-host-dsb: dsb waits for its PE's earlier writes", guard: `${at} && ${guardName.writesComplete(b)}`, body: next }];
    case 'read':
      return [
        {
          comment: `M-host-read: read ${hex(op.offset)} goes to the device; the host waits for the data`,
          guard: `${at} && hphase == 0 && ${guardName.readMayIssue(epoch)}`,
          body: `hphase = 1; append_path0(READ, ${b}, ${epoch}, 0, ${pc})`,
        },
      ];
    case 'dc-civac': {
      const lines = civacLines(layout, op.offset);
      const what = op.offset === 'all' ? 'all' : hex(op.offset);
      const clean = layout.guestType.cacheable && lines.length > 0 ? `${writeBack(lines, String(b), epoch, encoding)}; ` : '';
      return [{ comment: `M-cache-dc-civac: dc civac ${what} writes back what is dirty, as the host PE's writes`, guard: at, body: `${clean}${next}` }];
    }
    case 'reset':
      return [
        {
          comment: `${RESET_METHODS[op.method].rule}${RESET_METHODS[op.method].writel ? ', M-writel' : ''}: reset ${op.method} enters the host's write buffer; the host does not wait for it`,
          guard: at,
          body: `append_buf${b}(${op.method.toUpperCase()}, ${b}, ${epoch}, 0, ${pc}); ${next}`,
        },
      ];
  }
}

export function agentProcesses(layout: Layout, encoding: Encoding): string[] {
  const host = layout.host.flatMap((op, pc) => hostSteps(layout, op, pc, encoding));
  return [
    ...layout.vcpus.map((vcpu, k) => vcpuProcess(vcpu, k, encoding)),
    proctype('host', 'The host CPU tearing the device down for its next owner.', host),
  ];
}
