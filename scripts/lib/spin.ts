/**
 * Runs SPIN on an exported Promela model, as the model's header tells a
 * reader to: `spin -a`, `cc -DSAFETY pan.c`, `./pan -c0` (search on past
 * violations, so the state count is the whole reachable graph). Shared by
 * the cross-check (scripts/check/spin-check.ts) and the benchmark (scripts/bench/promela.ts).
 *
 * Anything but a clean run is an error: SPIN rejecting the model, the C
 * compiler failing, or pan reporting any error other than our assertion
 * (an invalid end state, an array index out of range, a search depth too
 * small, running out of memory). Never a silent pass.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpinRun {
  readonly verdict: 'safe' | 'unsafe';
  /** pan's "states, stored". */
  readonly states: number;
  /** Milliseconds of pan's search (the -c0 run) alone, and of spin -a plus the compiler. */
  readonly searchMs: number;
  readonly buildMs: number;
}

export class SpinError extends Error {
  override readonly name = 'SpinError';
}

export interface SpinOptions {
  /** C optimisation level for pan.c: 0 builds fastest (the cross-check), 2 as the model's header says (the benchmark). */
  readonly optimise?: 0 | 2;
  /** log2 of pan's hash table slots (-w); small models need few. */
  readonly hashBits?: number;
}

function run(file: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new SpinError(`${file} ${args.join(' ')} failed: ${(stderr || stdout || error.message).trim().split('\n').slice(0, 5).join(' | ')}`));
      else resolve(stdout + stderr);
    });
  });
}

interface PanReport {
  readonly errors: number;
  readonly states: number;
  /** The first error pan reports ("assertion violated ..."), when there is one. */
  readonly first?: string;
}

/** Reads pan's summary; throws when the search did not complete. */
export function readPanOutput(output: string): PanReport {
  const errors = /errors: (\d+)/.exec(output);
  const stored = /(\d+) states, stored/.exec(output);
  if (!errors || !stored) throw new SpinError(`pan printed no summary: ${output.slice(0, 300)}`);
  const incomplete = output.split('\n').find((line) => /max search depth too small|out of memory|Search not completed/.test(line));
  if (incomplete !== undefined) throw new SpinError(`pan: ${incomplete.trim()}`);
  const first = /^pan:\d+: (.*)$/m.exec(output)?.[1];
  return { errors: Number(errors[1]), states: Number(stored[1]), ...(first === undefined ? {} : { first }) };
}

/**
 * The verdict from two searches: \`-c0\` counts every error and stores the
 * whole graph; when it found errors, \`-A\` (assertions off) must find none,
 * so that every error was our assertion and not a broken model.
 */
async function search(dir: string, hashBits: number): Promise<{ verdict: 'safe' | 'unsafe'; states: number; searchMs: number }> {
  const started = performance.now();
  const all = readPanOutput(await run('./pan', ['-c0', `-w${hashBits}`], dir));
  const searchMs = performance.now() - started;
  if (all.errors === 0) return { verdict: 'safe', states: all.states, searchMs };
  if (!all.first?.startsWith('assertion violated')) throw new SpinError(`pan: ${all.first ?? 'an error other than the assertion'}`);
  const others = readPanOutput(await run('./pan', ['-A', '-c0', `-w${hashBits}`], dir));
  if (others.errors > 0) throw new SpinError(`pan: ${others.first ?? 'an error other than the assertion'}`);
  if (others.states !== all.states) throw new SpinError(`pan stored ${all.states} states with assertions, ${others.states} without`);
  return { verdict: 'unsafe', states: all.states, searchMs };
}

export async function runSpin(model: string, options: SpinOptions = {}): Promise<SpinRun> {
  const dir = await mkdtemp(join(tmpdir(), 'race-spin-'));
  try {
    await writeFile(join(dir, 'model.pml'), model);
    const built = performance.now();
    const spin = await run('spin', ['-a', 'model.pml'], dir);
    if (/error/i.test(spin)) throw new SpinError(`spin rejected the model: ${spin.trim().split('\n').slice(0, 5).join(' | ')}`);
    await run('cc', [`-O${options.optimise ?? 0}`, '-DSAFETY', '-o', 'pan', 'pan.c'], dir);
    const buildMs = performance.now() - built;
    return { ...(await search(dir, options.hashBits ?? 18)), buildMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
