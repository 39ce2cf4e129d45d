/**
 * Opening a race explorer link in the browser: read as the link's model
 * version reads it (links/race-link-version.ts), an older version's
 * archived engine loaded first.
 */
import { readModelVersion } from '../../engine/links/query.ts';
import { readRaceLinkWith } from '../../engine/links/race-link-version.ts';
import type { RestoredRace, ShippedScenarios } from '../../engine/links/race-query.ts';
import { parseScenario, printScenario } from '../../engine/race/index.ts';
import { shippedOf } from '../../engine/release/release.ts';
import { MODEL_VERSION } from '../../engine/version.ts';
import { loadArchivedRelease } from './model-release.ts';

export async function restoreRaceLink(search: string, shipped: ShippedScenarios): Promise<RestoredRace> {
  const { version } = readModelVersion(search);
  if (version === MODEL_VERSION) return readRaceLinkWith(search, { parseScenario, printScenario: (s) => printScenario(s), shipped }, true);
  try {
    const release = await loadArchivedRelease(version);
    return readRaceLinkWith(search, { parseScenario: release.parseScenario, printScenario: release.printScenario, shipped: shippedOf(release) }, false);
  } catch {
    return { problems: [`model version ${version}'s engine could not be loaded, so the link's scenario cannot be read as it was`] };
  }
}
