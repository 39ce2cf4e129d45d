/**
 * Ablation and repair against the explorer asked directly, on random
 * small scenarios (language/scenario-arbitrary.ts): each ablation variant
 * is built here again from the scenario and checked on its own; each fix
 * is checked on its own; and the host programs of every smaller number of
 * insertions, and of the fixes' own, are enumerated by brute force (every
 * choice of slots for the inserted ops, every filling of them), so that
 * no smaller fix exists and none of the smallest is missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario, type RaceCheck } from '../explore/check.ts';
import { ScenarioError } from '../language/errors.ts';
import { printScenario } from '../language/printer.ts';
import { multiVcpuScenario, withCleansCompleted } from '../language/scenario-arbitrary.ts';
import { resolveKnobs } from '../knobs.ts';
import { KNOB_NAMES, vcpuPrograms, VCPU_DIRECTIVES, type HostOp, type Scenario } from '../types.ts';
import { ablate, hostProgramText, repair } from './index.ts';

/** The scenario's text without its expect line, so that a variant's check has no expectation to miss. */
function textOf(scenario: Scenario): string {
  const { expect: _expect, ...rest } = scenario;
  return printScenario(rest);
}

function answer(scenario: Scenario): { verdict: string; depth?: number; error?: string } {
  try {
    const { result } = checkScenario(textOf(scenario));
    return { verdict: result.verdict, ...(result.verdict === 'unsafe' ? { depth: result.trace.length } : {}) };
  } catch (error) {
    if (error instanceof ScenarioError) return { verdict: 'refused', error: error.detail };
    throw error;
  }
}

const strip = ({ verdict, depth, error }: { verdict: string; depth?: number; error?: string }) => ({ verdict, depth, error });

describe('ablation agrees with running each variant directly', () => {
  it('for every op removed and every knob flipped', () => {
    fc.assert(
      fc.property(multiVcpuScenario(), (scenario) => {
        const check = checkScenario(textOf(scenario));
        const ablation = ablate(check);
        const expectedOps: string[] = [];
        scenario.host.forEach((op, i) => {
          if (op.op !== 'reset') expectedOps.push(`host:${i}`);
        });
        vcpuPrograms(scenario).forEach((ops, k) => ops.forEach((op, i) => op.op !== 'store' && expectedOps.push(`${VCPU_DIRECTIVES[k]}:${i}`)));
        expect(ablation.ops.map((v) => `${v.program}:${v.index}`)).toEqual(expectedOps);
        for (const v of ablation.ops) {
          const variant =
            v.program === 'host'
              ? { ...scenario, host: scenario.host.filter((_, i) => i !== v.index) }
              : { ...scenario, [v.program]: (scenario[v.program] ?? []).filter((_, i) => i !== v.index) };
          expect(strip(v)).toEqual(strip(answer(variant)));
        }
        const resolved = resolveKnobs(check.scenario);
        expect(ablation.knobs.map((v) => [v.knob, v.value])).toEqual(KNOB_NAMES.map((knob) => [knob, !resolved[knob]]));
        for (const v of ablation.knobs) {
          const pointless = (v.knob === 'config-order' && scenario.platform === 'soc') || (v.knob === 'unmap-cleans' && !check.model.cacheable);
          if (pointless) expect(v.verdict).toBe('refused');
          else expect(strip(v)).toEqual(strip(answer({ ...scenario, options: { ...scenario.options, [v.knob]: v.value } })));
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** Every distinct host program of `host` with `k` ops of `alphabet` inserted: each choice of k slots of n + k, each filling. */
function bruteForce(host: readonly HostOp[], alphabet: readonly HostOp[], k: number): Set<string> {
  const slots = host.length + k;
  const programs = new Set<string>();
  for (let mask = 0; mask < 1 << slots; mask += 1) {
    if (mask.toString(2).replaceAll('0', '').length !== k) continue;
    for (let fill = 0; fill < alphabet.length ** k; fill += 1) {
      const program: HostOp[] = [];
      let original = 0;
      let digits = fill;
      for (let slot = 0; slot < slots; slot += 1) {
        if (mask & (1 << slot)) {
          program.push(alphabet[digits % alphabet.length]!);
          digits = Math.floor(digits / alphabet.length);
        } else {
          program.push(host[original++]!);
        }
      }
      // At most one unmap-s2 in a program (repair.ts).
      if (program.filter((op) => op.op === 'unmap-s2').length <= 1) programs.add(hostProgramText(program));
    }
  }
  return programs;
}

function alphabetOf(check: RaceCheck): HostOp[] {
  const offsets = [...new Set(vcpuPrograms(check.scenario).flatMap((ops) => ops.flatMap((op) => (op.op === 'store' ? [op.offset] : []))))];
  const unmap: HostOp[] = check.scenario.host.some((op) => op.op === 'unmap-s2') ? [] : [{ op: 'unmap-s2' }];
  return [...unmap, { op: 'dsb' }, ...offsets.map((offset): HostOp => ({ op: 'read', offset })), ...(check.model.cacheable ? [{ op: 'dc-civac', offset: 'all' } as const] : [])];
}

/** Whether the scenario with this host program is SAFE; a program the language refuses (a clean with no DSB after it) is not. */
function safeWith(scenario: Scenario, host: string): boolean {
  try {
    return checkScenario(`${textOf({ ...scenario, host: [] })}${host === '' ? '' : `host ${host}\n`}`).result.verdict === 'safe';
  } catch (error) {
    if (error instanceof ScenarioError) return false;
    throw error;
  }
}

describe('repair', () => {
  /** Up to two stored offsets and a host program of at most two ops ending with a reset, so that most are unsafe and brute force stays small. */
  const small = multiVcpuScenario()
    .filter((s) => new Set(vcpuPrograms(s).flat().flatMap((op) => (op.op === 'store' ? [op.offset] : []))).size <= 2)
    .map((s): Scenario => {
      // One op before the reset; a clean keeps the dsb the language asks after it (M-cache-dc-civac).
      const ops = withCleansCompleted(s.host.filter((op) => op.op !== 'reset').slice(0, 1));
      return { ...s, host: [...ops, s.host.find((op) => op.op === 'reset') ?? { op: 'reset', method: s.platform === 'pcie' ? 'flr' : 'ctrl' }] };
    });

  it('reports only safe programs, every safe one of the smallest size, and no smaller one exists', () => {
    fc.assert(
      fc.property(small, (scenario) => {
        const check = checkScenario(textOf(scenario));
        const fix = repair(check, 2);
        expect(fix.stopped).toBeUndefined();
        if (check.result.verdict === 'safe') {
          expect(fix).toMatchObject({ size: 0, fixes: [], variantsChecked: 0 });
          return;
        }
        for (const program of fix.fixes) expect(safeWith(scenario, program)).toBe(true);
        const alphabet = alphabetOf(check);
        const last = fix.size ?? fix.maxOps;
        let count = 0;
        for (let k = 1; k <= last; k += 1) {
          const programs = bruteForce(scenario.host, alphabet, k);
          count += programs.size;
          const safe = [...programs].filter((program) => safeWith(scenario, program)).sort();
          expect(safe, `safe programs of ${k} inserted ops`).toEqual(k === fix.size ? fix.fixes : []);
        }
        expect(fix.variantsChecked).toBe(count);
      }),
      { numRuns: 40 },
    );
  });
});
