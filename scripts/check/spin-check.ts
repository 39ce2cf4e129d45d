/**
 * `npm test` step: SPIN cross-checks the race engine. Every shipped
 * scenario (with and without the reductions) and a fixed sample of random
 * scenarios (fast-check, fixed seed; several vCPUs and cacheable types
 * included; reductions on and off alternately) is exported with `toPromela`, run through spin -a, cc and
 * pan, and compared with our explorer:
 * - the verdicts must agree (an assertion violation iff unsafe), ours with
 *   and without the partial-order reduction (M-reduce-por);
 * - pan's stored states must relate to our explored states (without the
 *   partial-order reduction, which the exported model does not apply) in the same
 *   mode as the exported model's header states (stateRelation): equal, or
 *   at least as many where our reduction permutes identical vCPUs.
 * Any disagreement, and any model SPIN or the compiler rejects, fails the
 * step and prints the scenario text. Two SPIN runs at a time (2 cores).
 *
 * Usage: node scripts/check/spin-check.ts [--random N] [--seed S]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { buildModel, explore, parseScenario, printScenario, type Scenario } from '../../src/engine/race/index.ts';
import { stateRelation, toPromela } from '../../src/engine/race/promela/index.ts';
import { multiVcpuScenario, scenario as oneVcpuScenario } from '../../src/engine/race/language/scenario-arbitrary.ts';
import { runSpin } from '../lib/spin.ts';

const SEED = 20261201;
/** States past which a case is not run unreduced: SPIN's search would dominate the step's time. */
const UNREDUCED_BUDGET = 50_000;

interface Case {
  readonly name: string;
  readonly scenario: Scenario;
  readonly reduction: boolean;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
}

function shippedCases(): Case[] {
  const dir = new URL('../../scenarios/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.race'))
    .sort()
    .flatMap((name) => {
      const scenario = parseScenario(readFileSync(new URL(name, dir), 'utf8'), name);
      return [true, false].map((reduction) => ({ name, scenario, reduction }));
    });
}

/**
 * Two thirds with one to three vCPUs, uncached, Device and cacheable types
 * and every host op; one third with one vCPU over every Device type.
 */
function randomCases(count: number, seed: number): Case[] {
  const several = Math.round((count * 2) / 3);
  const scenarios = [
    ...fc.sample(multiVcpuScenario(), { seed, numRuns: several }),
    ...fc.sample(oneVcpuScenario(), { seed: seed + 1, numRuns: count - several }),
  ];
  return scenarios.map((scenario, i) => ({ name: `random #${i}`, scenario, reduction: i % 2 === 0 }));
}

/** The disagreement, if any, as one line; undefined when SPIN and we agree, or the case is skipped. */
async function check(c: Case): Promise<string | 'skipped' | undefined> {
  const model = buildModel(c.scenario);
  // States are compared without the partial-order reduction (the exported model has none); verdicts with it too.
  const ours = explore(model, { reduction: c.reduction, partialOrder: false, budget: UNREDUCED_BUDGET });
  if (ours.verdict === 'incomplete') return 'skipped';
  const spin = await runSpin(toPromela(c.scenario, { reduction: c.reduction }));
  const problems: string[] = [];
  if (spin.verdict !== ours.verdict) problems.push(`verdict: ours ${ours.verdict}, SPIN ${spin.verdict}`);
  if (c.reduction) {
    const reduced = explore(model, { reduction: true });
    if (reduced.verdict !== spin.verdict) problems.push(`verdict with M-reduce-por: ours ${reduced.verdict}, SPIN ${spin.verdict}`);
  }
  const relation = stateRelation(c.scenario, { reduction: c.reduction });
  if (relation === 'equal' ? spin.states !== ours.stats.states : spin.states < ours.stats.states) {
    problems.push(`states: ours ${ours.stats.states}, SPIN ${spin.states} (expected ${relation === 'equal' ? 'equal' : 'at least ours'})`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

async function main(): Promise<number> {
  const cases = [...shippedCases(), ...randomCases(option('--random', 300), option('--seed', SEED))];
  const started = performance.now();
  let failed = 0;
  let skipped = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++];
      if (!c) return;
      const mode = c.reduction ? 'reduced' : 'unreduced';
      let problem: string | undefined;
      try {
        const outcome = await check(c);
        if (outcome === 'skipped') skipped += 1;
        else problem = outcome;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (problem === undefined) continue;
      failed += 1;
      console.error(`FAIL ${c.name} (${mode}): ${problem}\n${printScenario(c.scenario).replace(/^/gm, '    ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`SPIN cross-check: ${cases.length - failed - skipped} agree, ${failed} disagree, ${skipped} skipped (over ${UNREDUCED_BUDGET} states unreduced), ${seconds} s`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
