/**
 * What the Promela export needs to know about a scenario before it writes
 * any text: the knobs in force, the guest's combined memory type as its
 * attribute bits, the vCPUs' programs, which write buffer each PE uses,
 * the numbering of the guest's stores and of the 64-byte lines they touch,
 * the barrier epoch of every op and the size of every queue. Derived here
 * from the scenario itself (not from the explorer's model), so that SPIN
 * checks an independent reading of the same rules.
 */
import { resolveGuestType } from '../guest-type.ts';
import { resolveKnobs } from '../knobs.ts';
import { barrierEpochs } from '../vocabulary/host-ops.ts';
import { RESET_METHODS } from '../vocabulary/reset-methods.ts';
import { VCPU_DIRECTIVES, vcpuPrograms, type GuestOp, type HostOp, type Knobs, type ResetMethod, type Scenario } from '../types.ts';

/** The attribute bits of the guest's combined type that the rules read (Arm ARM DDI0487 M.a.a, B2.10). */
export interface GuestAttributes {
  /** `Normal-NC`, `Device-nGnRE`, ... */
  readonly name: string;
  readonly normal: boolean;
  /** Device G, R and E; Normal memory may gather, reorder and be acknowledged early (B2.10.1). */
  readonly gathering: boolean;
  readonly reordering: boolean;
  readonly earlyAck: boolean;
  /** FEAT_XS: the XS attribute (false only for the XS=0 encodings). */
  readonly xs: boolean;
  /** Write-Back at the inner or outer level: stores go to the coherent cache (M-type-cacheable). */
  readonly cacheable: boolean;
}

export interface GuestStore {
  readonly offset: number;
  /** Store number over all vCPUs, vCPU 0 first: bit `number` of a write's `ids`. */
  readonly number: number;
  /** Ordinal of the store's 64-byte line among the lines the programs write. */
  readonly line: number;
}

export interface Vcpu {
  /** The directive: `guest`, `guest1`, ... */
  readonly name: string;
  readonly ops: readonly GuestOp[];
  /** For each op: the store it is, if it is one. */
  readonly stores: readonly (GuestStore | undefined)[];
  /** Barriers the vCPU executed before each op. */
  readonly epoch: readonly number[];
}

export interface Layout {
  readonly scenario: Scenario;
  /** The knobs in force: defaults applied, same-pe implying guest-stops. */
  readonly knobs: Knobs;
  readonly guestType: GuestAttributes;
  readonly vcpus: readonly Vcpu[];
  readonly host: readonly HostOp[];
  readonly hostEpoch: readonly number[];
  /** The 64-byte line numbers (offset / 64) the programs store to, in first-use order; cache line `l` is `lines[l]`. */
  readonly lines: readonly number[];
  /** The host's write buffer: after the vCPUs' ones, or vCPU 0's with `same-pe`. */
  readonly hostBuffer: number;
  /** Slots of each write buffer (vCPU k's is k) and of each path; at least 1, Promela has no empty arrays. */
  readonly bufferSlots: readonly number[];
  readonly pathSlots: readonly [number, number];
}

/** The largest write that may gather stores, and the cache line: 64 bytes (M-wb-gather, M-cache-line). */
export const LINE_BYTES = 64;

function attributesOf(s1: string, s2: string, fwb: boolean): GuestAttributes {
  const { type, name } = resolveGuestType(s1, s2, fwb);
  if (type.kind === 'Normal') {
    const cacheable = type.inner.cacheability === 'WB' || type.outer.cacheability === 'WB';
    return { name, normal: true, gathering: true, reordering: true, earlyAck: true, xs: type.xs, cacheable };
  }
  return {
    name,
    normal: false,
    gathering: type.device === 'GRE',
    reordering: type.device === 'GRE' || type.device === 'nGRE',
    earlyAck: type.device !== 'nGnRnE',
    xs: type.xs,
    cacheable: false,
  };
}

/** M-path-side: the reset controller's and the firmware's writes, and config writes that bypass the BAR path. */
export function sidePath(kind: ResetMethod, knobs: Knobs): boolean {
  const { route } = RESET_METHODS[kind];
  return route === 'side' || (route === 'config' && !knobs['config-order']);
}

export function layoutOf(scenario: Scenario): Layout {
  const knobs = resolveKnobs(scenario);
  const lines: number[] = [];
  let number = 0;
  const vcpus = vcpuPrograms(scenario).map((ops, k): Vcpu => {
    const stores = ops.map((op) => {
      if (op.op !== 'store') return undefined;
      const line = Math.floor(op.offset / LINE_BYTES);
      if (!lines.includes(line)) lines.push(line);
      return { offset: op.offset, number: number++, line: lines.indexOf(line) };
    });
    return { name: VCPU_DIRECTIVES[k] ?? 'guest', ops, stores, epoch: barrierEpochs(ops, 0) };
  });
  const host = scenario.host;
  const resets = host.flatMap((op): ResetMethod[] => (op.op === 'reset' ? [op.method] : []));
  const side = resets.filter((kind) => sidePath(kind, knobs)).length;
  const reads = host.filter((op) => op.op === 'read').length;
  const storesOf = (v: Vcpu): number => v.stores.filter((s) => s !== undefined).length;
  const slots = (n: number): number => Math.max(1, n);
  const samePe = knobs['same-pe'];
  const vcpu0Barriers = scenario.guest.filter((op) => op.op !== 'store').length;
  return {
    scenario,
    knobs,
    guestType: attributesOf(scenario.guestS1, scenario.guestS2, scenario.fwb),
    vcpus,
    host,
    hostEpoch: barrierEpochs(host, samePe ? vcpu0Barriers : 0),
    lines,
    hostBuffer: samePe ? 0 : vcpus.length,
    bufferSlots: [
      ...vcpus.map((v, k) => slots(storesOf(v) + (samePe && k === 0 ? resets.length : 0))),
      ...(samePe ? [] : [slots(resets.length)]),
    ],
    // Every guest write on the device path carries at least one store of its own (a write-back, the stores since its line was last clean).
    pathSlots: [slots(number + reads + resets.length - side), slots(side)],
  };
}
