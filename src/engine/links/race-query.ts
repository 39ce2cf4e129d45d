/**
 * The race explorer's state as a URL query, shared by the widget (which
 * reads and writes it) and the CLI (which prints the same link under a
 * result). A shipped scenario left as it is travels by name
 * (`/play/race/?scenario=soc-nc-unmap-ctrl`); any other scenario as one
 * parameter per directive, each value written as the scenario language
 * writes it (`platform=soc&s1=Normal-NC&s2=Normal-NC&guest=store 0x0;store 0x8
 * &host=unmap-s2;reset ctrl&early-ack=no`; `guest1=`..`guest3=` for further vCPUs,
 * present even when empty; `kernel=` and `vma=` instead of `s2=` for a
 * scenario that names KVM's inputs). Every link starts with the
 * model version (`v=`) and ends with a short hash of the scenario's
 * canonical text (`h=`, format/scenario-block.ts, the same hash the plain
 * text's scenario block carries), checked when the link is read.
 *
 * The scenario parser is the only judge of a value: reading puts each
 * parameter on its directive's line and parses the whole; a line the parser
 * rejects names its parameter and falls back to its default, so the reader
 * can see what the rest decodes to (a link with any problem runs nothing
 * by itself). Pure: runs in Node and browsers.
 */
import { ScenarioError } from '../race/language/errors.ts';
import { parseScenario } from '../race/language/parser.ts';
import { guestOpText, hostOpText, printScenario } from '../race/language/printer.ts';
import { KNOB_NAMES, VCPU_DIRECTIVES, vcpuPrograms, type KnobName, type Scenario, type VcpuName } from '../race/types.ts';
import { MODEL_VERSION } from '../version.ts';
import { clip, readQuery, VERSION_PARAM, type Param, type Params } from './query.ts';
import { textHash } from '../format/text-hash.ts';

/** Shipped scenarios by name (`soc-nc-unmap-ctrl`), as the text of their files. */
export type ShippedScenarios = ReadonlyMap<string, string>;

/** One query parameter per directive; knobs by their own names; `guest1`..`guest3` for vCPUs 1-3; `kernel` and `vma` in place of `s2`. */
export type RaceField = 'title' | 'platform' | 'fwb' | 's1' | 's2' | 'kernel' | 'vma' | KnobName | VcpuName | 'host' | 'expect';

type Fields = Partial<Record<RaceField, string>>;

/** The path of the race playground, relative to the site root. */
export const RACE_PATH = '/play/race/';

/**
 * What a parameter falls back to when no `scenario` parameter gives a base:
 * the directives the language requires, as the thread's PCIe case has them.
 */
const DEFAULT_FIELDS: Fields = {
  platform: 'pcie',
  fwb: 'off',
  s1: 'Normal-NC',
  s2: 'Normal-NC',
  guest: 'store 0x0;store 0x8',
  host: 'unmap-s2;reset flr',
};

/** The directive line that carries a field's value; an empty vCPU program is its bare directive (vCPU 0's, when further vCPUs follow, keeps their numbers), other empty optional values leave the line out. */
function directiveLine(field: RaceField, value: string): string | undefined {
  if (value.trim() === '' && (VCPU_DIRECTIVES as readonly string[]).includes(field)) return field;
  if (value.trim() === '' && (field === 'title' || field === 'host' || field === 'expect')) return undefined;
  if (field === 's1' || field === 's2') return `guest-${field} ${value}`;
  if ((KNOB_NAMES as readonly string[]).includes(field)) return `option ${field}=${value}`;
  return `${field} ${value}`;
}

/** Fields in the order the printer writes directives. */
const ORDER: readonly RaceField[] = ['title', 'platform', 'fwb', 's1', 's2', 'kernel', 'vma', ...KNOB_NAMES, ...VCPU_DIRECTIVES, 'host', 'expect'];

function fieldsOf(scenario: Scenario): Fields {
  const fields: Fields = {
    platform: scenario.platform,
    fwb: scenario.fwb ? 'on' : 'off',
    s1: scenario.guestS1,
    // KVM's inputs travel as such: the h= check is on the text that names them.
    ...(scenario.kvm
      ? { kernel: scenario.kvm.kernel, vma: `${scenario.kvm.vma}${scenario.kvm.allowAnyUncached ? ' allow-any-uncached' : ''}` }
      : { s2: scenario.guestS2 }),
    guest: scenario.guest.map(guestOpText).join(';'),
    host: scenario.host.map(hostOpText).join(';'),
  };
  vcpuPrograms(scenario).forEach((ops, k) => {
    const directive = VCPU_DIRECTIVES[k];
    if (directive !== undefined && k > 0) fields[directive] = ops.map(guestOpText).join(';');
  });
  if (scenario.title !== undefined) fields.title = scenario.title;
  if (scenario.expect !== undefined) fields.expect = scenario.expect;
  // Every knob the scenario sets, today's or an older version's (whose parser reads it back).
  for (const [name, value] of Object.entries(scenario.options)) if (value !== undefined) fields[name as KnobName] = value ? 'yes' : 'no';
  return fields;
}

/** Scenario text for the fields, and which field each line came from. */
function compose(fields: Fields): { text: string; owners: RaceField[] } {
  const lines: string[] = [];
  const owners: RaceField[] = [];
  for (const field of ORDER) {
    const value = fields[field];
    const line = value === undefined ? undefined : directiveLine(field, value);
    if (line === undefined) continue;
    lines.push(line);
    owners.push(field);
  }
  return { text: lines.join('\n') + '\n', owners };
}

function canonicalOrUndefined(text: string, name: string): string | undefined {
  try {
    return printScenario(parseScenario(text, name));
  } catch (error) {
    if (error instanceof ScenarioError) return undefined;
    throw error;
  }
}

const canonicalCache = new WeakMap<ShippedScenarios, Map<string, string>>();

/** The name of the shipped scenario that is this scenario (same canonical text), if any. */
export function shippedName(scenario: Scenario, shipped: ShippedScenarios): string | undefined {
  let byText = canonicalCache.get(shipped);
  if (!byText) {
    byText = new Map();
    for (const [name, text] of shipped) {
      // An archived version's text that today's parser no longer reads cannot be this scenario.
      const canonical = canonicalOrUndefined(text, name);
      if (canonical !== undefined) byText.set(canonical, name);
    }
    canonicalCache.set(shipped, byText);
  }
  return byText.get(printScenario(scenario));
}

/** The parameter carrying the hash of the scenario's canonical text. */
export const HASH_PARAM = 'h';

/**
 * The query for a scenario as model version `model` reads it, with its
 * leading `?`; `print` is that version's printer, whose canonical text
 * `h=` checks (today's by default).
 */
export function raceQuery(scenario: Scenario, shipped: ShippedScenarios, model: number = MODEL_VERSION, print: (scenario: Scenario) => string = printScenario): string {
  const name = shippedName(scenario, shipped);
  const query = new URLSearchParams({ [VERSION_PARAM]: String(model) });
  if (name !== undefined) {
    query.set('scenario', name);
  } else {
    const fields = fieldsOf(scenario);
    // An older version's knob that today's language renamed goes with today's knobs.
    const older = (Object.keys(fields) as RaceField[]).filter((field) => !ORDER.includes(field));
    const knobsEnd = ORDER.indexOf(KNOB_NAMES[KNOB_NAMES.length - 1]!) + 1;
    for (const field of [...ORDER.slice(0, knobsEnd), ...older, ...ORDER.slice(knobsEnd)]) {
      const value = fields[field];
      // fwb off is the language's default; guest and host always, even empty, so a link never inherits ops.
      if (value !== undefined && !(field === 'fwb' && value === 'off')) query.set(field, value);
    }
  }
  query.set(HASH_PARAM, textHash(print(scenario)));
  // `;` separates ops; left unescaped it keeps op lists readable, and every query parser reads it back.
  return `?${query.toString().replaceAll('%3B', ';')}`;
}

/** A link to the playground showing this scenario as model version `model` (whose shipped scenarios and printer these are) checks it. */
export function raceLink(site: string, scenario: Scenario, shipped: ShippedScenarios, model?: number, print?: (scenario: Scenario) => string): string {
  return `${site.replace(/\/$/, '')}${RACE_PATH}${raceQuery(scenario, shipped, model, print)}`;
}

/** A value that stays on its directive's line: no line break, no comment, no dangling `;` continuing the list. */
function lineValue(field: RaceField): Param<string> {
  return {
    parse: (raw) => {
      if (/[\r\n]/.test(raw)) throw new Error('a line break cannot be part of one directive');
      if (raw.includes('#')) throw new Error("'#' would start a comment");
      if ((field === 'host' || (VCPU_DIRECTIVES as readonly string[]).includes(field)) && raw.trim().endsWith(';')) throw new Error(`'${clip(raw)}' ends with ';'`);
      return raw;
    },
    format: (value) => value,
  };
}

type RaceParams = Fields & { scenario: string; h: string };

function raceParams(shipped: ShippedScenarios): Params<RaceParams> {
  const params: Record<string, Param<string>> = {
    [HASH_PARAM]: {
      parse: (raw) => {
        if (!/^[0-9a-f]{8}$/.test(raw)) throw new Error(`'${clip(raw)}' is not a scenario hash (8 hex digits)`);
        return raw;
      },
      format: (value) => value,
    },
    scenario: {
      parse: (raw) => {
        if (!shipped.has(raw)) throw new Error(`no shipped scenario '${clip(raw)}'`);
        return raw;
      },
      format: (value) => value,
    },
  };
  for (const field of ORDER) params[field] = lineValue(field);
  return params as Params<RaceParams>;
}

export interface RestoredRace {
  /** The scenario text the query describes (as far as it could be read when there are problems); undefined for a query without race parameters. */
  readonly text?: string;
  /** One message per parameter that was unknown or invalid, naming it; any problem fails the link (links/link-outcome.ts). */
  readonly problems: readonly string[];
}

/**
 * The hash check: a link that carries `h=` runs only if the scenario read
 * from it, printed canonically (by the printer of the link's model
 * version), has that hash. A mismatch means the link changed on its way
 * (a mail client re-wrapped or cut it): it is a problem, so nothing from
 * the link runs unless the reader asks, and the text it decoded to is kept
 * to show them. So is a spelled-out scenario without `h=`, which may have
 * been cut before it; a shipped scenario's name alone needs none.
 */
export function checkRaceHash(search: string, restored: RestoredRace, canonical: (text: string) => string): RestoredRace {
  const params = new URLSearchParams(search);
  const expected = params.get(HASH_PARAM);
  if (restored.text === undefined) return restored;
  if (expected === null) {
    // A shipped scenario's name alone is how pages cite one; anything spelled out is long enough for a mail client to cut.
    const spelled = [...params.keys()].some((name) => (ORDER as readonly string[]).includes(name));
    return spelled ? { ...restored, problems: [...restored.problems, `the link has no check ${HASH_PARAM}= (every race link the site writes ends with one, so it may have been cut short)`] } : restored;
  }
  let actual: string | undefined;
  try {
    actual = textHash(canonical(restored.text));
  } catch {
    actual = undefined;
  }
  if (actual === expected) return restored;
  const problems = restored.problems.filter((p) => !p.startsWith(`parameter '${HASH_PARAM}'`));
  return {
    text: restored.text,
    problems: [
      ...problems,
      `the scenario it describes does not match its check ${HASH_PARAM}=${clip(expected, 12)}: the link was changed on its way (cut or re-wrapped by a mail client)`,
    ],
  };
}

function parseError(text: string): ScenarioError | undefined {
  try {
    parseScenario(text, 'link');
    return undefined;
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
}

/** The parameters over the base; a stage 2 given one way (`s2`, or `kernel` and `vma`) replaces the base's other way. */
function over(base: Fields, active: Fields): Fields {
  const merged = { ...base, ...active };
  const kvm = active.kernel !== undefined || active.vma !== undefined;
  if (active.s2 !== undefined && !kvm) {
    delete merged.kernel;
    delete merged.vma;
  }
  if (kvm && active.s2 === undefined) delete merged.s2;
  return merged;
}

const sameError = (a: ScenarioError, b: ScenarioError | undefined): boolean =>
  b !== undefined && a.line === b.line && a.column === b.column && a.detail === b.detail;

/**
 * Reads a query leniently. Each parameter goes on its directive's line over
 * the base (the named shipped scenario, or the defaults); while the parser
 * rejects the result, the parameter it points at (or, for a conflict with a
 * base line such as `reset flr` under `platform=soc`, the parameter whose
 * removal clears the error) is reported and dropped.
 */
export function readRaceQuery(search: string, shipped: ShippedScenarios): RestoredRace {
  const restored = readQuery(raceParams(shipped), search);
  const problems = [...restored.problems];
  const { scenario: name, h: _hash, ...overrides } = restored.values;
  const baseText = name === undefined ? undefined : shipped.get(name);
  const active: Fields = overrides;
  const base = baseText === undefined ? DEFAULT_FIELDS : fieldsOf(parseScenario(baseText, name));
  for (;;) {
    // Nothing applies: the shipped file as it is, or no text, so the widget keeps its own scenario.
    if (Object.keys(active).length === 0) return { ...(baseText === undefined ? {} : { text: baseText }), problems };
    const { text, owners } = compose(over(base, active));
    const error = parseError(text);
    if (error === undefined) return { text: printScenario(parseScenario(text, 'link')), problems };
    const owner = owners[error.line - 1];
    const culprit =
      owner !== undefined && active[owner] !== undefined
        ? owner
        : (Object.keys(active) as RaceField[]).find((field) => {
            const rest = { ...active };
            delete rest[field];
            return !sameError(error, parseError(compose(over(base, rest)).text));
          });
    if (culprit === undefined) return { text: compose(base).text, problems: [...problems, `its scenario does not read: ${clip(error.detail, 200)}`] };
    problems.push(`parameter '${culprit}': ${clip(error.detail, 200)}`);
    delete active[culprit];
  }
}
