/**
 * fast-check generators for scenarios, shared by the parser and explorer
 * property tests. Kept small (at most four ops per program, fewer with
 * several vCPUs) so that every generated scenario explores in
 * milliseconds, with and without reduction.
 */
import fc from 'fast-check';
import { KNOB_NAMES, type GuestOp, type HostOp, type KnobName, type Platform, type Scenario } from '../types.ts';
import { ScenarioError } from './errors.ts';
import { parseScenario } from './parser.ts';
import { printScenario } from './printer.ts';

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
function anyHostOp(platform: Platform): fc.Arbitrary<HostOp> {
  return fc.oneof(
    { weight: 5, arbitrary: hostOp(platform) },
    fc.constantFrom<HostOp>({ op: 'dc-civac', offset: 'all' }, { op: 'dc-civac', offset: 0 }, { op: 'reset', method: 'acpi' }),
  );
}

/** The ops with the `dsb` the language asks for after each `dc civac` (M-cache-dc-civac). */
export const withCleansCompleted = (ops: readonly HostOp[]): HostOp[] => ops.flatMap((op): HostOp[] => (op.op === 'dc-civac' ? [op, { op: 'dsb' }] : [op]));

/** A host program of up to `length` ops of every kind, each `dc civac` followed by its `dsb`. */
export function anyHostProgram(platform: Platform, length = 4): fc.Arbitrary<HostOp[]> {
  return fc.array(anyHostOp(platform), { maxLength: length }).map(withCleansCompleted);
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

/** vCPU programs as a scenario's fields: `guest`, then `guest1`.. for each further one. */
function programsOf(vcpus: readonly (readonly GuestOp[])[]): Pick<Scenario, 'guest' | 'guest1' | 'guest2' | 'guest3'> {
  const [guest = [], guest1, guest2, guest3] = vcpus;
  return { guest, ...(guest1 ? { guest1 } : {}), ...(guest2 ? { guest2 } : {}), ...(guest3 ? { guest3 } : {}) };
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
        host: anyHostProgram(platform),
      })
      .filter(({ vcpus }) => vcpus.flat().filter((op) => op.op === 'store').length <= 4)
      .map(({ attributes, options: knobs, vcpus, symmetric, host }): Scenario => {
        const programs = symmetric ? vcpus.map(() => vcpus[0] ?? []) : vcpus;
        return { platform, ...attributes, options: knobs, ...programsOf(programs), host };
      }),
  );
}

/**
 * Titles as readers write them, odd characters included: quoting marks,
 * `;`, `=`, colons, runs of spaces, non-breaking spaces, non-ASCII letters,
 * and pieces that look like the race report's own lines and links (only
 * `#`, which starts a comment, cannot be in a title).
 */
export const oddTitle: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'B', 'z9', 'é', 'ünï', '→', 'PCIe', 'Normal-NC', '0x0') },
      { weight: 6, arbitrary: fc.constant(' ') },
      fc.constantFrom('  ', '\u00a0', '>', '> ', '>>', '<', '|', ';', '=', ':', ',', '(', ')', "'", '"', '`', '%', '&', '/', '\\', '*', '-', '.'),
      fc.constantFrom('knobs: ', 'platform soc ', 'guest store 0x0; ', 'title ', 'host reset flr', 'expect safe', 'Verdict: SAFE', 'Link (model version 1):'),
      fc.constant('https://example.org/play/race/?v=2&scenario=soc-nc-unmap-ctrl&h=00000000'),
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((parts) => parts.join('').trim())
  .filter((t) => t !== '');

/** KVM's inputs instead of guest-s2: the releases and protections the language reads (a mapping KVM refuses is the parser's error, filtered by the caller). */
const kvmStage2 = fc.record({
  kernel: fc.constantFrom('6.8', '6.9', '6.12', '6.17', '7.1'),
  vma: fc.constantFrom('noncached', 'device', 'writecombine', 'cacheable'),
  allowAnyUncached: fc.boolean(),
});

/**
 * A scenario as any reader could write it, as text: one to four vCPUs, the
 * guest attributes above (cacheable ones included) or KVM's `kernel` and
 * `vma`, every knob, every guest and host op, an odd title or none, an
 * expectation or none. Texts the parser refuses (a refused KVM mapping, a
 * reset the platform lacks) are left out. Small programs keep every
 * exploration short.
 */
export function anyScenarioText(): fc.Arbitrary<string> {
  return fc
    .constantFrom<Platform>('pcie', 'soc')
    .chain((platform) =>
      fc.record({
        title: fc.option(oddTitle, { nil: undefined }),
        platform: fc.constant(platform),
        attributes: guestAttributes,
        kvm: fc.option(kvmStage2, { nil: undefined, freq: 3 }),
        options,
        vcpus: fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(guestOp, { maxLength: [3, 3, 2, 1, 1][n] ?? 1 }), { minLength: n, maxLength: n })),
        host: anyHostProgram(platform),
        expect: fc.option(fc.constantFrom<'safe' | 'unsafe'>('safe', 'unsafe'), { nil: undefined }),
      }),
    )
    .map(({ title, platform, attributes, kvm, options: knobs, vcpus, host, expect }) => {
      const text = printScenario({
        ...(title === undefined ? {} : { title }),
        platform,
        ...attributes,
        options: knobs,
        ...programsOf(vcpus),
        host,
        ...(expect === undefined ? {} : { expect }),
      });
      return kvm ? text.replace(/^guest-s2 .*$/m, `kernel ${kvm.kernel}\nvma ${kvm.vma}${kvm.allowAnyUncached ? ' allow-any-uncached' : ''}`) : text;
    })
    .filter((text) => {
      try {
        parseScenario(text);
        return true;
      } catch (error) {
        if (error instanceof ScenarioError) return false;
        throw error;
      }
    });
}
