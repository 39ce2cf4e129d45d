/**
 * Opening a race explorer link: the scenario it names is read as the
 * link's model version shipped it (an older version's texts come with its
 * archived engine), and a link carrying `h=` runs only if its scenario
 * hashes to it, as that version prints scenarios.
 */
import { checkRaceHash, readRaceQuery, type RestoredRace, type ShippedScenarios } from '../engine/format/race-query.ts';
import { readModelVersion } from '../engine/format/query.ts';
import { parseScenario, printScenario } from '../engine/race/index.ts';
import { shippedOf } from '../engine/versions/release.ts';
import { MODEL_VERSION } from '../engine/versions/version.ts';
import { loadArchivedRelease } from './model-release.ts';

export async function restoreRaceLink(search: string, shipped: ShippedScenarios): Promise<RestoredRace> {
  const { version } = readModelVersion(search);
  if (version === MODEL_VERSION) {
    return checkRaceHash(search, readRaceQuery(search, shipped), (text) => printScenario(parseScenario(text, 'link')));
  }
  try {
    const release = await loadArchivedRelease(version);
    return checkRaceHash(search, readRaceQuery(search, shippedOf(release)), (text) => release.printScenario(release.parseScenario(text, 'link')));
  } catch {
    return { problems: [`link ignored: model version ${version}'s engine could not be loaded, so its scenario cannot be read as it was`] };
  }
}
