import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from './check.ts';
import { explore } from './explorer.ts';
import { buildModel } from '../model/build.ts';
import { printScenario } from '../language/printer.ts';
import { replay } from './replay.ts';
import { multiVcpuScenario, scenario, TYPES_BY_RESTRICTION } from '../language/scenario-arbitrary.ts';
import type { Scenario } from '../types.ts';

const verdictOf = (s: Scenario, reduction = true) => explore(buildModel(s), { reduction });

/** Enough for every scenario multiVcpuScenario() draws unreduced (the largest seen needs about 140,000 states). */
const UNREDUCED_BUDGET = 1_000_000;

const NC_SOC = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\n';

describe('explorer', () => {
  it('gives a shortest counterexample whose steps read on their own', () => {
    const { result } = checkScenario(`${NC_SOC}guest store 0x8\nhost unmap-s2; reset ctrl`);
    expect(result.verdict).toBe('unsafe');
    expect(result.trace.map((s) => `${s.actor}: ${s.event}`)).toEqual([
      'guest: store 0x8 enters the write buffer',
      "host: unmap-s2: TLBI of the guest's IPA range takes effect; later guest stores fault",
      'fabric: store 0x8 acknowledged at the interconnect',
      'host: DSB after the TLBI completes: every store that used the old translation is complete',
      'host: issues the write to the reset controller',
      'fabric: write to the reset controller acknowledged at the interconnect',
      'reset controller: asserts reset: the device is reset',
      'device: receives store 0x8 after reset',
    ]);
    expect(result.trace.map((s) => s.lane)).toEqual([
      'guest-pe', 'host-pe', 'interconnect', 'host-pe', 'host-pe', 'interconnect', 'reset-controller', 'device',
    ]);
    // What each step decided, as the golden corpus records it: the step's kind, its rule, its operands.
    expect(result.trace.map((s) => `${s.kind} ${s.rule} ${s.ref}`)).toEqual([
      'store M-agents guest:0:store',
      'tlbi M-unmap-tlbi host:0:tlbi',
      'accept M-ack-point accept:0:store:1',
      'tlbi-dsb M-unmap-dsb host:0:tlbi-dsb',
      'issue-reset M-reset-ctrl host:1:reset',
      'accept M-ack-host accept:1:ctrl:1',
      'reset M-reset-ctrl assert:1',
      'receive M-property deliver:0:store:1',
    ]);
  });

  it('names stores past the 32nd: 33 stores over two vCPUs, the last one arriving after the reset', () => {
    // vCPU 0's dsb waits for its 32 Device-nGnRnE stores to reach the device (guest-stops: before the host
    // starts); vCPU 1's one store, store 33, may linger in its buffer until after the reset.
    const first = Array.from({ length: 32 }, (_, i) => `store 0x${(8 * i).toString(16)}`).join('; ');
    const text = `platform soc\nguest-s1 Device-nGnRnE\nguest-s2 Normal-NC\noption guest-stops=yes\nguest ${first}; dsb\nguest1 store 0x1000\nhost reset ctrl\n`;
    for (const reduction of [true, false]) {
      const { result } = checkScenario(text, { reduction });
      expect(result.verdict).toBe('unsafe');
      expect(result.trace.at(-1)?.event).toBe('receives guest1 store 0x1000 after reset');
      expect(result.trace.at(-1)?.ref).toBe(`deliver:0:store:${2n ** 32n}`);
    }
  });

  it('reports progress and stops when cancelled, with an incomplete verdict', () => {
    const text = `${NC_SOC}guest store 0; store 8; store 16; store 24\nhost unmap-s2; read 0; reset ctrl`;
    const seen: number[] = [];
    const { result } = checkScenario(text, { progressEvery: 10, onProgress: (p) => seen.push(p.states), shouldStop: () => seen.length >= 2 });
    expect(seen.length).toBe(2);
    expect(result.verdict).toBe('incomplete');
    expect(result.stopped).toBe('cancelled');
    const aborted = new AbortController();
    aborted.abort();
    expect(checkScenario(text, { progressEvery: 1, signal: aborted.signal }).result.stopped).toBe('cancelled');
  });

  it('never stores more states than its budget, and never gives a wrong verdict when it stops', () => {
    fc.assert(
      fc.property(scenario(), fc.integer({ min: 1, max: 60 }), (s, budget) => {
        const full = verdictOf(s);
        const bounded = explore(buildModel(s), { budget });
        expect(bounded.stats.states).toBeLessThanOrEqual(budget);
        if (bounded.verdict !== 'incomplete') expect(bounded.verdict).toBe(full.verdict);
        if (bounded.verdict === 'incomplete') expect(bounded.stopped).toBe('budget');
      }),
      { numRuns: 150 },
    );
  });

  it('symmetry reduction keeps the verdict, the counterexample length and the write counts', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const on = verdictOf(s, true);
        const off = verdictOf(s, false);
        expect(on.verdict).toBe(off.verdict);
        expect(on.trace.length).toBe(off.trace.length);
        expect(on.writes).toEqual(off.writes);
        expect(on.stats.states).toBeLessThanOrEqual(off.stats.states);
      }),
      { numRuns: 150 },
    );
  });
});

describe('laws of the model', () => {
  it('a more restrictive guest memory type never turns safe into unsafe', () => {
    const ranked = fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(scenario(), ranked, (s, [weak, strong]) => {
        const weaker = verdictOf({ ...s, guestS1: TYPES_BY_RESTRICTION[weak] ?? 'Normal-NC' });
        const stronger = verdictOf({ ...s, guestS1: TYPES_BY_RESTRICTION[strong] ?? 'Normal-NC' });
        if (weaker.verdict === 'safe') expect(stronger.verdict).toBe('safe');
      }),
      { numRuns: 200 },
    );
  });

  it('adding unmap-s2 at the start of the host program never turns safe into unsafe', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        if (verdictOf(s).verdict === 'safe') expect(verdictOf({ ...s, host: [{ op: 'unmap-s2' }, ...s.host] }).verdict).toBe('safe');
      }),
      { numRuns: 200 },
    );
  });

  it('every counterexample replays step by step to a state where a guest write arrived after the reset', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const model = buildModel(s);
        const result = explore(model);
        if (result.verdict !== 'unsafe') return;
        const frames = replay(model, result.trace);
        expect(frames.length).toBe(result.trace.length + 1);
        expect(frames.slice(0, -1).some((f) => f.violation)).toBe(false);
        const last = frames[frames.length - 1];
        expect(last?.violation).toBe(true);
        expect(last?.view.deviceReset).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a scenario printed and parsed again checks the same', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        expect(checkScenario(printScenario(s)).result.verdict).toBe(verdictOf(s).verdict);
      }),
      { numRuns: 50 },
    );
  });
});

describe('reductions (M-reduce-symmetry, M-reduce-por)', () => {
  const family = (k: number, m: number): string => {
    const stores = Array.from({ length: m }, (_, i) => `store 0x${(i * 8).toString(16)}`).join('; ');
    const programs = ['guest', 'guest1', 'guest2', 'guest3'].slice(0, k).map((directive) => `${directive} ${stores}\n`);
    return `${NC_SOC}${programs.join('')}host unmap-s2; read 0x0; reset ctrl\n`;
  };

  it('the partial-order reduction cuts four vCPUs of four stores each to a tenth of the states, with the same answers', () => {
    const text = family(4, 4);
    const por = checkScenario(text).result;
    const symmetric = checkScenario(text, { partialOrder: false }).result;
    expect(por.partialOrder).toBe(true);
    expect([por.verdict, por.writes]).toEqual([symmetric.verdict, symmetric.writes]);
    expect(por.stats.states * 10).toBeLessThan(symmetric.stats.states);
  });

  it('the partial-order reduction alone keeps the answers on 300 random scenarios with several vCPUs', () => {
    fc.assert(
      fc.property(multiVcpuScenario(), (s) => {
        const model = buildModel(s);
        const por = explore(model);
        const symmetric = explore(model, { partialOrder: false });
        expect([por.verdict, por.trace.length, por.writes]).toEqual([symmetric.verdict, symmetric.trace.length, symmetric.writes]);
        expect(por.stats.states).toBeLessThanOrEqual(symmetric.stats.states);
      }),
      { numRuns: 300 },
    );
  });

  it('keep the verdict, the shortest counterexample length and the write counts on 600 random scenarios with several vCPUs and cacheable types', () => {
    fc.assert(
      fc.property(multiVcpuScenario(), (s) => {
        const model = buildModel(s);
        const on = explore(model, { reduction: true });
        // The unreduced run gets room to finish: one that stops at its budget reports no write counts to compare.
        const off = explore(model, { reduction: false, budget: UNREDUCED_BUDGET });
        expect(off.stopped).toBeUndefined();
        expect(on.verdict).toBe(off.verdict);
        expect(on.trace.length).toBe(off.trace.length);
        expect(on.writes).toEqual(off.writes);
        expect(on.stats.states).toBeLessThanOrEqual(off.stats.states);
        if (on.verdict === 'unsafe') expect(replay(model, on.trace).at(-1)?.violation).toBe(true);
      }),
      { numRuns: 600 },
    );
  }, 600_000);
});
