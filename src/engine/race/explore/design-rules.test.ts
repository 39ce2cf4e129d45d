/**
 * One scenario-level test per rule of the race model (M-... IDs on the
 * race model page), each a small
 * scenario whose verdict was derived by hand from the rule (the comment
 * above each check gives the argument), checked through the public API
 * (checkScenario); src/cli/race.test.ts checks the command line as
 * reviewers and the acceptance checks call it (`race - --json`).
 *
 * Arm ARM references are to DDI0487 M.a.a: B2.4.1 (completion), B2.4.1.1
 * (Peripheral arrival order), B2.10.1/B2.10.2 (Normal and Device memory),
 * D8.17 (TLB maintenance). PCIe references are to the Base Specification,
 * "Ordering Rules Summary".
 */
import { describe, expect, it } from 'vitest';
import { buildModel, checkScenario, parseScenario, ScenarioError, type Verdict } from '../index.ts';
import { startState, type State } from '../model/state.ts';
import { successors } from '../model/transitions.ts';

interface Setup {
  readonly platform?: 'pcie' | 'soc';
  readonly fwb?: boolean;
  readonly s1?: string;
  readonly s2?: string;
  readonly options?: string;
  readonly guest?: string;
  readonly host?: string;
}

/** A scenario text; defaults: SoC, FWB off, Normal-NC at both stages, guest `store 0x0; store 0x8`. */
function scenario(setup: Setup): string {
  return [
    `platform ${setup.platform ?? 'soc'}`,
    `fwb ${setup.fwb ? 'on' : 'off'}`,
    `guest-s1 ${setup.s1 ?? 'Normal-NC'}`,
    `guest-s2 ${setup.s2 ?? 'Normal-NC'}`,
    ...(setup.options ? [`option ${setup.options}`] : []),
    ...(setup.guest === '' ? [] : [`guest ${setup.guest ?? 'store 0x0; store 0x8'}`]),
    ...(setup.host === '' ? [] : [`host ${setup.host ?? 'unmap-s2; reset ctrl'}`]),
    '',
  ].join('\n');
}

const verdict = (setup: Setup): string => checkScenario(scenario(setup)).result.verdict;
const writes = (setup: Setup) => checkScenario(scenario(setup)).result.writes;

/**
 * The guest stores that may leave the guest's write buffer first, once the
 * guest's program has run (guest steps only, in program order).
 */
function firstToLeave(setup: Setup): string[] {
  const model = buildModel(parseScenario(scenario({ host: '', ...setup })));
  let s: State = startState(model);
  const length = model.vcpus[0]?.ops.length ?? 0;
  while ((s.pcs[0] ?? 0) < length) {
    const step = successors(model, s).find((t) => t.step.actor === 'guest' && (t.next.pcs[0] ?? 0) > (s.pcs[0] ?? 0));
    if (!step) throw new Error('the guest cannot run its program');
    s = step.next;
  }
  return successors(model, s)
    .filter((t) => t.step.ref.startsWith('accept:'))
    .map((t) => t.step.event.replace(/ acknowledged.*| passes.*/, ''));
}

describe('write buffers per combined type (M-wb-*)', () => {
  it('Device-nGnR*: stores drain in program order and never merge', () => {
    // nR: accesses to one peripheral arrive in program order (B2.4.1.1,
    // first clause), so only the first store may leave the buffer; nG: no
    // gathering, so two stores to one 64-byte line stay two writes.
    for (const s1 of ['Device-nGnRE', 'Device-nGnRnE']) {
      expect(firstToLeave({ s1 }), s1).toEqual(['store 0x0']);
      expect(writes({ s1, options: 'guest-stops=yes', host: 'reset reg' }), s1).toEqual({ min: 2, max: 2 });
    }
  });

  it('R types (Device-nGRE, Device-GRE) and Normal-NC may drain out of order', () => {
    // Without nR only a barrier orders two stores to one peripheral
    // (B2.4.1.1: otherwise "E2 is inserted ... before E1" is allowed).
    for (const s1 of ['Device-nGRE', 'Device-GRE', 'Normal-NC']) {
      expect(firstToLeave({ s1, guest: 'store 0x0; store 0x40' }).sort(), s1).toEqual(['store 0x0', 'store 0x40']);
      // ... but not across a DMB (barrier-ordered-before, third clause).
      expect(firstToLeave({ s1, guest: 'store 0x0; dmb; store 0x40' }), s1).toEqual(['store 0x0']);
    }
  });

  it('G types and Normal-NC may merge stores to the same 64-byte line, nG types never', () => {
    // Two stores to one line: gathered into one write or sent as two.
    expect(writes({ s1: 'Device-GRE', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 1, max: 2 });
    expect(writes({ options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 1, max: 2 });
    expect(writes({ s1: 'Device-nGRE', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 2, max: 2 });
  });

  it('stores to different 64-byte lines never merge; the same line may', () => {
    // 0x38 and 0x40 are 8 bytes apart but in lines 0 and 1.
    expect(writes({ guest: 'store 0x38; store 0x40', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 2, max: 2 });
    expect(writes({ guest: 'store 0x0; store 0x38', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 1, max: 2 });
    // Three stores, two lines: at least one write per line.
    expect(writes({ guest: 'store 0x0; store 0x8; store 0x40', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 2, max: 3 });
  });

  it('no merging across a barrier, even within one line', () => {
    // B2.4.1.1: barrier-ordered accesses are not permitted to be gathered.
    expect(writes({ guest: 'store 0x0; dmb; store 0x8', options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 2, max: 2 });
  });

  it('Normal-NC stores may linger in the buffer after the guest stopped', () => {
    // guest-stops=yes: the program has run, but nothing forced the two
    // stores out of the guest's buffer. The host's reset-register write
    // (another PE, no unmap, no barrier that waits for the guest) can reach
    // the device first; a lingering store drains after it: unsafe.
    expect(verdict({ options: 'guest-stops=yes', host: 'reset reg' })).toBe('unsafe');
    // A guest DSB at the end of its program forces them out (complete =
    // acknowledged, so already on the in-order path ahead of the reset): safe.
    expect(verdict({ options: 'guest-stops=yes', guest: 'store 0x0; store 0x8; dsb', host: 'reset reg' })).toBe('safe');
  });
});

describe('completion points and the early-ack / ne-honoured knobs (M-ack-point)', () => {
  it('early-ack: Normal-NC completes at the interconnect, or only at the device', () => {
    // early ack: the DSB after the TLBI returns once the stores are
    // acknowledged; the reset controller's separate path can win: unsafe.
    expect(verdict({})).toBe('unsafe');
    // early-ack=no: complete = arrived, so the reset is written after them.
    expect(verdict({ options: 'early-ack=no' })).toBe('safe');
  });

  it('ne-honoured on soc (default yes): Device-nGnRnE completes at the device', () => {
    // B2.4.1: an nGnRnE write is complete only when it can affect the peripheral.
    expect(verdict({ s1: 'Device-nGnRnE' })).toBe('safe');
    expect(verdict({ s1: 'Device-nGnRnE', options: 'ne-honoured=no' })).toBe('unsafe');
    // nE without honouring is nGnRE: E lets the interconnect acknowledge.
    expect(verdict({ s1: 'Device-nGnRE' })).toBe('unsafe');
    // ne-honoured says nothing about E types.
    expect(verdict({ s1: 'Device-nGnRE', options: 'ne-honoured=yes' })).toBe('unsafe');
    // early-ack=no makes every write complete at the device, nE or not.
    expect(verdict({ s1: 'Device-nGnRnE', options: 'early-ack=no ne-honoured=no' })).toBe('safe');
  });

  it('ne-honoured on pcie (default no): the root complex acknowledges posted writes whatever the type', () => {
    // With the ECAM path bypassing the BAR path (config-order=no), only the
    // completion point decides: acknowledged at the root complex (default)
    // lets the FLR overtake; completed at the device (ne-honoured=yes) does not.
    const pcie = { platform: 'pcie' as const, s1: 'Device-nGnRnE', host: 'unmap-s2; reset flr' };
    expect(verdict({ ...pcie, options: 'config-order=no' })).toBe('unsafe');
    expect(verdict({ ...pcie, options: 'config-order=no ne-honoured=yes' })).toBe('safe');
  });

  it('knob defaults, as the check reports them', () => {
    const knobs = (platform: 'pcie' | 'soc') => checkScenario(scenario({ platform, host: 'reset reg' })).knobs;
    expect(knobs('soc')).toEqual({
      'guest-stops': false,
      'same-pe': false,
      'early-ack': true,
      'write-order': true,
      'np-pushes': true,
      'ne-honoured': true,
      'config-order': true,
      'unmap-cleans': true,
    });
    expect(knobs('pcie')['ne-honoured']).toBe(false);
    // M-unmap-cleans: the unmap cleans the cache only without FWB, as stage2_unmap_walker() does.
    expect(checkScenario(scenario({ fwb: true, s2: '0x5', host: 'reset reg' })).knobs['unmap-cleans']).toBe(false);
  });
});

describe('combined types the model treats specially (M-type-*)', () => {
  it('a Normal Write-Through combined type behaves as Normal-NC', () => {
    // S1 WT x S2 WT is WT; S1 WB x S2 WT is WT (the less cacheable wins).
    for (const [s1, s2] of [['Normal-WT', 'Normal-WT'], ['Normal-WB', 'Normal-WT'], ['0xbb', '0xf']] as const) {
      const check = checkScenario(scenario({ s1, s2 }));
      expect(check.guestType, `${s1} x ${s2}`).toBe('Normal-WT');
      expect(check.result.verdict, `${s1} x ${s2}`).toBe('unsafe');
      // Merging and the read-back fix behave as for Normal-NC.
      expect(writes({ s1, s2, options: 'guest-stops=yes', host: 'reset reg' })).toEqual({ min: 1, max: 2 });
      expect(verdict({ s1, s2, host: 'unmap-s2; read 0x0; reset ctrl' })).toBe('safe');
    }
  });

  it('M-type-reserved: a reserved encoding gets no verdict, and the message names it and what the architecture allows', () => {
    const refused = (setup: Setup): ScenarioError => {
      try {
        checkScenario(scenario(setup), { file: 'r.race' });
      } catch (error) {
        if (error instanceof ScenarioError) return error;
        throw error;
      }
      throw new Error('expected a ScenarioError');
    };
    // FWB MemAttr 0x8 used to compute Device-nGnRnE and answer safe.
    expect(refused({ fwb: true, s2: '0x8' }).message).toMatch(/^r\.race:4:10: .*MemAttr 0x8 with FWB.*RES0.*K1\.2\.19.*no verdict/);
    expect(refused({ fwb: true, s2: '0x4' }).message).toMatch(/0b100 as Reserved/);
    expect(refused({ s2: '0x4' }).message).toMatch(/MemAttr 0x4 is reserved without FWB/);
    expect(refused({ s2: '0xc' }).message).toMatch(/MemAttr 0xc is reserved without FWB/);
    expect(refused({ s1: '0x02' }).message).toMatch(/^r\.race:3:10: .*MAIR attribute 0x02 is reserved/);
  });

  it('M-type-cacheable: Write-Back types are checked with the cache, no longer refused', () => {
    expect(checkScenario(scenario({ s1: 'Normal-WB', s2: 'Normal-WB' })).guestType).toBe('Normal-WB');
    expect(checkScenario(scenario({ fwb: true, s1: 'Device-nGnRE', s2: '0x6' })).guestType).toMatch(/Normal-WB/);
  });

  it('FWB on: raw stage-2 encodings are read per FWB', () => {
    // FWB MemAttr 0b0101: any S1 Normal becomes Normal-NC; S1 Device stays.
    expect(checkScenario(scenario({ fwb: true, s1: 'Normal-WB', s2: '0x5' })).guestType).toBe('Normal-NC');
    expect(verdict({ fwb: true, s1: 'Normal-WB', s2: '0x5' })).toBe('unsafe');
    expect(verdict({ fwb: true, s1: 'Device-nGnRnE', s2: '0x5' })).toBe('safe');
    // FWB MemAttr 0b0000 forces Device-nGnRnE (honoured on soc): safe,
    // whereas without FWB, 0x0 is also Device-nGnRnE...
    expect(checkScenario(scenario({ fwb: true, s2: '0x0' })).guestType).toBe('Device-nGnRnE');
    expect(verdict({ fwb: true, s2: '0x0' })).toBe('safe');
    // ...and 0x5 without FWB is Normal Inner/Outer NC, the same type.
    expect(checkScenario(scenario({ s2: '0x5' })).guestType).toBe('Normal-NC');
    // FWB MemAttr 0b0111 leaves the S1 type: S1 Normal-NC stays Normal-NC.
    expect(checkScenario(scenario({ fwb: true, s2: '0x7' })).guestType).toBe('Normal-NC');
  });

  it('Device-nGRE and Device-GRE guests', () => {
    // Same PE, reset register: writel()'s DMB OSHST makes every earlier
    // store barrier-ordered-before the reset write (M-writel; B2.4.1.1
    // third clause), so even R types arrive first.
    const samePe = { options: 'same-pe=yes', host: 'reset reg' };
    expect(verdict({ ...samePe, s1: 'Device-nGnRE' })).toBe('safe');
    expect(verdict({ ...samePe, s1: 'Device-nGRE' })).toBe('safe');
    expect(verdict({ ...samePe, s1: 'Device-GRE' })).toBe('safe');
    // With the unmap, an in-order path to the device keeps them ahead of
    // the reset register write whatever their order among themselves.
    expect(verdict({ s1: 'Device-nGRE', host: 'unmap-s2; reset reg' })).toBe('safe');
    expect(verdict({ s1: 'Device-GRE', host: 'unmap-s2; reset reg' })).toBe('safe');
    // E: acknowledged early, so the reset controller's path can still win.
    expect(verdict({ s1: 'Device-GRE' })).toBe('unsafe');
  });
});

describe('paths (M-path-*, M-pcie-*)', () => {
  it('soc: the reset controller is on a separate path, the reset register on the same one', () => {
    expect(verdict({ host: 'unmap-s2; reset ctrl' })).toBe('unsafe');
    expect(verdict({ host: 'unmap-s2; reset reg' })).toBe('safe');
  });

  it('path-order=no (write-order=no np-pushes=no) lets a later write overtake earlier ones from another PE', () => {
    // The host's reset-register write and the guest's acknowledged stores
    // come from different PEs: no architectural arrival order between them.
    expect(verdict({ host: 'unmap-s2; reset reg', options: 'path-order=no' })).toBe('unsafe');
    expect(verdict({ host: 'unmap-s2; read 0x0; reset ctrl', options: 'path-order=no' })).toBe('unsafe');
  });

  it('pcie: a config write (FLR) does not pass posted writes (config-order)', () => {
    const pcie = { platform: 'pcie' as const, host: 'unmap-s2; reset flr' };
    expect(verdict(pcie)).toBe('safe');
    expect(verdict({ ...pcie, options: 'config-order=no' })).toBe('unsafe');
    // M-pcie-np-behind-posted is np-pushes: it holds when only writes may pass writes...
    expect(verdict({ ...pcie, options: 'write-order=no' })).toBe('safe');
    // ...and a fabric that breaks it (np-pushes=no, or the shorthand path-order=no) lets the FLR pass.
    expect(verdict({ ...pcie, options: 'np-pushes=no' })).toBe('unsafe');
    expect(verdict({ ...pcie, options: 'path-order=no' })).toBe('unsafe');
  });

  it('pcie: a read is non-posted too, so it does not pass posted writes on the same path', () => {
    // Ordering Rules Summary: a read request must not pass a posted
    // request. With config-order=no the FLR alone could overtake (unsafe,
    // above); a read issued first returns only after the guest's posted
    // writes ahead of it arrived, even with write-order=no: safe.
    const pcie = { platform: 'pcie' as const, options: 'write-order=no config-order=no' };
    expect(verdict({ ...pcie, host: 'unmap-s2; reset flr' })).toBe('unsafe');
    expect(verdict({ ...pcie, host: 'unmap-s2; read 0x0; reset flr' })).toBe('safe');
    expect(verdict({ ...pcie, host: 'unmap-s2; read 0x0; reset reg' })).toBe('safe');
    // On an SoC no such rule: the read may overtake (see the path-order test).
  });
});

describe('host steps (M-unmap-*, M-host-*, M-reset-*)', () => {
  it('unmap-s2: later guest stores fault, and its DSB waits for every store that used the old translation', () => {
    // A malicious guest (default) with three stores: after the TLBI they
    // fault, so between 0 and 3 writes reach the device; all that do are
    // ahead of the FLR on the ordered path.
    const check = checkScenario(scenario({ platform: 'pcie', guest: 'store 0x0; store 0x40; store 0x80', host: 'unmap-s2; reset flr' }));
    expect(check.result.verdict).toBe('safe');
    expect(check.result.writes).toEqual({ min: 0, max: 3 });
    // Without the unmap the guest keeps writing after the FLR: unsafe.
    expect(verdict({ platform: 'pcie', host: 'reset flr' })).toBe('unsafe');
    // An unmap after the reset comes too late.
    expect(verdict({ platform: 'pcie', host: 'reset flr; unmap-s2' })).toBe('unsafe');
  });

  it('dsb waits for the earlier writes of the PE it runs on: the guest\'s only with same-pe', () => {
    // Another PE: the host's DSB does not wait for the guest's buffer.
    expect(verdict({ options: 'guest-stops=yes', host: 'dsb; reset reg' })).toBe('unsafe');
    // Same PE: it does; complete = acknowledged = on the in-order path.
    expect(verdict({ options: 'same-pe=yes', host: 'dsb; reset reg' })).toBe('safe');
    // Same PE but the reset controller: acknowledged is not arrived.
    expect(verdict({ options: 'same-pe=yes', host: 'dsb; reset ctrl' })).toBe('unsafe');
    expect(verdict({ options: 'same-pe=yes early-ack=no', host: 'dsb; reset ctrl' })).toBe('safe');
  });

  it('read waits for its completion and, on an ordered path, pushes earlier writes', () => {
    expect(verdict({ host: 'unmap-s2; read 0x0; reset ctrl' })).toBe('safe');
    // Without the unmap the guest's stores may still sit in its buffer,
    // behind nothing: the read cannot push what is not on the path.
    expect(verdict({ options: 'guest-stops=yes', host: 'read 0x0; reset ctrl' })).toBe('unsafe');
    // After a guest DSB they are on the path, ahead of the read: safe.
    expect(verdict({ options: 'guest-stops=yes', guest: 'store 0x0; store 0x8; dsb', host: 'read 0x0; reset ctrl' })).toBe('safe');
  });

  it('reset reg on soc, with and without unmap', () => {
    expect(verdict({ host: 'unmap-s2; reset reg' })).toBe('safe');
    expect(verdict({ host: 'reset reg' })).toBe('unsafe');
    expect(verdict({ options: 'guest-stops=yes', host: 'reset reg' })).toBe('unsafe');
  });
});

describe('guest barriers under guest-stops (M-barrier-*, M-guest-stops)', () => {
  it('guest dsb: helps only a guest that stops', () => {
    const flr = { platform: 'pcie' as const, guest: 'store 0x0; store 0x8; dsb', host: 'reset flr' };
    // yes: every guest dsb is waited for before the host's first step.
    expect(verdict({ ...flr, options: 'guest-stops=yes' })).toBe('safe');
    // no: the guest keeps running and can store after the FLR.
    expect(verdict(flr)).toBe('unsafe');
    // early-ack=no with a stopping guest: its dsb waits for arrival, so
    // even the reset controller's separate path cannot win.
    expect(verdict({ guest: 'store 0x0; dsb', options: 'guest-stops=yes early-ack=no', host: 'reset ctrl' })).toBe('safe');
    expect(verdict({ guest: 'store 0x0; dsb', options: 'guest-stops=yes', host: 'reset ctrl' })).toBe('unsafe');
  });

  it('guest dmb: orders the guest\'s own writes, waits for nothing', () => {
    // Same PE: the guest's DMB makes its stores barrier-ordered-before the
    // host's later accesses to the same peripheral, so they arrive first
    // (B2.4.1.1, third clause). The host's reset-register write has such a
    // DMB of its own (writel, M-writel), so the guest's makes no difference there;
    // with write-order=no and a reset register written without one it would.
    expect(verdict({ options: 'same-pe=yes', guest: 'store 0x0; store 0x8; dmb', host: 'reset reg' })).toBe('safe');
    expect(verdict({ options: 'same-pe=yes', host: 'reset reg' })).toBe('safe');
    // Arrival order is per peripheral: the reset controller is another one.
    expect(verdict({ options: 'same-pe=yes', guest: 'store 0x0; store 0x8; dmb', host: 'reset ctrl' })).toBe('unsafe');
    // Another PE: a DMB waits for nothing, so the stores may still linger.
    expect(verdict({ options: 'guest-stops=yes', guest: 'store 0x0; store 0x8; dmb', host: 'reset reg' })).toBe('unsafe');
    expect(verdict({ guest: 'store 0x0; store 0x8; dmb', host: 'reset reg' })).toBe('unsafe');
  });

  it('same-pe implies guest-stops=yes; contradicting it explicitly is an error', () => {
    const check = checkScenario(scenario({ options: 'same-pe=yes', host: 'dsb; reset reg' }));
    expect(check.knobs['guest-stops']).toBe(true);
    expect(() => parseScenario(scenario({ options: 'same-pe=yes guest-stops=no' }))).toThrow(/same-pe=yes implies guest-stops=yes/);
    // Stating it is fine.
    expect(verdict({ options: 'same-pe=yes guest-stops=yes', host: 'dsb; reset reg' })).toBe('safe');
  });
});

describe('the property with no reset or several (M-property)', () => {
  it('no reset: nothing can arrive after one (safe, with a warning)', () => {
    const check = checkScenario(scenario({ host: 'unmap-s2' }));
    expect(check.result.verdict).toBe('safe');
    expect(check.warnings.join('\n')).toMatch(/never resets/);
    expect(checkScenario(scenario({ host: '' })).result.verdict).toBe('safe');
  });

  it('several resets: a guest write after any of them is the race', () => {
    // Chosen reading (M-property says "the reset"): the device was reset for a
    // reason the host relies on; a guest write landing after an earlier
    // reset is a race even if a later reset follows. Here the guest can
    // write after the first reset controller write took effect.
    expect(verdict({ host: 'reset ctrl; unmap-s2; read 0x0; reset ctrl' })).toBe('unsafe');
    // Both resets after a safe teardown: safe.
    expect(verdict({ host: 'unmap-s2; read 0x0; reset ctrl; reset ctrl' })).toBe('safe');
  });
});

describe('the scenario language', () => {
  it('ops span several lines: repeated directive, trailing ";", or an indented (folded) line', () => {
    const head = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\n';
    const expected = [
      { op: 'store', offset: 0 },
      { op: 'dmb' },
      { op: 'store', offset: 8 },
    ];
    expect(parseScenario(`${head}guest store 0x0\nguest dmb; store 0x8\n`).guest).toEqual(expected);
    expect(parseScenario(`${head}guest store 0x0;\n  dmb;\n  store 0x8 # c\n`).guest).toEqual(expected);
    expect(parseScenario(`${head}guest store 0x0\n      dmb; store 0x8\nhost unmap-s2\n      reset ctrl\n`)).toMatchObject({
      guest: expected,
      host: [{ op: 'unmap-s2' }, { op: 'reset', method: 'ctrl' }],
    });
    // An op at column 1 is not a continuation: it is an unknown directive.
    expect(() => parseScenario(`${head}guest store 0x0\nstore 0x8\n`, 'f.race')).toThrow("f.race:5:1: unknown directive 'store'");
  });

  it('errors name file:line:column', () => {
    const head = 'platform pcie\nguest-s1 Normal-NC\nguest-s2 Normal-NC\n';
    const error = (text: string): string => {
      try {
        parseScenario(text, 'e.race');
      } catch (e) {
        if (e instanceof ScenarioError) return e.message;
        throw e;
      }
      return 'no error';
    };
    expect(error(`${head}host reset ctrl`)).toBe("e.race:4:12: 'reset ctrl' needs platform soc; expected reset flr, reset reg or reset acpi on pcie");
    expect(error(`${head}frob x`)).toMatch(/^e\.race:4:1: unknown directive 'frob'/);
    expect(error(`${head}guest store 0x0; flush`)).toMatch(/^e\.race:4:18: unknown guest op 'flush'/);
    expect(error(`${head}host unmap-s2; wait`)).toMatch(/^e\.race:4:16: unknown host op 'wait'/);
    expect(error(`${head}option speed=yes`)).toMatch(/^e\.race:4:8: unknown knob 'speed'/);
    expect(error(`${head}option early-ack=maybe`)).toMatch(/^e\.race:4:18: expected yes or no/);
    expect(error(`${head}expect fine`)).toMatch(/^e\.race:4:8: expected safe or unsafe/);
    expect(error(`${head}fwb maybe`)).toMatch(/^e\.race:4:5: expected on or off/);
    expect(error('guest-s1 Normal-NC\nguest-s2 Normal-NC\n')).toMatch(/^e\.race:\d+:\d+: missing 'platform'/);
    expect(error('platform soc\nguest-s2 Normal-NC\n')).toMatch(/missing 'guest-s1'/);
    expect(error('platform soc\nguest-s1 Normal-NC\n')).toMatch(/missing 'guest-s2'/);
  });

  it('fwb defaults to off; expect gives expected/matches', () => {
    const check = checkScenario('platform soc\nguest-s1 Normal-WB\nguest-s2 0x5\nguest store 0\nhost unmap-s2; reset ctrl\nexpect safe\n');
    expect(check.scenario.fwb).toBe(false);
    // Without FWB, S1 WB x S2 Normal-NC (0x5) is Normal-NC.
    expect(check.guestType).toBe('Normal-NC');
    expect(check.expected).toBe<Verdict>('safe');
    expect(check.matches).toBe(false);
  });
});

describe('several vCPUs (M-agents, M-unmap-tlbi, M-unmap-dsb, M-host-dsb)', () => {
  const two = (guest1: string, setup: Setup): string => scenario(setup).replace(/^host /m, `guest1 ${guest1}\nhost `);
  const verdictOf = (text: string): string => checkScenario(text).result.verdict;

  it('the broadcast unmap covers every vCPU: PCIe unmap then FLR stays safe', () => {
    expect(verdictOf(two('store 0x40', { platform: 'pcie', host: 'unmap-s2; reset flr' }))).toBe('safe');
  });

  it('a host dsb with same-pe covers vCPU 0 only: a second vCPU turns safe into unsafe', () => {
    expect(verdict({ options: 'same-pe=yes', host: 'dsb; read 0x0; reset ctrl' })).toBe('safe');
    expect(verdictOf(two('store 0x40', { options: 'same-pe=yes', host: 'dsb; read 0x0; reset ctrl' }))).toBe('unsafe');
  });

  it('a guest dsb waits for its own vCPU only', () => {
    const guestDsb = { options: 'guest-stops=yes early-ack=no', guest: 'store 0x0; dsb', host: 'reset ctrl' };
    expect(verdict(guestDsb)).toBe('safe');
    expect(verdictOf(two('store 0x40', guestDsb))).toBe('unsafe');
    expect(verdictOf(two('store 0x40; dsb', guestDsb))).toBe('safe');
  });

  it("trace actors are the vCPUs' directive names", () => {
    const check = checkScenario(two('store 0x40', { guest: '', host: 'reset ctrl' }).replace(/^guest1 /m, 'guest\nguest1 '));
    expect(check.result.trace.map((s) => s.actor)).toContain('guest1');
    expect(check.result.trace.some((s) => s.actor === 'guest')).toBe(false);
    expect(check.result.trace.find((s) => s.actor === 'guest1')?.lane).toBe('guest1-pe');
  });
});

describe('cacheable types (M-cache-*, M-unmap-cleans)', () => {
  const wb = { platform: 'pcie' as const, fwb: true, s1: 'Normal-WB', s2: '0x6' };

  it('a dirty line may be evicted after the unmap and the FLR: unsafe with FWB, whose unmap does not clean', () => {
    const check = checkScenario(scenario({ ...wb, host: 'unmap-s2; reset flr' }));
    expect(check.result.verdict).toBe('unsafe');
    expect(check.result.trace.at(-1)?.event).toMatch(/write-back of store 0x0 after reset/);
    expect(check.result.trace.some((s) => s.actor === 'cache' && /evicts/.test(s.event))).toBe(true);
  });

  it('dc civac all; dsb before the reset makes it safe; dc civac of another line does not', () => {
    expect(verdict({ ...wb, host: 'unmap-s2; dc civac all; dsb; reset flr' })).toBe('safe');
    expect(verdict({ ...wb, host: 'unmap-s2; dc civac 0x40; dsb; reset flr' })).toBe('unsafe');
    // Without the unmap a store may dirty the line again after the clean.
    expect(verdict({ ...wb, host: 'dc civac all; dsb; reset flr' })).toBe('unsafe');
  });

  it('unmap-cleans: the unmap cleans after its DSB; the default follows FWB', () => {
    expect(verdict({ ...wb, options: 'unmap-cleans=yes', host: 'unmap-s2; reset flr' })).toBe('safe');
    expect(verdict({ platform: 'pcie', s1: 'Normal-WB', s2: 'Normal-WB', host: 'unmap-s2; reset flr' })).toBe('safe');
    expect(verdict({ platform: 'pcie', s1: 'Normal-WB', s2: 'Normal-WB', options: 'unmap-cleans=no', host: 'unmap-s2; reset flr' })).toBe('unsafe');
  });

  it('no barrier orders an eviction: a guest dsb before it exits does not help', () => {
    expect(verdict({ ...wb, options: 'guest-stops=yes', guest: 'store 0x0; dsb', host: 'unmap-s2; dsb; reset flr' })).toBe('unsafe');
  });
});

describe("Linux's barriers and the firmware reset (M-writel, M-reset-acpi, M-wb-xs)", () => {
  it('reset reg is writel(): its DMB orders the same PE\'s earlier stores before the reset write', () => {
    expect(verdict({ options: 'same-pe=yes', host: 'reset reg' })).toBe('safe');
    // Another PE's stores are not ordered by the host's DMB.
    expect(verdict({ options: 'guest-stops=yes', host: 'reset reg' })).toBe('unsafe');
  });

  it('reset acpi is a write on a separate path on either platform; a read-back first makes it safe', () => {
    for (const platform of ['pcie', 'soc'] as const) {
      expect(verdict({ platform, host: 'unmap-s2; reset acpi' })).toBe('unsafe');
      expect(verdict({ platform, host: 'unmap-s2; read 0x0; reset acpi' })).toBe('safe');
    }
  });

  it('program-order arrival needs the same XS: an XS=0 Device-nGnRE guest (MAIR 0x05) is not ordered with the host read', () => {
    const samePeRead = { options: 'same-pe=yes', host: 'read 0x0; reset ctrl' };
    expect(verdict({ ...samePeRead, s1: '0x04' })).toBe('safe');
    expect(verdict({ ...samePeRead, s1: '0x05' })).toBe('unsafe');
  });
});
