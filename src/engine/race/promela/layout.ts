/**
 * What the Promela export needs to know about a scenario before it writes
 * any text: the knobs in force, the guest's combined memory type as its
 * attribute bits, which write buffer each PE uses, the numbering of the
 * guest's stores, the barrier epoch of every op and the size of every
 * queue. Derived here from the scenario itself (not from the explorer's
 * model), so that SPIN checks an independent reading of the same rules.
 */
import { resolveGuestType } from '../guest-type.ts';
import { resolveKnobs } from '../knobs.ts';
import type { GuestOp, HostOp, Knobs, ResetMethod, Scenario } from '../types.ts';

/** The attribute bits of the guest's combined type that the race rules read (Arm ARM DDI0487 M.a.a, B2.10). */
export interface GuestAttributes {
  /** `Normal-NC`, `Device-nGnRE`, ... */
  readonly name: string;
  readonly normal: boolean;
  /** Device G, R and E attributes; for Normal memory all three hold (B2.10.1: gathering, reordering, early acknowledgement allowed). */
  readonly gathering: boolean;
  readonly reordering: boolean;
  readonly earlyAck: boolean;
}

export interface GuestStore {
  readonly offset: number;
  /** Store number within the program: bit `number` of a write's `ids`. */
  readonly number: number;
  /** Ordinal of the store's 64-byte line among the lines the program writes (lines are only compared for equality). */
  readonly line: number;
}

export interface Layout {
  readonly scenario: Scenario;
  readonly knobs: Knobs;
  readonly guestType: GuestAttributes;
  readonly guest: readonly GuestOp[];
  readonly host: readonly HostOp[];
  /** For each guest op: the store it is, if it is one. */
  readonly stores: readonly (GuestStore | undefined)[];
  readonly guestEpoch: readonly number[];
  readonly hostEpoch: readonly number[];
  /** Write buffer of the guest vCPU and of the host: the same one with `same-pe`. */
  readonly guestBuffer: number;
  readonly hostBuffer: number;
  /** Slots of each write buffer and each path (at least 1: Promela has no empty arrays). */
  readonly bufferSlots: readonly number[];
  readonly pathSlots: readonly [number, number];
}

/** The largest write that may gather stores: one 64-byte line. */
export const LINE_BYTES = 64;

function attributesOf(s1: string, s2: string, fwb: boolean): GuestAttributes {
  const { type, name } = resolveGuestType(s1, s2, fwb);
  if (type.kind === 'Normal') return { name, normal: true, gathering: true, reordering: true, earlyAck: true };
  return {
    name,
    normal: false,
    gathering: type.device === 'GRE',
    reordering: type.device === 'GRE' || type.device === 'nGRE',
    earlyAck: type.device !== 'nGnRnE',
  };
}

/** Barriers (dmb, dsb, and the DSB that ends unmap-s2) executed before each op, counting from `start`. */
function epochsOf(ops: readonly { readonly op: string }[], start: number): number[] {
  const out: number[] = [];
  let epoch = start;
  for (const op of ops) {
    out.push(epoch);
    if (op.op === 'dmb' || op.op === 'dsb' || op.op === 'unmap-s2') epoch += 1;
  }
  return out;
}

function storesOf(guest: readonly GuestOp[]): (GuestStore | undefined)[] {
  const lines: number[] = [];
  let number = 0;
  return guest.map((op) => {
    if (op.op !== 'store') return undefined;
    const line = Math.floor(op.offset / LINE_BYTES);
    if (!lines.includes(line)) lines.push(line);
    return { offset: op.offset, number: number++, line: lines.indexOf(line) };
  });
}

/** Path 1 carries the reset controller's write (soc) and config writes that bypass the BAR path (pcie, config-order=no). */
export function sidePath(kind: ResetMethod, knobs: Knobs): boolean {
  return kind === 'ctrl' || (kind === 'flr' && !knobs['config-order']);
}

export function layoutOf(scenario: Scenario): Layout {
  const knobs = resolveKnobs(scenario);
  const samePe = knobs['same-pe'];
  const guestBarriers = scenario.guest.filter((op) => op.op !== 'store').length;
  const storeCount = scenario.guest.filter((op) => op.op === 'store').length;
  const resets = scenario.host.flatMap((op) => (op.op === 'reset' ? [op.method] : []));
  const reads = scenario.host.filter((op) => op.op === 'read').length;
  const side = resets.filter((kind) => sidePath(kind, knobs)).length;
  const slots = (n: number): number => Math.max(1, n);
  return {
    scenario,
    knobs,
    guestType: attributesOf(scenario.guestS1, scenario.guestS2, scenario.fwb),
    guest: scenario.guest,
    host: scenario.host,
    stores: storesOf(scenario.guest),
    guestEpoch: epochsOf(scenario.guest, 0),
    hostEpoch: epochsOf(scenario.host, samePe ? guestBarriers : 0),
    guestBuffer: 0,
    hostBuffer: samePe ? 0 : 1,
    bufferSlots: samePe ? [slots(storeCount + resets.length)] : [slots(storeCount), slots(resets.length)],
    pathSlots: [slots(storeCount + reads + resets.length - side), slots(side)],
  };
}
