/**
 * `npm run archive`: builds each released model version's engine (see
 * RELEASES in src/engine/version.ts) into
 * public/engines/v<N>/engine.js, one ES module for the browser and Node
 * that exports what an EngineRelease names, with that version's shipped
 * scenario texts inside. The sources are the release commit's src/engine/
 * and scenarios/ (git archive), so the output depends only on the commit
 * and the locked esbuild: `--check` rebuilds in memory and fails when a
 * committed module differs.
 *
 * Usage: node scripts/release/archive-engine.ts [--check] [--version N]
 *        node scripts/release/archive-engine.ts --source DIR --version N --out FILE
 * The second form builds from a working directory holding src/engine/ and
 * scenarios/ instead of a commit (the end-to-end specs use it to make an
 * archived version that deliberately differs).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { archivePath, RELEASES } from '../../src/engine/version.ts';

/**
 * The entry of version 1's module, frozen: the paths of the commit it was
 * built from (the KVM engine from version 2 on). Rebuilding version 1
 * (`--check`) must give the committed module byte for byte, so this text
 * never follows the sources' later layout.
 */
function firstLayoutEntry(version: number, scenarios: Record<string, string>, kvm: boolean): string {
  const kvmExports = kvm ? `export { kvmDecide } from './src/engine/kvm/decide.ts';\nexport { kvmText } from './src/engine/format/kvm-text.ts';\n` : '';
  return `${kvmExports}import { combine } from './src/engine/attrs/combine.ts';
import { decodeS1 } from './src/engine/attrs/decode-s1.ts';
import { combineMatrix, matrixRows } from './src/engine/attrs/matrix.ts';
import { combineText } from './src/engine/format/combine-text.ts';
import { raceJson } from './src/engine/format/race-json.ts';
import { renderRaceText } from './src/engine/format/race-text.ts';
import { rstTable } from './src/engine/format/rst-table.ts';
import { textTable } from './src/engine/format/text-table.ts';
import { checkScenario } from './src/engine/race/check.ts';
import { parseScenario } from './src/engine/race/parser.ts';
import { printScenario } from './src/engine/race/printer.ts';
export const model = ${version};
export const scenarios = ${JSON.stringify(scenarios, null, 2)};
export const matrixText = (fwb) => { const { header, rows } = matrixRows(combineMatrix(fwb)); return textTable(header, rows); };
export const matrixRst = (fwb) => { const { header, rows } = matrixRows(combineMatrix(fwb)); return rstTable(header, rows); };
export { combine, decodeS1, combineText, checkScenario, renderRaceText, raceJson, parseScenario, printScenario };
`;
}

/**
 * The entry for a tree in today's layout: src/engine/release/current.ts
 * assembles the EngineRelease, so the entry names no internal path beyond it.
 */
function currentLayoutEntry(version: number, scenarios: Record<string, string>): string {
  return `import { currentRelease } from './src/engine/release/current.ts';
const release = currentRelease(${JSON.stringify(scenarios, null, 2)});
export const model = ${version};
export const { scenarios, combine, decodeS1, combineText, matrixText, matrixRst, checkScenario, renderRaceText, raceJson, parseScenario, printScenario, raceExplain, raceFix, kvmDecide, kvmText } = release;
`;
}

/** The entry that fits the tree in `dir`: today's layout when it has release/current.ts, else version 1's. */
function entry(dir: string, version: number, scenarios: Record<string, string>): string {
  if (existsSync(join(dir, 'src/engine/release/current.ts'))) return currentLayoutEntry(version, scenarios);
  return firstLayoutEntry(version, scenarios, existsSync(join(dir, 'src/engine/kvm/decide.ts')));
}

/** The sources of a commit (or of a working directory) in a fresh temporary directory. */
function sources(from: { commit: string } | { dir: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-archive-'));
  if ('commit' in from) {
    const tar = execFileSync('git', ['archive', '--format=tar', from.commit, 'src/engine', 'scenarios']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } else {
    cpSync(join(from.dir, 'src/engine'), join(dir, 'src/engine'), { recursive: true });
    cpSync(join(from.dir, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  }
  return dir;
}

async function archive(version: number, from: { commit: string } | { dir: string }): Promise<string> {
  const dir = sources(from);
  const origin = 'commit' in from ? `commit ${from.commit}` : `the working directory ${from.dir}`;
  try {
    const scenarioDir = join(dir, 'scenarios');
    const names = readdirSync(scenarioDir).filter((name) => name.endsWith('.race')).sort();
    const scenarios = Object.fromEntries(names.map((name) => [name.slice(0, -'.race'.length), readFileSync(join(scenarioDir, name), 'utf8')]));
    writeFileSync(join(dir, 'entry.js'), entry(dir, version, scenarios));
    const result = await build({
      entryPoints: [join(dir, 'entry.js')],
      absWorkingDir: dir,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      write: false,
      banner: {
        js: `// Model version ${version}: the combining and race engines and the shipped scenarios of ${origin}.\n// Generated by scripts/archive-engine.ts; do not edit.`,
      },
    });
    return result.outputFiles[0]!.text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const check = args.includes('--check');
const only = option('--version') === undefined ? undefined : Number(option('--version'));
const source = option('--source');
const out = option('--out');
if (source !== undefined) {
  if (only === undefined || out === undefined) throw new Error('--source needs --version N and --out FILE');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await archive(only, { dir: source }));
  process.exit(0);
}
let stale = 0;
for (const [key, commit] of Object.entries(RELEASES)) {
  const version = Number(key);
  if (only !== undefined && version !== only) continue;
  const path = join('public', archivePath(version));
  const code = await archive(version, { commit });
  if (check) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === code;
    console.log(`${path}: ${same ? 'matches' : 'DIFFERS from'} a rebuild from ${commit.slice(0, 12)}`);
    if (!same) stale += 1;
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
    console.log(`${path}: ${code.length} bytes from ${commit.slice(0, 12)}`);
  }
}
process.exitCode = stale === 0 ? 0 : 1;
