/**
 * The words of the model: a step as a reader sees it in a counterexample
 * ("guest: store 0x8 enters the write buffer"), with the rule it applies
 * and a reference for replay, and the writes as the state views name them.
 * Writes are named by the offsets the scenario wrote, so a step reads on
 * its own. Only what is shown is put into words: the explorer works on
 * the steps as data (step.ts).
 */
import { hex } from '../language/printer.ts';
import { vcpuActor, vcpuLane, type Actor, type Lane, type ResetMethod, type TraceStep } from '../types.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { completionOf } from './ack-point.ts';
import { opOf, unmapCleans } from './host.ts';
import { MERGE_GRANULE, type Model, type StoreSet } from './model.ts';
import type { TxnKind } from './state.ts';
import type { ArrivalStep, HostStep, LeaveStep, Step, VcpuStep } from './step.ts';

/** The store numbers in `stores`, lowest first. */
function storeNumbers(stores: StoreSet): number[] {
  const numbers: number[] = [];
  for (let i = 0; stores >> BigInt(i) !== 0n; i += 1) if ((stores >> BigInt(i)) & 1n) numbers.push(i);
  return numbers;
}

/**
 * `store 0x8`, or `stores 0x0+0x8 (one write)` for a merged group; with
 * several vCPUs prefixed by the vCPU that issued them (`guest1 store 0x8`;
 * a dirty line may hold stores of several).
 */
export function storesText(model: Model, stores: StoreSet): string {
  const numbers = storeNumbers(stores);
  const offsets = numbers.map((i) => hex(model.storeOffsets[i] ?? 0));
  const text = offsets.length === 1 ? `store ${offsets[0]}` : `stores ${offsets.join('+')} (one write)`;
  if (model.vcpus.length === 1) return text;
  const owners = [...new Set(numbers.map((i) => vcpuActor(model.storeVcpu[i] ?? 0)))];
  return `${owners.join('+')} ${text}`;
}

function hostWriteText(method: ResetMethod): string {
  return RESET_METHODS[method].write;
}

export function lineText(model: Model, line: number): string {
  return `line ${hex((model.lines[line] ?? 0) * MERGE_GRANULE)}`;
}

/** A write in a buffer or on a path, for state views. */
export function writeText(model: Model, write: { readonly kind: TxnKind; readonly stores: StoreSet }): string {
  if (write.kind === 'store') return storesText(model, write.stores);
  if (write.kind === 'writeback') return `write-back of ${storesText(model, write.stores)}`;
  if (write.kind === 'read') return 'host read';
  return hostWriteText(write.kind);
}

/** Who owns write buffer `pe` in a trace: a vCPU (vCPU 0 also with same-pe) or the host. */
export function bufferOwner(model: Model, pe: number): { readonly actor: Actor; readonly lane: Lane } {
  return pe < model.vcpus.length ? { actor: vcpuActor(pe), lane: vcpuLane(pe) } : { actor: 'host', lane: 'host-pe' };
}

type Words = Omit<TraceStep, 'kind'>;

function vcpuWords(model: Model, step: VcpuStep): Words {
  const op = model.vcpus[step.vcpu]?.ops[step.pc];
  const offset = hex(op?.op === 'store' ? op.offset : 0);
  const event = {
    store: `store ${offset} enters the write buffer`,
    fault: `store ${offset} faults at stage 2 (unmapped) and is dropped`,
    dmb: 'dmb: later stores stay behind earlier ones',
    dsb: 'dsb completes: its earlier stores are complete',
  }[step.kind];
  const rule = { store: 'M-agents', fault: 'M-fault-drop', dmb: 'M-barrier-dmb', dsb: 'M-barrier-dsb' }[step.kind];
  const actor = vcpuActor(step.vcpu);
  return { actor, lane: vcpuLane(step.vcpu), event, rule, ref: `${actor}:${step.pc}:${step.kind}` };
}

const TLBI_DSB = 'DSB after the TLBI completes: every store that used the old translation is complete';

function hostWords(model: Model, step: HostStep): Words {
  const words = (ref: string, rule: string, event: string): Words => ({ actor: 'host', lane: 'host-pe', event, rule, ref: `host:${step.op}:${ref}` });
  switch (step.kind) {
    case 'tlbi':
      return words('tlbi', 'M-unmap-tlbi', "unmap-s2: TLBI of the guest's IPA range takes effect; later guest stores fault");
    case 'tlbi-dsb':
      return words('tlbi-dsb', 'M-unmap-dsb', unmapCleans(model) ? `${TLBI_DSB}; the unmap cleans and invalidates every line of the range to the PoC` : TLBI_DSB);
    case 'clean-dsb':
      return words('clean-dsb', 'M-unmap-cleans', "DSB after the unmap's clean completes: its write-backs are complete");
    case 'host-dsb':
      return words('dsb', 'M-host-dsb', model.knobs['same-pe'] ? "dsb completes: the PE's earlier writes, vCPU 0's included, are complete" : 'dsb completes');
    case 'dc-civac': {
      const { offset } = opOf(model, step, 'dc-civac');
      const what = offset === 'all' ? 'every line of the mapping' : `the line holding ${hex(offset)}`;
      return words('dc', 'M-cache-dc-civac', `dc civac: cleans and invalidates ${what}; dirty data is written back`);
    }
    case 'read':
      return words('read', 'M-host-read', `reads ${hex(opOf(model, step, 'read').offset)} from the device and waits for the data`);
    case 'issue-reset': {
      const { method } = opOf(model, step, 'reset');
      const how = RESET_METHODS[method].writel ? 'writel(): DMB OSHST, then ' : '';
      return words('reset', RESET_METHODS[method].rule, `${how}issues the ${hostWriteText(method)}`);
    }
  }
}

/** A write leaving its buffer: acknowledged at the acknowledgement point (or passing it), or into the cache. */
function leaveWords(model: Model, step: LeaveStep): Words {
  const { kind, stores, op, region } = step.entry;
  if (step.kind === 'into-cache') {
    const event = `${storesText(model, stores)} written into the cache (${lineText(model, region)} dirty)`;
    return { actor: 'cache', lane: 'cache', event, rule: 'M-cache-line', ref: `cache:${step.pe}:${stores}` };
  }
  const what = kind === 'store' ? storesText(model, stores) : hostWriteText(kind);
  const point = `the ${model.ackName}`;
  const event = completionOf(model, kind) === 'ack' ? `${what} acknowledged at ${point}` : `${what} passes ${point}, to be acknowledged by its target`;
  const ref = `accept:${step.pe}:${kind}:${kind === 'store' ? stores : op}`;
  return { actor: 'fabric', lane: model.ackLane, event, rule: kind === 'store' ? 'M-ack-point' : 'M-ack-host', ref };
}

function arrivalWords(model: Model, step: ArrivalStep): Words {
  const { txn } = step;
  const ref = `deliver:${step.path}:${txn.kind}:${txn.kind === 'store' || txn.kind === 'writeback' ? txn.stores : txn.op}`;
  if (step.kind === 'receive') {
    const what = txn.kind === 'store' ? storesText(model, txn.stores) : `the write-back of ${storesText(model, txn.stores)}`;
    const rule = txn.kind === 'store' ? 'M-property' : 'M-cache-property';
    return { actor: 'device', lane: 'device', event: `receives ${what}${step.late ? ' after reset' : ''}`, rule, ref };
  }
  if (step.kind === 'answer') {
    const op = model.host[txn.op];
    const event = `answers the host's read of ${op?.op === 'read' ? hex(op.offset) : '?'}`;
    return { actor: 'device', lane: 'device', event, rule: 'M-host-read', ref };
  }
  const method = txn.kind as ResetMethod;
  const { actor, lane, effect, rule } = RESET_METHODS[method];
  if (actor === 'device') return { actor, lane, event: effect, rule, ref };
  return { actor, lane, event: effect, rule, ref: `${method === 'acpi' ? 'acpi' : 'assert'}:${txn.op}` };
}

/** The step in words, with its kind, rule and replay reference. */
export function describeStep(model: Model, step: Step): TraceStep {
  return { kind: step.kind, ...wordsOf(model, step) };
}

function wordsOf(model: Model, step: Step): Words {
  switch (step.kind) {
    case 'store':
    case 'fault':
    case 'dmb':
    case 'dsb':
      return vcpuWords(model, step);
    case 'tlbi':
    case 'tlbi-dsb':
    case 'clean-dsb':
    case 'host-dsb':
    case 'dc-civac':
    case 'read':
    case 'issue-reset':
      return hostWords(model, step);
    case 'merge': {
      const owner = bufferOwner(model, step.pe);
      const event = `${storesText(model, step.a)} and ${storesText(model, step.b)} merge in the write buffer`;
      return { ...owner, event, rule: 'M-wb-gather', ref: `merge:${step.pe}:${step.a}:${step.b}` };
    }
    case 'accept':
    case 'into-cache':
      return leaveWords(model, step);
    case 'evict': {
      const event = `evicts ${lineText(model, step.line)}: write-back of ${storesText(model, step.stores)} enters the path`;
      return { actor: 'cache', lane: 'cache', event, rule: 'M-cache-evict', ref: `evict:${step.line}` };
    }
    case 'receive':
    case 'answer':
    case 'reset':
      return arrivalWords(model, step);
  }
}
