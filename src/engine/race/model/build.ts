/**
 * Turns a parsed scenario into the fixed parameters of the model: knobs with
 * their defaults, the guest's combined memory type and store behaviour, the
 * vCPU programs and the host program annotated with what the step rules
 * need (store numbers, barrier epochs, cache lines).
 */
import { resolveGuestType, type GuestType } from '../guest-type.ts';
import { resolveKnobs } from '../knobs.ts';
import { vcpuPrograms, type GuestOp, type HostOp, type Knobs, type Lane, type Scenario } from '../types.ts';
import { completionOfGuestStores, type CompletionPoint } from './ack-point.ts';
import { initialState, type State } from './state.ts';
import { barrierEpochs } from '../vocabulary/host-ops.ts';
import { PLATFORMS } from '../vocabulary/platforms.ts';

/** The granule within which stores may merge into one write transaction, and the cache line: 64 bytes (M-wb-gather, M-cache-line). */
export const MERGE_GRANULE = 64;

export interface Vcpu {
  readonly ops: readonly GuestOp[];
  /** Store number (bit index in Entry.ids) of the op at each index; -1 for barriers. */
  readonly storeIndex: readonly number[];
  /** Barriers before each op. */
  readonly epoch: readonly number[];
}

export interface Model {
  readonly scenario: Scenario;
  readonly knobs: Knobs;
  readonly guestType: GuestType;
  readonly vcpus: readonly Vcpu[];
  readonly host: readonly HostOp[];
  /** Offsets of the guest's stores, by store number. */
  readonly storeOffsets: readonly number[];
  /** The vCPU that issues each store, by store number. */
  readonly storeVcpu: readonly number[];
  /** The 64-byte lines the guest's stores touch (line number = offset / 64), in first-use order; State.dirty is indexed alike. */
  readonly lines: readonly number[];
  /** Barriers before each host op; with same-pe they continue vCPU 0's count (one PE). */
  readonly hostEpoch: readonly number[];
  /** Which write buffer the host uses: its own (after the vCPUs'), or vCPU 0's with same-pe. */
  readonly hostBuffer: number;
  readonly bufferCount: number;
  /** Guest stores go to the coherent cache, not to the acknowledgement point (M-type-cacheable). */
  readonly cacheable: boolean;
  readonly guestCompletion: CompletionPoint;
  /** The acknowledgement point: the interconnect on an SoC, the root complex on PCIe. */
  readonly ackLane: Lane;
  readonly ackName: string;
  readonly warnings: readonly string[];
  /**
   * Groups (of two or more) of vCPUs with identical programs, which the
   * reductions treat as interchangeable (M-vcpu-symmetry); vCPU 0 is in
   * none under same-pe, where it shares the host's buffer.
   */
  readonly vcpuGroups: readonly (readonly number[])[];
}

function vcpuGroups(programs: readonly (readonly GuestOp[])[], samePe: boolean): number[][] {
  const groups: number[][] = [];
  const text = programs.map((ops) => JSON.stringify(ops));
  for (let k = samePe ? 1 : 0; k < programs.length; k += 1) {
    const group = groups.find((g) => text[g[0] ?? 0] === text[k]);
    if (group) group.push(k);
    else groups.push([k]);
  }
  return groups.filter((g) => g.length > 1);
}

function knobWarnings(scenario: Scenario, knobs: Knobs, cacheable: boolean): string[] {
  const warnings: string[] = [];
  if (scenario.platform === 'soc' && scenario.options['config-order'] !== undefined) {
    warnings.push('config-order has no effect on soc (there is no config space; the reset controller has its own path)');
  }
  if (knobs['same-pe'] && scenario.options['guest-stops'] === undefined) {
    warnings.push('same-pe=yes implies guest-stops=yes');
  }
  if (!cacheable && scenario.options['unmap-cleans'] !== undefined) {
    warnings.push('unmap-cleans has no effect: the guest type is not cacheable, so no line is dirty');
  }
  if (!scenario.host.some((op) => op.op === 'reset')) warnings.push('the host never resets the device, so no write can arrive after a reset');
  return warnings;
}

export function buildModel(scenario: Scenario): Model {
  const knobs = resolveKnobs(scenario);
  const guestType = resolveGuestType(scenario.guestS1, scenario.guestS2, scenario.fwb);
  const storeOffsets: number[] = [];
  const storeVcpu: number[] = [];
  const lines: number[] = [];
  const vcpus = vcpuPrograms(scenario).map((ops, k): Vcpu => {
    const storeIndex = ops.map((op) => {
      if (op.op !== 'store') return -1;
      const line = Math.floor(op.offset / MERGE_GRANULE);
      if (!lines.includes(line)) lines.push(line);
      storeVcpu.push(k);
      return storeOffsets.push(op.offset) - 1;
    });
    return { ops, storeIndex, epoch: barrierEpochs(ops, 0) };
  });
  const vcpu0Barriers = scenario.guest.filter((op) => op.op !== 'store').length;
  const samePe = knobs['same-pe'];
  const cacheable = guestType.behaviour.cacheable;
  return {
    scenario,
    knobs,
    guestType,
    vcpus,
    host: scenario.host,
    storeOffsets,
    storeVcpu,
    lines,
    hostEpoch: barrierEpochs(scenario.host, samePe ? vcpu0Barriers : 0),
    hostBuffer: samePe ? 0 : vcpus.length,
    bufferCount: samePe ? vcpus.length : vcpus.length + 1,
    cacheable,
    guestCompletion: completionOfGuestStores(guestType.behaviour, knobs),
    ackLane: PLATFORMS[scenario.platform].ackLane,
    ackName: PLATFORMS[scenario.platform].ackName,
    warnings: [...guestType.warnings, ...knobWarnings(scenario, knobs, cacheable)],
    vcpuGroups: vcpuGroups(vcpus.map((v) => v.ops), samePe),
  };
}

export function startState(model: Model): State {
  return initialState(model.vcpus.length, model.bufferCount, model.lines.length);
}
