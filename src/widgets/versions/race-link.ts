/**
 * Opening a race explorer link: the scenario it names is read as the
 * link's model version shipped it (an older version's texts come with its
 * archived engine), and a link carrying `h=` runs only if its scenario
 * hashes to it, as that version prints scenarios. A link that spells a
 * scenario out directive by directive is read with that version's own
 * parser first, so a knob or directive that version had (and today's
 * language renamed) still means what it meant.
 */
import { checkRaceHash, readRaceQuery, type RestoredRace, type ShippedScenarios } from '../../engine/links/race-query.ts';
import { readModelVersion } from '../../engine/links/query.ts';
import { parseScenario, printScenario } from '../../engine/race/index.ts';
import { shippedOf, type EngineRelease } from '../../engine/release/release.ts';
import { MODEL_VERSION } from '../../engine/version.ts';
import { loadArchivedRelease } from './model-release.ts';

/** The directive each link parameter stands for; any other parameter is a knob (`option name=value`). */
const DIRECTIVES: Readonly<Record<string, string>> = { title: 'title', platform: 'platform', fwb: 'fwb', s1: 'guest-s1', s2: 'guest-s2', expect: 'expect' };
const PROGRAM = /^(guest[0-9]?|host)$/;

/** The scenario a spelled-out link describes, as the release's parser reads it; undefined when it does not read. */
function asReleaseReads(search: string, release: EngineRelease): string | undefined {
  const params = new URLSearchParams(search);
  if (params.has('scenario')) return undefined;
  const lines: string[] = [];
  for (const [name, value] of params) {
    if (name === 'v' || name === 'h' || /[\r\n#]/.test(value)) continue;
    if (PROGRAM.test(name)) {
      if (value.trim() !== '') lines.push(`${name} ${value.split(';').map((op) => op.trim()).join('; ')}`);
    } else lines.push(DIRECTIVES[name] === undefined ? `option ${name}=${value}` : `${DIRECTIVES[name]} ${value}`);
  }
  const text = lines.join('\n') + '\n';
  try {
    return release.printScenario(release.parseScenario(text, 'link'));
  } catch {
    return undefined;
  }
}

export async function restoreRaceLink(search: string, shipped: ShippedScenarios): Promise<RestoredRace> {
  const { version } = readModelVersion(search);
  if (version === MODEL_VERSION) {
    return checkRaceHash(search, readRaceQuery(search, shipped), (text) => printScenario(parseScenario(text, 'link')));
  }
  try {
    const release = await loadArchivedRelease(version);
    const spelled = asReleaseReads(search, release);
    if (spelled !== undefined) return checkRaceHash(search, { text: spelled, problems: [] }, (text) => release.printScenario(release.parseScenario(text, 'link')));
    return checkRaceHash(search, readRaceQuery(search, shippedOf(release)), (text) => release.printScenario(release.parseScenario(text, 'link')));
  } catch {
    return { problems: [`link ignored: model version ${version}'s engine could not be loaded, so its scenario cannot be read as it was`] };
  }
}
