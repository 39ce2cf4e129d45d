/**
 * Turns a parsed scenario into the fixed parameters of the model: knobs with
 * their defaults, the guest's combined memory type and store behaviour, and
 * the two programs annotated with what the step rules need (store numbers,
 * barrier epochs).
 */
import { resolveGuestType, type GuestType } from '../guest-type.ts';
import { resolveKnobs } from '../knobs.ts';
import type { GuestOp, HostOp, Knobs, Lane, Scenario } from '../types.ts';
import { completionOfGuestStores, type CompletionPoint } from './ack-point.ts';

export interface Model {
  readonly scenario: Scenario;
  readonly knobs: Knobs;
  readonly guestType: GuestType;
  readonly guest: readonly GuestOp[];
  readonly host: readonly HostOp[];
  /** Offsets of the guest's stores, by store number (bit index in Entry.ids). */
  readonly storeOffsets: readonly number[];
  /** Store number of the guest op at each index (-1 for barriers). */
  readonly storeIndex: readonly number[];
  /** Barriers before each guest op; host epochs continue after the guest's (one PE with same-pe). */
  readonly guestEpoch: readonly number[];
  readonly hostEpoch: readonly number[];
  /** Which write buffer each PE uses: with same-pe the host shares the guest's. */
  readonly guestBuffer: number;
  readonly hostBuffer: number;
  readonly bufferCount: number;
  readonly guestCompletion: CompletionPoint;
  /** The acknowledgement point: the interconnect on an SoC, the root complex on PCIe. */
  readonly ackLane: Lane;
  readonly ackName: string;
  readonly warnings: readonly string[];
}

/** Barriers (dmb/dsb) before each op, counting from `start`. */
function epochs(ops: readonly { readonly op: string }[], start: number): number[] {
  let epoch = start;
  return ops.map((op) => {
    const before = epoch;
    if (op.op === 'dmb' || op.op === 'dsb' || op.op === 'unmap-s2') epoch += 1;
    return before;
  });
}

function knobWarnings(scenario: Scenario, knobs: Knobs): string[] {
  const warnings: string[] = [];
  if (scenario.platform === 'soc' && scenario.options['config-order'] !== undefined) {
    warnings.push('config-order has no effect on soc (there is no config space; the reset controller has its own path)');
  }
  if (knobs['same-pe'] && scenario.options['guest-stops'] === undefined) {
    warnings.push('same-pe=yes implies guest-stops=yes');
  }
  if (!scenario.host.some((op) => op.op === 'reset')) warnings.push('the host never resets the device, so no write can arrive after a reset');
  return warnings;
}

export function buildModel(scenario: Scenario): Model {
  const knobs = resolveKnobs(scenario);
  const guestType = resolveGuestType(scenario.guestS1, scenario.guestS2, scenario.fwb);
  const storeOffsets: number[] = [];
  const storeIndex = scenario.guest.map((op) => (op.op === 'store' ? storeOffsets.push(op.offset) - 1 : -1));
  const guestEpoch = epochs(scenario.guest, 0);
  const guestBarriers = scenario.guest.filter((op) => op.op !== 'store').length;
  const pcie = scenario.platform === 'pcie';
  return {
    scenario,
    knobs,
    guestType,
    guest: scenario.guest,
    host: scenario.host,
    storeOffsets,
    storeIndex,
    guestEpoch,
    hostEpoch: epochs(scenario.host, knobs['same-pe'] ? guestBarriers : 0),
    guestBuffer: 0,
    hostBuffer: knobs['same-pe'] ? 0 : 1,
    bufferCount: knobs['same-pe'] ? 1 : 2,
    guestCompletion: completionOfGuestStores(guestType.behaviour, knobs),
    ackLane: pcie ? 'root-complex' : 'interconnect',
    ackName: pcie ? 'root complex' : 'interconnect',
    warnings: [...guestType.warnings, ...knobWarnings(scenario, knobs)],
  };
}
