/**
 * `npm run bench` (first half): the whole combine input space, 256 S1 bytes
 * x 4 S1 SH x 16 S2 MemAttr x 4 S2 SH x FWB off/on = 131072 combinations,
 * through the library and through `combine --stdin` as a whole child
 * process (target: under 0.5 s on a 2-core machine).
 * Prints a small table; asserts nothing (timings belong here, not in tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combine } from '../../src/engine/attrs/index.ts';
import type { CombineInput, ShEncoding } from '../../src/engine/attrs/index.ts';
import { textTable } from '../../src/engine/format/text-table.ts';

const RUNS = 5;
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

const inputs: CombineInput[] = [];
const shs: readonly ShEncoding[] = [0, 1, 2, 3];
for (const fwb of [false, true])
  for (let s1 = 0; s1 < 256; s1++) for (const s1sh of shs) for (let s2 = 0; s2 < 16; s2++) for (const s2sh of shs) inputs.push({ s1, s2, fwb, s1sh, s2sh });
const stdin =
  inputs.map((i) => JSON.stringify({ s1: `0x${i.s1.toString(16).padStart(2, '0')}`, s2: `0x${i.s2.toString(16)}`, fwb: i.fwb, s1sh: i.s1sh, s2sh: i.s2sh })).join('\n') + '\n';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

// The library: the first pass fills the per-(s1, s2, fwb) caches, later passes are warm.
const libraryFirst = time(() => inputs.forEach((i) => combine(i)));
const libraryWarm = median(Array.from({ length: RUNS }, () => time(() => inputs.forEach((i) => combine(i)))));

function processRun(env: NodeJS.ProcessEnv, flags: readonly string[] = []): number {
  let status: number | null = null;
  const ms = time(() => {
    status = spawnSync(process.execPath, [...flags, cli, 'combine', '--stdin'], { input: stdin, env, maxBuffer: 1 << 26, stdio: ['pipe', 'ignore', 'inherit'] }).status;
  });
  if (status !== 0) throw new Error(`combine --stdin exited with ${String(status)}`);
  return ms;
}

const plain = median(Array.from({ length: RUNS }, () => processRun(process.env)));
// Node's compile cache keeps the type-stripped sources between runs (most
// of the start-up time is stripping types), and a larger young generation
// spares the batch most of its scavenges: the `cli` npm script runs with both.
const cacheDir = mkdtempSync(join(tmpdir(), 'bench-combine-'));
const cachedEnv = { ...process.env, NODE_COMPILE_CACHE: cacheDir };
processRun(cachedEnv);
const cached = median(Array.from({ length: RUNS }, () => processRun(cachedEnv)));
const asScript = median(Array.from({ length: RUNS }, () => processRun(cachedEnv, ['--max-semi-space-size=32'])));
rmSync(cacheDir, { recursive: true, force: true });
const startup = median(
  Array.from({ length: RUNS }, () => time(() => spawnSync(process.execPath, [cli, 'combine', '--stdin'], { input: '', stdio: ['pipe', 'ignore', 'inherit'] }))),
);

const ms = (value: number): string => `${value.toFixed(0)} ms`;
process.stdout.write(`combine: ${inputs.length} inputs, median of ${RUNS} runs\n\n`);
process.stdout.write(
  textTable(
    ['path', 'time'],
    [
      ['library, first pass (cold caches)', ms(libraryFirst)],
      ['library, warm', ms(libraryWarm)],
      ['combine --stdin, whole process', ms(plain)],
      ['  of which process start, empty input', ms(startup)],
      ['combine --stdin with NODE_COMPILE_CACHE', ms(cached)],
      ['  and --max-semi-space-size=32 (npm run cli)', ms(asScript)],
    ],
  ),
);
