/**
 * `npm run bench` (second half): the race engine's benchmark.
 *
 * 1. Every shipped scenario: median time over repeated runs (target < 16 ms).
 * 2. Family (a): N guest stores on one vCPU (N = 1..12), Normal-NC, soc,
 *    `unmap-s2; read 0x0; reset ctrl`.
 * 3. Family (b): K vCPUs x M stores each (K = 1..4, M = 1..8), Normal-NC,
 *    soc, `unmap-s2; read 0x0; reset ctrl`.
 * 4. Family (c): as (b) with a cacheable type (FWB, S1 Normal-WB, S2 0x6)
 *    and `dc civac all; dsb` before the reset.
 *    Targets: K=2 x M=8 and K=4 x M=4 each under 1 s.
 * 5. Family (d), the reach family: as (b) with different addresses per
 *    vCPU (vCPU k stores to 0x1000 k + 8 i), so that no two vCPUs are
 *    interchangeable. Target: K=4 x M=8 under 1 s (the command line, whole
 *    process), and at least five times the states per second of the engine
 *    of commit d574363 (before the explorer's hot path was rewritten):
 *    `reach` runs both side by side, each size in fresh processes of its
 *    own, and prints states, median times, states per second and their
 *    ratio.
 * Each family row gives states and time with every reduction (as `race`),
 * without the partial-order reduction (`race --no-por`) and without any
 * (`--no-reduction`); the two comparison runs happen in child processes
 * of their own, under a state budget, so that their peak memory is their
 * own, and sizes past the first one that runs out of budget are skipped.
 * 6. The targets again, each alone in a process with every reduction, with
 *    the peak memory of its first exploration (resident set, from
 *    process.resourceUsage; target < 300 MB), and the peak of all runs above.
 * 7. `explain`: `race --explain` and `race --fix` (up to 2 host ops) on
 *    every shipped scenario: the explanation or the fix search alone, as
 *    the command runs it (once, in a fresh process, after the check), and
 *    warm (median of 5 runs after a warm-up in this process); the whole
 *    command's wall time (`node src/cli/main.ts race FILE --explain`,
 *    process start included); then the median and the worst of each.
 *    Targets: --explain under 200 ms and --fix under 2 s as the command
 *    runs them.
 *
 * `node scripts/bench/race.ts b` (or a, c, d, reach, shipped, targets, explain) runs one part only.
 * Prints tables only; nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildModel, explore, MAX_GUEST_STORES, parseScenario, VCPU_DIRECTIVES, type ExploreOptions, type ExploreResult, type Model } from '../../src/engine/race/index.ts';
import { ablate, repair, whyOf } from '../../src/engine/race/explain/index.ts';
import { checkScenario } from '../../src/engine/race/explore/check.ts';
import { engineAt } from '../lib/engine-at.ts';

const RUNS = 15;
const WARMUP = 5;
/** States past which a comparison run (no POR, or no reduction) stops; larger sizes of that mode are skipped. */
const CHILD_BUDGET = 200_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall time of `runs` explorations after a warm-up, and the last result. */
function timed(model: Model, options: ExploreOptions, runs: number): { ms: number; result: ExploreResult } {
  for (let i = 0; i < Math.min(WARMUP, runs - 1); i += 1) explore(model, options);
  const times: number[] = [];
  let result = explore(model, options);
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    result = explore(model, options);
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const row = (cells: (string | number)[], widths: number[]): string =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0))).join('  ');

function shipped(): void {
  const dir = new URL('../../scenarios/', import.meta.url);
  const widths = [44, 8, 7, 10];
  console.log('Shipped scenarios (median of %d runs, reductions on; target < 16 ms)\n', RUNS);
  console.log(row(['scenario', 'verdict', 'states', 'median ms'], widths));
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.race')).sort()) {
    const model = buildModel(parseScenario(readFileSync(new URL(name, dir), 'utf8'), name));
    const { ms, result } = timed(model, {}, RUNS);
    console.log(row([name.replace(/\.race$/, ''), result.verdict, result.stats.states, ms.toFixed(2)], widths));
  }
}

type Family = 'a' | 'b' | 'c' | 'd';

/** The scenario of family (a) with N = m (k = 1), or (b)/(c)/(d) with k vCPUs of m stores each. */
function familyText(family: Family, k: number, m: number): string {
  const stores = (vcpu: number): string =>
    Array.from({ length: m }, (_, i) => `store 0x${((family === 'd' ? 0x1000 * vcpu : 0) + i * 8).toString(16)}`).join('; ');
  const programs = VCPU_DIRECTIVES.slice(0, k).map((directive, vcpu) => `${directive} ${stores(vcpu)}`);
  const type = family === 'c' ? ['fwb on', 'guest-s1 Normal-WB', 'guest-s2 0x6'] : ['guest-s1 Normal-NC', 'guest-s2 Normal-NC'];
  const clean = family === 'c' ? 'dc civac all; dsb; ' : '';
  return ['platform soc', ...type, ...programs, `host unmap-s2; read 0x0; ${clean}reset ctrl`, ''].join('\n');
}

let childPeakMb = 0;

/**
 * How a child process explores: with every reduction (as `race`), with the
 * symmetry reductions only (`race --no-por`), or with none (`--no-reduction`).
 */
type Mode = 'all' | 'symmetry' | 'none';
const MODE_OPTIONS: Record<Mode, { reduction: boolean; partialOrder: boolean }> = {
  all: { reduction: true, partialOrder: true },
  symmetry: { reduction: true, partialOrder: false },
  none: { reduction: false, partialOrder: false },
};

/** One comparison run in a fresh process: `node scripts/bench/race.ts --child <mode> <family> K M`. */
function childRun(mode: Mode, family: Family, k: number, m: number): { states: string; ms: string; rssMb: number } {
  const args = [fileURLToPath(import.meta.url), '--child', mode, family, String(k), String(m)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const out = JSON.parse(child.stdout) as { states: number; stopped: boolean; ms: number; rssMb: number };
  if (mode !== 'all') childPeakMb = Math.max(childPeakMb, out.rssMb);
  return { states: out.stopped ? `>${CHILD_BUDGET}` : String(out.states), ms: out.stopped ? '' : out.ms.toFixed(1), rssMb: out.rssMb };
}

/** The targets (K=2 x M=8 and K=4 x M=4 of (b) and (c), K=4 x M=8 of (d), under 1 s and 300 MB), each alone in a process with every reduction. */
function targets(): void {
  const widths = [26, 7, 9, 8];
  console.log('\nTargets, each in a process of its own, every reduction (median of 3 runs; peak resident memory of one exploration)\n');
  console.log(row(['family, size', 'states', 'ms', 'peak MB'], widths));
  const sizes: readonly (readonly [Family, number, number])[] = [
    ['b', 2, 8], ['b', 4, 4], ['c', 2, 8], ['c', 4, 4], ['d', 4, 8],
  ];
  for (const [which, k, m] of sizes) {
    const out = childRun('all', which, k, m);
    console.log(row([`(${which}) K=${k} x M=${m}`, out.states, out.ms, out.rssMb.toFixed(0)], widths));
  }
}

/** The commit whose engine the reach family is compared with: the last one before the explorer's hot path was rewritten. */
const BASELINE = 'd574363';
const REACH_SIZES = [[4, 4], [4, 5], [4, 6], [4, 7], [4, 8]] as const;

interface ReachRun {
  readonly states?: number;
  readonly ms?: number;
  /** Why the engine gave no answer (a store limit of the older engine). */
  readonly refused?: string;
  readonly rssMb: number;
}

/** One engine (the src/engine/ directory `engine`) on the reach family's K x M in a fresh process: after a warm-up, the median of 3 explorations. */
function reachRun(engine: string, k: number, m: number): ReachRun {
  const args = [fileURLToPath(import.meta.url), '--reach-child', engine, String(k), String(m)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`reach child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ReachRun;
}

/** The reach family, today's engine beside the baseline's, each size of each in processes of their own, one after the other. */
function reach(): void {
  const widths = [2, 2, 8, 9, 11, 9, 11, 7];
  console.log(`\nFamily (d) side by side: the engine of ${BASELINE} (before) and the sources (after), every reduction, median of 3 runs after a warm-up\n`);
  console.log(row(['K', 'M', 'states', 'before ms', 'states/s', 'after ms', 'states/s', 'ratio'], widths));
  const baseline = engineAt(BASELINE);
  const current = join(dirname(fileURLToPath(import.meta.url)), '../../src/engine');
  try {
    for (const [k, m] of REACH_SIZES) {
      const before = reachRun(baseline, k, m);
      const after = reachRun(current, k, m);
      const rate = (run: ReachRun): number => ((run.states ?? 0) * 1000) / (run.ms ?? Infinity);
      const cells = (run: ReachRun): string[] => (run.refused === undefined ? [run.ms!.toFixed(0), rate(run).toFixed(0)] : [run.refused, '']);
      const ratio = before.refused === undefined ? `${(rate(after) / rate(before)).toFixed(1)}x` : '';
      console.log(row([k, m, after.states ?? '', ...cells(before), ...cells(after), ratio], widths));
    }
  } finally {
    rmSync(join(baseline, '../..'), { recursive: true, force: true });
  }
}

function family(which: Family): void {
  const widths = [2, 2, 7, 7, 8, 9, 9, 9, 9];
  const what = {
    a: '(a) N stores, one vCPU, Normal-NC',
    b: '(b) K vCPUs x M stores, Normal-NC',
    c: '(c) K vCPUs x M stores, Normal-WB (FWB, S2 0x6), dc civac all; dsb before the reset',
    d: '(d) K vCPUs x M stores, Normal-NC, vCPU k storing to 0x1000 k + 8 i',
  }[which];
  console.log(`\nFamily ${what}, soc, host 'unmap-s2; read 0x0; ${which === 'c' ? 'dc civac all; dsb; ' : ''}reset ctrl'\n`);
  console.log(row(['K', 'M', 'verdict', 'states', 'ms', 'states', 'ms', 'states', 'ms'], widths));
  console.log(row(['', '', '', 'all', '', 'no POR', '', 'none', ''], widths));
  const sizes = which === 'a' ? Array.from({ length: 12 }, (_, i) => [1, i + 1] as const) : [1, 2, 3, 4].flatMap((k) => Array.from({ length: 8 }, (_, i) => [k, i + 1] as const));
  const exhaustedAt: Record<'symmetry' | 'none', number> = { symmetry: Infinity, none: Infinity };
  for (const [k, m] of sizes) {
    if (m === 1) [exhaustedAt.symmetry, exhaustedAt.none] = [Infinity, Infinity];
    if (k * m > MAX_GUEST_STORES) {
      console.log(row([k, m, 'skipped', `> ${MAX_GUEST_STORES} stores`], widths));
      continue;
    }
    const model = buildModel(parseScenario(familyText(which, k, m)));
    const reduced = timed(model, {}, 3);
    const cells = (['symmetry', 'none'] as const).flatMap((mode) => {
      if (m >= exhaustedAt[mode]) return ['skipped', ''];
      const out = childRun(mode, which, k, m);
      if (out.states.startsWith('>')) exhaustedAt[mode] = m;
      return [out.states, out.ms];
    });
    console.log(row([k, m, reduced.result.verdict, reduced.result.stats.states, reduced.ms.toFixed(1), ...cells], widths));
  }
}

type Analysis = 'explain' | 'fix';

/** The analysis alone, as the command runs it after the check: ablation with its sentences, or the fix search of up to 2 host ops. */
function analyse(what: Analysis, check: ReturnType<typeof checkScenario>): void {
  if (what === 'explain') whyOf(check, ablate(check));
  else repair(check, 2);
}

/** One analysis in a fresh process, once, as `race --explain` or `race --fix` runs it: `node scripts/bench/race.ts --explain-child explain|fix FILE`. */
function coldRun(what: Analysis, file: string): number {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--explain-child', what, file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`explain child failed: ${child.stderr}`);
  return (JSON.parse(child.stdout) as { ms: number }).ms;
}

/** Wall time of the whole command, process start included. */
function commandRun(file: string, flag: '--explain' | '--fix'): number {
  const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const start = performance.now();
  const child = spawnSync(process.execPath, [cli, 'race', file, flag, '--json'], { encoding: 'utf8' });
  if (child.status !== 0 && child.status !== 1) throw new Error(`race ${flag} failed: ${child.stderr}`);
  return performance.now() - start;
}

function explainPart(): void {
  const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
  const widths = [44, 7, 8, 8, 9, 7, 8, 9, 9];
  console.log('\nrace --explain and race --fix (up to 2 host ops) on every shipped scenario; ms\n');
  console.log(row(['scenario', 'explain', 'warm', 'command', 'fix', 'size', 'warm', 'command', 'programs'], widths));
  const columns: number[][] = [[], [], [], [], [], []];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.race')).sort()) {
    const file = join(dir, name);
    const check = checkScenario(readFileSync(file, 'utf8'), { file: name });
    const warm = (what: Analysis): number => {
      analyse(what, check);
      const times = Array.from({ length: 5 }, () => {
        const start = performance.now();
        analyse(what, check);
        return performance.now() - start;
      });
      return median(times);
    };
    const fix = repair(check, 2);
    const cells = [coldRun('explain', file), warm('explain'), commandRun(file, '--explain'), coldRun('fix', file), warm('fix'), commandRun(file, '--fix')];
    cells.forEach((ms, i) => columns[i]!.push(ms));
    const [explainCold, explainWarm, explainCommand, fixCold, fixWarm, fixCommand] = cells.map((ms) => ms.toFixed(1));
    console.log(row([name.replace(/\.race$/, ''), explainCold!, explainWarm!, explainCommand!, fixCold!, String(fix.size), fixWarm!, fixCommand!, fix.variantsChecked], widths));
  }
  const summary = (label: string, pick: (values: number[]) => number): void => {
    const [a, b, c, d, e, f] = columns.map((values) => pick(values).toFixed(1));
    console.log(row([label, a!, b!, c!, d!, '', e!, f!, ''], widths));
  };
  summary('median', median);
  summary('worst', (values) => Math.max(...values));
  console.log('\nexplain, fix: once in a fresh process after the check, as the command runs them (targets < 200 ms and < 2,000 ms);');
  console.log('warm: median of 5 in this process; command: node src/cli/main.ts race FILE --explain|--fix --json, process start included.');
}

if (process.argv[2] === '--explain-child') {
  const [what, file] = [process.argv[3] as Analysis, process.argv[4] ?? ''];
  const check = checkScenario(readFileSync(file, 'utf8'), { file });
  const start = performance.now();
  analyse(what, check);
  console.log(JSON.stringify({ ms: performance.now() - start }));
} else if (process.argv[2] === '--reach-child') {
  const [engine, k, m] = [process.argv[3] ?? '', Number(process.argv[4]), Number(process.argv[5])];
  const race = (await import(pathToFileURL(join(engine, 'race/index.ts')).href)) as typeof import('../../src/engine/race/index.ts');
  const text = familyText('d', k, m);
  const stores = k * m;
  if (stores > race.MAX_GUEST_STORES) {
    console.log(JSON.stringify({ refused: `> ${race.MAX_GUEST_STORES} stores`, rssMb: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const model = race.buildModel(race.parseScenario(text));
    const times: number[] = [];
    let states = 0;
    for (let run = 0; run < 4; run += 1) {
      const start = performance.now();
      const result = race.explore(model, { budget: 10_000_000 });
      if (run > 0) times.push(performance.now() - start);
      states = result.stats.states;
    }
    console.log(JSON.stringify({ states, ms: median(times), rssMb: process.resourceUsage().maxRSS / 1024 }));
  }
} else if (process.argv[2] === '--child') {
  const [mode, which, k, m] = [process.argv[3] as Mode, process.argv[4] as Family, Number(process.argv[5]), Number(process.argv[6])];
  const model = buildModel(parseScenario(familyText(which, k, m)));
  const options = { ...MODE_OPTIONS[mode], budget: CHILD_BUDGET };
  const runs = mode === 'all' ? 3 : 1;
  // The peak of one exploration, before more runs add their garbage to the heap.
  if (runs > 1) explore(model, options);
  const firstMb = process.resourceUsage().maxRSS / 1024;
  const { ms, result } = timed(model, options, runs);
  const rssMb = runs > 1 ? firstMb : process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ states: result.stats.states, stopped: result.stopped !== undefined, ms, rssMb }));
} else {
  const parts = process.argv.slice(2);
  const run = (part: string): boolean => parts.length === 0 || parts.includes(part);
  if (run('shipped')) shipped();
  for (const which of ['a', 'b', 'c', 'd'] as const) if (run(which)) family(which);
  if (run('reach')) reach();
  if (run('targets')) targets();
  if (run('explain')) explainPart();
  const mainMb = process.resourceUsage().maxRSS / 1024;
  console.log(`\nPeak resident memory: ${mainMb.toFixed(0)} MB for this process (every run with every reduction above, one after another).`);
  if (childPeakMb > 0) console.log(`The largest comparison run (each in its own process, capped at ${CHILD_BUDGET} states): ${childPeakMb.toFixed(0)} MB.`);
}
