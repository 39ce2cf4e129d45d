/**
 * fast-check generators for scenarios, shared by the parser and explorer
 * property tests. Kept small (at most four ops per program) so that every
 * generated scenario explores in milliseconds, with and without reduction.
 */
import fc from 'fast-check';
import { KNOB_NAMES, type GuestOp, type HostOp, type KnobName, type Platform, type Scenario } from './types.ts';

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
