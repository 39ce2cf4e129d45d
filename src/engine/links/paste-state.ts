/**
 * "Paste from email", the engine half: pasted mail text in, the query that
 * reopens its state on the named playground out, with a sentence saying
 * what was used (the link, or the text when the link is lost or damaged)
 * and why; or a message naming what is missing or broken. A race link is
 * checked here against its h= and against the text's scenario block, so a
 * damaged link never wins over an intact text, and a text and a link that
 * disagree are named as such.
 */
import { MAIR_VALUE_LABEL } from '../format/mair-text.ts';
import { parseScenario } from '../race/language/parser.ts';
import { scenarioHash } from '../format/scenario-block.ts';
import { printScenario } from '../race/language/printer.ts';
import { MODEL_VERSION } from '../version.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from './combine-query.ts';
import { findLink, pastedModelVersion, unquote, type PastedLink, type Playground } from './paste.ts';
import { combineModeQuery, KVM_DEFAULTS, KVM_PARAMS } from './kvm-query.ts';
import { combineFromText, kvmFromText, kvmModeFromText } from './paste-text.ts';
import { raceFromBlock, raceFromV1Text, type BlockRead } from './paste-race.ts';
import { readModelVersion, writeQuery } from './query.ts';
import { HASH_PARAM, raceQuery, type ShippedScenarios } from './race-query.ts';
import { readRaceLinkWith } from './race-link-version.ts';

export type Pasted =
  | { readonly search: string; readonly from: 'link' | 'text'; readonly message: string }
  | { readonly problem: string };

const NAMES: Readonly<Record<Playground, string>> = { combine: 'combining explorer', race: 'race explorer', mair: 'MAIR decoder', kvm: '"What KVM maps" playground' };

const FROM_TEXT = 'Restored from the text; no link found.';
const FROM_LINK = 'Restored from the link.';

type LinkCheck =
  /** Its h= matches the scenario it decodes to. */
  | { readonly status: 'matches'; readonly hash: string }
  /** A shipped scenario's name without h= (as pages cite one): `hash` is that scenario's. */
  | { readonly status: 'named'; readonly hash: string }
  | { readonly status: 'fails'; readonly why: string }
  /** An older version's link, which the page checks with that version's archived engine. */
  | { readonly status: 'unchecked' };

/** A race link's own check, where it can be made here: the current version's links. */
function raceLinkCheck(link: PastedLink, shipped: ShippedScenarios): LinkCheck {
  const { version, problem } = readModelVersion(link.search);
  if (problem !== undefined || version !== MODEL_VERSION) return { status: 'unchecked' };
  const read = readRaceLinkWith(link.search, { parseScenario, printScenario: (scenario) => printScenario(scenario), shipped }, true);
  const linkHash = new URLSearchParams(link.search).get(HASH_PARAM);
  if (read.problems.length > 0 || read.text === undefined) {
    return { status: 'fails', why: linkHash === null ? `the link has no check ${HASH_PARAM}= (it may have been cut short)` : `the link fails its check ${HASH_PARAM}=${linkHash} (it was changed on its way)` };
  }
  const hash = scenarioHash(parseScenario(read.text, 'link'));
  return linkHash === null ? { status: 'named', hash } : { status: 'matches', hash };
}

/** The query for a scenario block's text, as the version that printed it reads it (its hash is the block's). */
function blockQuery(block: { text: string; hash: string }, shipped: ShippedScenarios, version: number): string {
  const query = raceQuery(parseScenario(block.text, 'pasted text'), version === MODEL_VERSION ? shipped : new Map(), version);
  return query.replace(/&h=[0-9a-f]+$/, `&${HASH_PARAM}=${block.hash}`);
}

/** Model version 1's report, which had no scenario block: its labelled lines, as a spelled-out link for that version's parser (no h=, which it printed nowhere). */
function v1Search(lines: readonly string[]): Pasted {
  const read = raceFromV1Text(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and this model version 1 report lacks ${read.missing}.` };
  const names: Readonly<Record<string, string>> = { 'guest-s1': 's1', 'guest-s2': 's2' };
  const query = new URLSearchParams({ v: '1' });
  for (const line of read.text.trimEnd().split('\n')) {
    const [directive = '', ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (directive === 'option') query.set(value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1));
    else query.set(names[directive] ?? directive, directive === 'guest' || directive === 'host' ? value.replaceAll('; ', ';') : value);
  }
  return { search: `?${query.toString().replaceAll('%3B', ';')}`, from: 'text', message: `${FROM_TEXT} (a model version 1 report)` };
}

function raceSearch(lines: readonly string[], link: PastedLink | undefined, shipped: ShippedScenarios, version: number): Pasted {
  const block: BlockRead = raceFromBlock(lines);
  const text = 'text' in block ? block : undefined;
  if (link !== undefined) {
    const check = raceLinkCheck(link, shipped);
    // A checked link and an intact text that disagree: the link wins; a link nothing checks loses to an intact text.
    if (check.status === 'matches') {
      const matches = `${FROM_LINK.slice(0, -1)}; check ${HASH_PARAM}=${check.hash} matches.`;
      const disagree = text !== undefined && text.hash !== check.hash;
      return { search: link.search, from: 'link', message: disagree ? `${matches} The text describes another scenario (h=${text.hash}), so it was not used.` : matches };
    }
    if (check.status === 'named' && text !== undefined && text.hash !== check.hash) {
      return { search: blockQuery(text, shipped, version), from: 'text', message: `Restored from the text: the link names another scenario without a check h= (it may have been cut short), and the text's scenario matches its own check h=${text.hash}.` };
    }
    if (check.status !== 'fails') return { search: link.search, from: 'link', message: FROM_LINK };
    if (text !== undefined) {
      return { search: blockQuery(text, shipped, version), from: 'text', message: `Restored from the text: ${check.why}, and the text's scenario matches its own check h=${text.hash}.` };
    }
    const why = 'broken' in block ? `its scenario text cannot replace it: ${block.broken}` : 'the text has no scenario to replace it';
    return { problem: `${check.why[0]!.toUpperCase()}${check.why.slice(1)}, and ${why}.` };
  }
  if (text !== undefined) return { search: blockQuery(text, shipped, version), from: 'text', message: `${FROM_TEXT.slice(0, -1)}; the scenario matches its check h=${text.hash}.` };
  if ('broken' in block) return { problem: `No link in the pasted text, and its scenario cannot be restored exactly: ${block.broken}.` };
  if (version === 1) return v1Search(lines);
  return { problem: "No link in the pasted text, and no scenario in it: a race report's scenario runs from '# The scenario, as Paste from email reads it back:' to '# End of the scenario, h=…'." };
}

function combineSearch(lines: readonly string[], version: number): Pasted {
  // The explorer's "from KVM" mode writes KVM's decision and the guest's stage 1 instead of two stages.
  const mode = kvmModeFromText(lines);
  if ('state' in mode) {
    const { combine, kvm } = mode.state;
    return { search: combineModeQuery(writeQuery(COMBINE_PARAMS, combine, COMBINE_DEFAULTS, version), kvm), from: 'text', message: FROM_TEXT };
  }
  const read = combineFromText(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and it lacks ${read.missing}.` };
  return { search: writeQuery(COMBINE_PARAMS, read.state, COMBINE_DEFAULTS, version), from: 'text', message: FROM_TEXT };
}

function kvmSearch(lines: readonly string[], version: number): Pasted {
  const read = kvmFromText(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and it lacks ${read.missing}.` };
  return { search: writeQuery(KVM_PARAMS, read.state, KVM_DEFAULTS, version), from: 'text', message: FROM_TEXT };
}

function mairSearch(lines: readonly string[], link: PastedLink | undefined, version: number): Pasted {
  // A combining link or report holds a MAIR byte too: its stage 1.
  const fromLink = link === undefined ? null : new URLSearchParams(link.search).get(link.playground === 'combine' ? 's1' : 'mair');
  const fromText = combineFromText(lines);
  // The decoder's own text names its value on a `MAIR value:` line (format/mair-text.ts).
  const fromMairText = new RegExp(`${MAIR_VALUE_LABEL} (0x[0-9a-f]+)`).exec(lines.join(' '))?.[1];
  const byte = fromLink ?? fromMairText ?? ('state' in fromText ? `0x${fromText.state.s1.toString(16).padStart(2, '0')}` : undefined);
  if (byte === undefined) return { problem: "No MAIR byte in the pasted text: it needs a link to the decoder or the combining explorer, or a 'Stage 1: 0xNN' line." };
  return fromLink === null
    ? { search: `?v=${version}&mair=${encodeURIComponent(byte)}`, from: 'text', message: FROM_TEXT }
    : { search: `?v=${version}&mair=${encodeURIComponent(byte)}`, from: 'link', message: `${FROM_LINK.slice(0, -1)}'s stage-1 byte.` };
}

export function readPasted(text: string, playground: Playground, shipped: ShippedScenarios): Pasted {
  if (text.trim() === '') return { problem: 'Nothing was pasted: paste the text of the mail, quoted or not.' };
  const lines = unquote(text);
  const found = findLink(lines);
  const version = pastedModelVersion(lines) ?? MODEL_VERSION;
  const link = found?.playground === playground ? found : undefined;
  if (playground === 'race') {
    if (found !== undefined && link === undefined && found.playground !== undefined) return { problem: `The pasted link is for the ${NAMES[found.playground]}, not the ${NAMES[playground]}: open it there.` };
    return raceSearch(lines, link, shipped, version);
  }
  if (link !== undefined) return { search: link.search, from: 'link', message: FROM_LINK };
  if (playground === 'mair') return mairSearch(lines, found, version);
  if (found?.playground !== undefined) return { problem: `The pasted link is for the ${NAMES[found.playground]}, not the ${NAMES[playground]}: open it there.` };
  return playground === 'kvm' ? kvmSearch(lines, version) : combineSearch(lines, version);
}
