/**
 * Reading a race link as its model version reads it, for the page (with
 * the version's archived engine, widgets/versions/race-link.ts) and for
 * `cli link` alike: the scenario it names is that version's shipped text,
 * and `h=` is checked against that version's printer. A link that spells
 * a scenario out directive by directive is read with that version's own
 * parser first, so a knob or directive that version had (and today's
 * language renamed) still means what it meant.
 */
import type { Scenario } from '../race/types.ts';
import { checkRaceHash, readRaceQuery, type RestoredRace, type ShippedScenarios } from './race-query.ts';

/** What a model version offers for reading its scenarios (an archived release has these). */
export interface ScenarioReader {
  readonly parseScenario: (text: string, file: string) => Scenario;
  readonly printScenario: (scenario: Scenario) => string;
  /** Its shipped scenarios. */
  readonly shipped: ShippedScenarios;
}

/** The directive each link parameter stands for; any other parameter is a knob (`option name=value`). */
const DIRECTIVES: Readonly<Record<string, string>> = { title: 'title', platform: 'platform', fwb: 'fwb', s1: 'guest-s1', s2: 'guest-s2', kernel: 'kernel', vma: 'vma', expect: 'expect' };
const PROGRAM = /^(guest[0-9]?|host)$/;

/** The scenario a spelled-out link describes, as the reader's parser reads it; undefined when it does not read. */
function spelledOut(search: string, reader: ScenarioReader): string | undefined {
  const params = new URLSearchParams(search);
  if (params.has('scenario')) return undefined;
  const lines: string[] = [];
  for (const [name, value] of params) {
    if (name === 'v' || name === 'h' || /[\r\n#]/.test(value)) continue;
    if (PROGRAM.test(name)) {
      // An empty further vCPU stays, bare, so the ones after it keep their numbers.
      if (value.trim() !== '' || /^guest[1-9]$/.test(name)) lines.push(`${name} ${value.split(';').map((op) => op.trim()).join('; ')}`.trimEnd());
    } else lines.push(DIRECTIVES[name] === undefined ? `option ${name}=${value}` : `${DIRECTIVES[name]} ${value}`);
  }
  try {
    return reader.printScenario(reader.parseScenario(lines.join('\n') + '\n', 'link'));
  } catch {
    return undefined;
  }
}

/** The link's scenario and its problems, read by `reader` (the link's model version; `current` for today's sources). */
export function readRaceLinkWith(search: string, reader: ScenarioReader, current: boolean): RestoredRace {
  const canonical = (text: string): string => reader.printScenario(reader.parseScenario(text, 'link'));
  if (current) return checkRaceHash(search, readRaceQuery(search, reader.shipped), canonical);
  const spelled = spelledOut(search, reader);
  return checkRaceHash(search, spelled === undefined ? readRaceQuery(search, reader.shipped) : { text: spelled, problems: [] }, canonical);
}
