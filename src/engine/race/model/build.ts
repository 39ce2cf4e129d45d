/**
 * Turns a parsed scenario into the fixed parameters of the model: knobs with
 * their defaults, the guest's combined memory type and store behaviour, the
 * vCPU programs and the host program annotated with what the step rules
 * need (store numbers, barrier epochs, cache lines).
 */
import { resolveGuestType } from '../guest-type.ts';
import { resolveKnobs } from '../knobs.ts';
import { vcpuPrograms, type GuestOp, type KnobName, type Knobs, type Platform, type Scenario } from '../types.ts';
import { completionOfGuestStores } from './ack-point.ts';
import { MERGE_GRANULE, NO_STORES, type Model, type StoreSet, type Vcpu } from './model.ts';
import { barrierEpochs } from '../vocabulary/host-ops.ts';
import { PLATFORMS } from '../vocabulary/platforms.ts';

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

/**
 * Why a knob means nothing for this scenario, if it does not: the knob is
 * read by no rule on its platform or for its guest type. Setting it only
 * warns; the ablation (explain/ablation.ts) lists flipping it as refused
 * with this message.
 */
export function knobWithoutEffect(knob: KnobName, platform: Platform, cacheable: boolean): string | undefined {
  if (knob === 'config-order' && platform === 'soc') return 'config-order has no effect on soc (there is no config space; the reset controller has its own path)';
  if (knob === 'unmap-cleans' && !cacheable) return 'unmap-cleans has no effect: the guest type is not cacheable, so no line is dirty';
  return undefined;
}

function knobWarnings(scenario: Scenario, knobs: Knobs, cacheable: boolean): string[] {
  const warnings: string[] = [];
  const setWithoutEffect = (knob: KnobName): void => {
    const warning = scenario.options[knob] === undefined ? undefined : knobWithoutEffect(knob, scenario.platform, cacheable);
    if (warning !== undefined) warnings.push(warning);
  };
  setWithoutEffect('config-order');
  if (knobs['same-pe'] && scenario.options['guest-stops'] === undefined) {
    warnings.push('same-pe=yes implies guest-stops=yes');
  }
  setWithoutEffect('unmap-cleans');
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
    const store: StoreSet[] = [];
    const region: number[] = [];
    for (const op of ops) {
      if (op.op !== 'store') {
        store.push(NO_STORES);
        region.push(-1);
        continue;
      }
      const line = Math.floor(op.offset / MERGE_GRANULE);
      if (!lines.includes(line)) lines.push(line);
      store.push(1n << BigInt(storeOffsets.length));
      region.push(lines.indexOf(line));
      storeVcpu.push(k);
      storeOffsets.push(op.offset);
    }
    return { ops, store, region, epoch: barrierEpochs(ops, 0) };
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
