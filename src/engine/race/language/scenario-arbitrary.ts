/**
 * fast-check generators for scenarios, shared by the parser and explorer
 * property tests. Kept small (at most four ops per program, fewer with
 * several vCPUs) so that every generated scenario explores in
 * milliseconds, with and without reduction.
 */
import fc from 'fast-check';
import { KNOB_NAMES, type GuestOp, type HostOp, type KnobName, type Platform, type Scenario } from '../types.ts';

/** Stage-1 types from least to most restrictive for stores (with stage 2 Normal-NC, the combined type is the stage-1 type). */
export const TYPES_BY_RESTRICTION = ['Normal-NC', 'Device-GRE', 'Device-nGRE', 'Device-nGnRE', 'Device-nGnRnE'] as const;

export const guestOp: fc.Arbitrary<GuestOp> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 8, 16, 64).map((offset): GuestOp => ({ op: 'store', offset })) },
  fc.constantFrom<GuestOp>({ op: 'dmb' }, { op: 'dsb' }),
);

export function hostOp(platform: Platform): fc.Arbitrary<HostOp> {
  return fc.constantFrom<HostOp>(
    { op: 'unmap-s2' },
    { op: 'dsb' },
    { op: 'read', offset: 0 },
    { op: 'reset', method: 'reg' },
    { op: 'reset', method: platform === 'pcie' ? 'flr' : 'ctrl' },
  );
}

/** Host ops including the cache maintenance and firmware reset. */
export function anyHostOp(platform: Platform): fc.Arbitrary<HostOp> {
  return fc.oneof(
    { weight: 5, arbitrary: hostOp(platform) },
    fc.constantFrom<HostOp>({ op: 'dc-civac', offset: 'all' }, { op: 'dc-civac', offset: 0 }, { op: 'reset', method: 'acpi' }),
  );
}

const options: fc.Arbitrary<Partial<Record<KnobName, boolean>>> = fc
  .record(Object.fromEntries(KNOB_NAMES.map((name) => [name, fc.boolean()])) as Record<KnobName, fc.Arbitrary<boolean>>, {
    requiredKeys: [],
  })
  .filter((o) => !(o['same-pe'] === true && o['guest-stops'] === false));

const title = fc
  .string({ unit: fc.constantFrom('a', 'B', ' ', '-', ',', '(', ')', '0', ':'), minLength: 1, maxLength: 30 })
  .map((t) => t.trim())
  .filter((t) => t !== '');

/** A valid scenario whose guest type is the given stage-1 type over stage-2 Normal-NC (FWB off), or any of them. */
export function scenario(guestS1: fc.Arbitrary<string> = fc.constantFrom(...TYPES_BY_RESTRICTION)): fc.Arbitrary<Scenario> {
  return fc.constantFrom<Platform>('pcie', 'soc').chain((platform) =>
    fc.record(
      {
        title,
        platform: fc.constant(platform),
        fwb: fc.constant(false),
        guestS1,
        guestS2: fc.constant('Normal-NC'),
        options,
        guest: fc.array(guestOp, { maxLength: 4 }),
        host: fc.array(hostOp(platform), { maxLength: 4 }),
        expect: fc.constantFrom('safe' as const, 'unsafe' as const),
      },
      { requiredKeys: ['platform', 'fwb', 'guestS1', 'guestS2', 'options', 'guest', 'host'] },
    ),
  );
}

/** Guest attributes (stage 1, stage 2, FWB) covering uncached, Device and cacheable combined types, allocated encodings only. */
const guestAttributes = fc.constantFrom(
  { guestS1: 'Normal-NC', guestS2: 'Normal-NC', fwb: false },
  { guestS1: 'Device-nGnRE', guestS2: 'Normal-NC', fwb: false },
  { guestS1: 'Device-GRE', guestS2: 'Normal-NC', fwb: false },
  { guestS1: '0x05', guestS2: 'Normal-NC', fwb: false },
  { guestS1: 'Normal-WB', guestS2: 'Normal-WB', fwb: false },
  { guestS1: 'Normal-WB', guestS2: '0x6', fwb: true },
  { guestS1: 'Device-nGnRE', guestS2: '0x6', fwb: true },
);

/**
 * A valid scenario with one to three vCPUs, any guest attributes of the
 * list above, the full host op set and every knob: small enough that the
 * unreduced exploration stays in milliseconds.
 */
export function multiVcpuScenario(): fc.Arbitrary<Scenario> {
  return fc.constantFrom<Platform>('pcie', 'soc').chain((platform) =>
    fc
      .record({
        attributes: guestAttributes,
        options,
        vcpus: fc.integer({ min: 1, max: 3 }).chain((n) => fc.array(fc.array(guestOp, { maxLength: [4, 4, 2, 1][n] ?? 1 }), { minLength: n, maxLength: n })),
        symmetric: fc.boolean(),
        host: fc.array(anyHostOp(platform), { maxLength: 4 }),
      })
      .filter(({ vcpus }) => vcpus.flat().filter((op) => op.op === 'store').length <= 4)
      .map(({ attributes, options: knobs, vcpus, symmetric, host }): Scenario => {
        const programs = symmetric ? vcpus.map(() => vcpus[0] ?? []) : vcpus;
        const [guest = [], guest1, guest2] = programs;
        return {
          platform,
          ...attributes,
          options: knobs,
          guest,
          ...(guest1 ? { guest1 } : {}),
          ...(guest2 ? { guest2 } : {}),
          host,
        };
      }),
  );
}
