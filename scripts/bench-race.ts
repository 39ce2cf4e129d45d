/**
 * `npm run bench` (second half): the race engine's benchmark.
 *
 * 1. Every shipped scenario: median time over repeated runs (target < 10 ms).
 * 2. The scaling family: N guest stores to distinct offsets (N = 1..12),
 *    Normal-NC, soc, `unmap-s2; read 0x0; reset ctrl` and the same without
 *    `read`: states and median time with the symmetry reduction, and once
 *    without it (with a state budget; sizes past the first one that runs
 *    out are skipped, as they would only run out again). Target N = 8
 *    under 200 ms.
 * 3. Peak memory (resident set, from process.resourceUsage) (target < 500 MB).
 *    Each unreduced run happens in a child process of its own, so its peak
 *    is its own and not the garbage of the runs before it.
 *
 * Prints tables only; nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildModel, explore, parseScenario, type ExploreResult, type Model } from '../src/engine/race/index.ts';

const RUNS = 15;
const WARMUP = 5;
const UNREDUCED_BUDGET = 100_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median wall time of `runs` explorations after a warm-up, and the last result. */
function timed(model: Model, reduction: boolean, runs: number, budget?: number): { ms: number; result: ExploreResult } {
  const options = { reduction, ...(budget === undefined ? {} : { budget }) };
  for (let i = 0; i < WARMUP && runs > 1; i += 1) explore(model, options);
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
  const dir = new URL('../scenarios/', import.meta.url);
  const widths = [44, 10, 7, 10];
  console.log('Shipped scenarios (median of %d runs, symmetry reduction on)\n', RUNS);
  console.log(row(['scenario', 'verdict', 'states', 'median ms'], widths));
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.race')).sort()) {
    const model = buildModel(parseScenario(readFileSync(new URL(name, dir), 'utf8'), name));
    const { ms, result } = timed(model, true, RUNS);
    console.log(row([name.replace(/\.race$/, ''), result.verdict, result.stats.states, ms.toFixed(2)], widths));
  }
}

function familyText(n: number, read: boolean): string {
  const stores = Array.from({ length: n }, (_, i) => `store 0x${(i * 8).toString(16)}`).join('; ');
  return `platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest ${stores}\nhost unmap-s2; ${read ? 'read 0x0; ' : ''}reset ctrl\n`;
}

let childPeakMb = 0;

/** One unreduced run of the family in a fresh process: `node bench-race.ts --full N read|noread`. */
function fullRun(n: number, read: boolean): { states: string; ms: string } {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--full', String(n), read ? 'read' : 'noread'], { encoding: 'utf8' });
  const out = JSON.parse(child.stdout) as { states: number; stopped: boolean; ms: number; rssMb: number };
  childPeakMb = Math.max(childPeakMb, out.rssMb);
  return { states: out.stopped ? `>${UNREDUCED_BUDGET}` : String(out.states), ms: out.ms.toFixed(1) };
}

function family(read: boolean): void {
  const widths = [3, 9, 8, 10, 10, 10];
  console.log(`\nScaling family, host 'unmap-s2; ${read ? 'read 0x0; ' : ''}reset ctrl' (N stores, Normal-NC, soc)\n`);
  console.log(row(['N', 'verdict', 'states', 'ms', 'states', 'ms'], widths));
  console.log(row(['', '', 'reduced', '', 'full', ''], widths));
  let fullExhausted = false;
  for (let n = 1; n <= 12; n += 1) {
    const model = buildModel(parseScenario(familyText(n, read)));
    const reduced = timed(model, true, 5);
    let fullStates = 'skipped';
    let fullMs = '';
    if (!fullExhausted) {
      ({ states: fullStates, ms: fullMs } = fullRun(n, read));
      fullExhausted = fullStates.startsWith('>');
    }
    console.log(row([n, reduced.result.verdict, reduced.result.stats.states, reduced.ms.toFixed(1), fullStates, fullMs], widths));
  }
}

if (process.argv[2] === '--full') {
  const n = Number(process.argv[3]);
  const { ms, result } = timed(buildModel(parseScenario(familyText(n, process.argv[4] === 'read'))), false, 1, UNREDUCED_BUDGET);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ states: result.stats.states, stopped: result.stopped !== undefined, ms, rssMb }));
} else {
  shipped();
  family(true);
  family(false);
  const mainMb = process.resourceUsage().maxRSS / 1024;
  console.log(`\nPeak resident memory: ${mainMb.toFixed(0)} MB for the reduced runs, ${childPeakMb.toFixed(0)} MB for the largest`);
  console.log(`unreduced run (each in its own process, capped at ${UNREDUCED_BUDGET} states).`);
}
