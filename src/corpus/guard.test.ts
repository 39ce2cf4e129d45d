/**
 * The guard that cannot be forgotten: `npm test` runs this, and it fails
 * when any answer of the current sources differs from the corpus of the
 * current MODEL_VERSION (corpus/v<N>.json), naming the first differing
 * input; archived engines are held to their own corpora and to a
 * byte-for-byte rebuild from their commits.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRelease } from '../cli/load-release.ts';
import { MODEL_VERSION, RELEASES } from '../engine/version.ts';
import { firstDifference } from './compare.ts';
import { readCorpus } from './files.ts';
import { recordCorpus } from './record.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('golden corpus', () => {
  it(`the current engines and scenarios answer exactly as corpus/v${MODEL_VERSION}.json records`, async () => {
    const recorded = readCorpus(MODEL_VERSION);
    expect(recorded, `corpus/v${MODEL_VERSION}.json is missing: run npm run corpus -- --update`).toBeDefined();
    const difference = firstDifference(recorded!, recordCorpus(await loadRelease(MODEL_VERSION)));
    expect(difference, `${difference}: results changed; raise MODEL_VERSION (unless unreleased), add a CHANGES entry, then npm run corpus -- --update`).toBeUndefined();
  }, 60_000);

  it.each(Object.keys(RELEASES).map(Number))('archived model version %i still answers as its corpus records', async (version) => {
    const recorded = readCorpus(version);
    expect(recorded).toBeDefined();
    expect(firstDifference(recorded!, recordCorpus(await loadRelease(version)))).toBeUndefined();
  }, 60_000);

  it('each archived engine module is exactly what its commit builds (npm run archive -- --check)', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/release/archive-engine.ts'), '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).not.toMatch(/DIFFERS/);
    expect(run.status).toBe(0);
  }, 60_000);
});

describe('the guard fails when one engine rule changes', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A temporary copy of src/engine/ with one edit, checked by the corpus script against the current corpus. */
  function guardWith(file: string, from: RegExp, to: string): { status: number | null; stderr: string } {
    const dir = mkdtempSync(join(tmpdir(), 'engine-mutant-'));
    copies.push(dir);
    const engine = join(dir, 'engine');
    cpSync(join(root, 'src/engine'), engine, { recursive: true });
    const path = join(engine, file);
    const source = readFileSync(path, 'utf8');
    expect(source, `the rule to change is no longer in ${file}`).toMatch(from);
    writeFileSync(path, source.replace(from, to));
    const run = spawnSync(process.execPath, [join(root, 'scripts/release/corpus.ts'), '--engine', engine], { cwd: root, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  }

  it('stage 2 Device deciding as if stage 1 had (combine.ts) is caught, naming the first differing inputs', () => {
    const run = guardWith('attrs/combine.ts', /RULES\['s2-device'\], decidedBy: 's2'/, "RULES['s2-device'], decidedBy: 's1'");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^corpus/v${MODEL_VERSION}\\.json: combine: .*first differing input among fwb=off cd=off s1=0x[0-9a-f]{2} s1sh=[0-3]`));
    expect(run.stderr).toMatch(/raise MODEL_VERSION/);
  }, 60_000);

  it('rewording a race step (describe.ts) is not a model change: the corpus records what a step decides', () => {
    const run = guardWith('race/model/describe.ts', /`store \$\{offset\} enters the write buffer`/, '`store ${offset} goes into the write buffer`');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);

  it('guest stores always completing at the device (ack-point.ts) is caught, naming the scenario', () => {
    const run = guardWith('race/model/ack-point.ts', /(export function completionOfGuestStores\([^)]*\): CompletionPoint \{)/, "$1\n  return 'target';");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^corpus/v${MODEL_VERSION}\\.json: scenario [a-z0-9-]+: `));
  }, 60_000);
});
