/**
 * `npm run corpus`: the golden corpus (src/corpus/record.ts) against the
 * engines. Without options it checks every model version: the current
 * sources against corpus/v<MODEL_VERSION>.json and each archived engine
 * (public/engines/) against its own corpus; exit 1 and one line naming the
 * first differing input when any differs.
 *
 *   --update       rewrite the current version's corpus from the sources
 *                  (and write any archived version's corpus that is missing)
 *   --engine DIR   check the current version with the engine in DIR (a
 *                  copy of src/engine/), as the guard's own test does
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { firstDifference } from '../../src/corpus/compare.ts';
import { GUARD_ADVICE, readCorpus, writeCorpus } from '../../src/corpus/files.ts';
import { recordCorpus } from '../../src/corpus/record.ts';
import { currentScenarios, loadRelease } from '../../src/cli/load-release.ts';
import type { EngineRelease } from '../../src/engine/release/release.ts';
import { KNOWN_VERSIONS, MODEL_VERSION } from '../../src/engine/version.ts';

const args = process.argv.slice(2);
const update = args.includes('--update');
const engineDir = args.includes('--engine') ? args[args.indexOf('--engine') + 1] : undefined;

async function release(version: number): Promise<EngineRelease> {
  if (version !== MODEL_VERSION || engineDir === undefined) return loadRelease(version);
  const module = (await import(pathToFileURL(resolve(engineDir, 'release/current.ts')).href)) as { currentRelease: (s: Record<string, string>) => EngineRelease };
  return module.currentRelease(currentScenarios());
}

let failed = 0;
for (const version of KNOWN_VERSIONS) {
  const actual = recordCorpus(await release(version));
  const recorded = readCorpus(version);
  if (update && (version === MODEL_VERSION || recorded === undefined)) {
    writeCorpus(actual);
    console.log(`corpus/v${version}.json: written (${actual.combine.inputs} combining inputs, ${Object.keys(actual.scenarios).length} scenarios)`);
    continue;
  }
  const difference = recorded === undefined ? 'no corpus recorded' : firstDifference(recorded, actual);
  if (difference === undefined) {
    console.log(`corpus/v${version}.json: matches`);
    continue;
  }
  failed += 1;
  const advice = version === MODEL_VERSION ? GUARD_ADVICE : 'an archived engine must never change: rebuild it with npm run archive';
  console.error(`corpus/v${version}.json: ${difference}; ${advice}`);
}
process.exitCode = failed === 0 ? 0 : 1;
