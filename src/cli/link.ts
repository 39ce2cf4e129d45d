/**
 * `link <url> [--json]`: any link of the site, checked and answered in a
 * terminal, as the playground it names would show it. It decodes the
 * state (every parameter must decode; a race link's scenario must match
 * its `h=`), prints the command line that asks the same question (and, for
 * a race, the scenario text), then the answer of the link's model version
 * (`v=`, as `--model` would), ending with the link the site writes for that
 * state. A bad link is one line on stderr saying what is wrong and where,
 * exit status 2; a race whose verdict differs from its `expect` exits 1,
 * as `race` does.
 */
import { UsageError, type CliIo, type Command } from './io.ts';
import { loadRelease } from './load-release.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS, combineLink, type CombineState } from '../engine/links/combine-query.ts';
import { combineKvmReport, guestAccessThroughKvm } from '../engine/links/kvm-report.ts';
import { KVM_DEFAULTS, KVM_MODE_DEFAULTS, KVM_MODE_PARAMS, KVM_PARAMS, kvmLink, type KvmModeState } from '../engine/links/kvm-query.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { MAIR_DEFAULTS, MAIR_PARAMS, mairLink } from '../engine/links/mair-query.ts';
import { PLAYGROUND_PATHS, type Playground } from '../engine/links/paste.ts';
import { clip, readQuery, VERSION_PARAM } from '../engine/links/query.ts';
import { readRaceLinkWith } from '../engine/links/race-link-version.ts';
import { HASH_PARAM, raceLink, shippedName } from '../engine/links/race-query.ts';
import { combineCommand, combineKvmCommand, kvmCommand, mairCommand, raceCommand } from '../engine/links/state-command.ts';
import { kvmJson } from '../engine/format/kvm-json.ts';
import { mairJson, mairText } from '../engine/format/mair-text.ts';
import { decodeMair } from '../engine/attrs/mair.ts';
import { shippedOf, type EngineRelease } from '../engine/release/release.ts';
import { MODEL_VERSION, parseModelVersion } from '../engine/version.ts';

const NAMES: Readonly<Record<Playground, string>> = { combine: 'combining explorer', race: 'race explorer', mair: 'MAIR decoder', kvm: '"What KVM maps" playground' };

/** What the command prints: the state as a command (and a race's scenario text), the answer, and the status. */
interface Answer {
  /** After the playground and version on the first line. */
  readonly note?: string;
  readonly command: string;
  readonly scenario?: string;
  readonly text: string;
  readonly json: Record<string, unknown>;
  readonly status?: number;
}

function parseArgs(args: readonly string[]): { url: string; json: boolean } {
  let url: string | undefined;
  let json = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) throw new UsageError(`link: unknown option '${arg}' (expected --json)`);
    else if (url !== undefined) throw new UsageError('link: one link at a time (quote it, so the shell leaves its & and ; alone)');
    else url = arg;
  }
  if (url === undefined) throw new UsageError("link: expected a link of the site, e.g. link 'https://example.org/play/race/?v=2&scenario=soc-nc-unmap-ctrl'");
  return { url, json };
}

function playgroundOf(raw: string): { playground: Playground; search: string } {
  let url: URL;
  try {
    url = new URL(raw.trim(), 'http://site.invalid');
  } catch {
    throw new UsageError(`link: '${clip(raw)}' is not a link`);
  }
  const playground = (Object.keys(PLAYGROUND_PATHS) as Playground[]).find((p) => url.pathname.endsWith(PLAYGROUND_PATHS[p]));
  if (playground === undefined) {
    throw new UsageError(`link: the path '${clip(url.pathname)}' is not a playground of the site (expected one ending in ${Object.values(PLAYGROUND_PATHS).join(', ')})`);
  }
  return { playground, search: url.search };
}

function versionOf(search: string, asked: number | undefined): number {
  const raw = new URLSearchParams(search).get(VERSION_PARAM);
  let version = MODEL_VERSION;
  if (raw !== null) {
    try {
      version = parseModelVersion(raw);
    } catch (error) {
      throw new UsageError(`link: parameter '${VERSION_PARAM}': ${(error as Error).message}`);
    }
  }
  if (asked !== undefined && asked !== version) throw new UsageError(`link: --model ${asked} disagrees with the link's ${VERSION_PARAM}=${version} (the link names its model version; leave --model out)`);
  return version;
}

/** Every parameter must decode: any problem is the link's, named with its parameter. */
function decoded(problems: readonly string[]): void {
  if (problems.length > 0) throw new UsageError(`link: ${problems.join('; ')}`);
}

function combineAnswer(search: string, release: EngineRelease, site: string): Answer {
  const read = readQuery({ ...COMBINE_PARAMS, ...KVM_MODE_PARAMS }, search);
  decoded(read.problems);
  const { kvm, kernel, backing, pgprot, allowAnyUncached, dic, exec, ...combining } = read.values;
  const state: CombineState = { ...COMBINE_DEFAULTS, ...combining };
  const mode: KvmModeState = { ...KVM_MODE_DEFAULTS, ...Object.fromEntries(Object.entries({ kvm, kernel, backing, pgprot, allowAnyUncached, dic, exec }).filter(([, v]) => v !== undefined)) };
  const model = release.model;
  if (mode.kvm) {
    if (release.kvmDecide === undefined) throw new UsageError(`link: parameter 'kvm': model version ${model} had no KVM engine`);
    const access = guestAccessThroughKvm(state, mode, release.kvmDecide, release.combine);
    // Only today's model has a KVM engine, so the link and the report are today's.
    return {
      note: 'from KVM',
      command: combineKvmCommand(state, mode, model),
      text: combineKvmReport(access.decision, access.combined, site, state, mode),
      json: { ...kvmJson(access.decision, access.combined), model },
    };
  }
  const result = release.combine(state);
  return {
    command: combineCommand(state, model),
    text: `${release.combineText(result)}${linkLines(combineLink(site, state, model), model)}`,
    json: { model, ...JSON.parse(JSON.stringify(result)) },
  };
}

function kvmAnswer(search: string, release: EngineRelease, site: string): Answer {
  const read = readQuery(KVM_PARAMS, search);
  decoded(read.problems);
  const input = { ...KVM_DEFAULTS, ...read.values };
  const model = release.model;
  if (release.kvmDecide === undefined || release.kvmText === undefined) throw new UsageError(`link: model version ${model} had no KVM engine, so it has no answer for this link`);
  const result = release.kvmDecide(input);
  return {
    command: kvmCommand(input, model),
    text: `${release.kvmText(result)}${linkLines(kvmLink(site, input, model), model)}`,
    json: { ...kvmJson(result), model },
  };
}

function mairAnswer(search: string, release: EngineRelease, site: string): Answer {
  const read = readQuery(MAIR_PARAMS, search);
  decoded(read.problems);
  const state = { ...MAIR_DEFAULTS, ...read.values };
  const decoding = decodeMair(state.mair, release.decodeS1);
  const model = release.model;
  return {
    command: mairCommand(state.mair, model),
    text: `${mairText(decoding)}${linkLines(mairLink(site, state, model), model)}`,
    json: JSON.parse(mairJson(decoding, model)) as Record<string, unknown>,
  };
}

function raceAnswer(search: string, release: EngineRelease, site: string): Answer {
  const model = release.model;
  const shipped = shippedOf(release);
  const read = readRaceLinkWith(search, { parseScenario: release.parseScenario, printScenario: release.printScenario, shipped }, model === MODEL_VERSION);
  decoded(read.problems);
  if (read.text === undefined) throw new UsageError('link: it names no scenario (expected scenario=<name>, or platform=, guest=, host= and the other directives)');
  const scenario = release.parseScenario(read.text, 'link');
  const name = shippedName(scenario, shipped);
  const check = release.checkScenario(read.text, { file: name === undefined ? '<stdin>' : `scenarios/${name}.race` });
  const hash = new URLSearchParams(search).get(HASH_PARAM);
  const text = release.printScenario(scenario);
  return {
    ...(hash === null ? {} : { note: `its check ${HASH_PARAM}=${hash} matches` }),
    command: raceCommand(text, name, model),
    scenario: text,
    text: `${release.renderRaceText(check)}${linkLines(raceLink(site, check.scenario, shipped, model, release.printScenario), model)}`,
    json: { model, ...release.raceJson(check) },
    ...(check.matches === false ? { status: 1 } : {}),
  };
}

const ANSWERS: Readonly<Record<Playground, (search: string, release: EngineRelease, site: string) => Answer>> = {
  combine: combineAnswer,
  kvm: kvmAnswer,
  mair: mairAnswer,
  race: raceAnswer,
};

export const linkCommand: Command = async (args, io: CliIo) => {
  const { url, json } = parseArgs(args);
  const { playground, search } = playgroundOf(url);
  const version = versionOf(search, io.model);
  const release = await loadRelease(version);
  const answer = ANSWERS[playground](search, release, io.site);
  const { command, scenario, note } = answer;
  io.out(
    json
      ? `${JSON.stringify({ playground, model: version, command, ...(scenario === undefined ? {} : { scenario }), result: answer.json }, null, 2)}\n`
      : `# ${NAMES[playground]}, model version ${version}${note === undefined ? '' : `, ${note}`}:\n${command}\n\n${answer.text}`,
  );
  return answer.status ?? 0;
};
