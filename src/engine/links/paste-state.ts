/**
 * "Paste from email", the engine half: pasted mail text in, the query that
 * reopens its state on the named playground out (a link that survived is
 * used as it is; otherwise the text is read), or a message naming what is
 * missing.
 */
import { MAIR_VALUE_LABEL } from '../format/mair-text.ts';
import { parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import { resolveKnobs } from '../race/knobs.ts';
import { ScenarioError } from '../race/language/errors.ts';
import type { Scenario } from '../race/types.ts';
import { MODEL_VERSION } from '../version.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from './combine-query.ts';
import { findLink, pastedModelVersion, unquote, type Playground } from './paste.ts';
import { KVM_DEFAULTS, KVM_PARAMS } from './kvm-query.ts';
import { combineFromText, kvmFromText, raceFromText } from './paste-text.ts';
import { writeQuery } from './query.ts';
import { raceQuery, type ShippedScenarios } from './race-query.ts';

export type Pasted = { readonly search: string; readonly from: 'link' | 'text' } | { readonly problem: string };

const NAMES: Readonly<Record<Playground, string>> = { combine: 'combining explorer', race: 'race explorer', mair: 'MAIR decoder', kvm: '"What KVM maps" playground' };

/** The same scenario in effect: knobs compared after defaults, so a report's explicit knobs match a file that leaves them unset. */
function sameInEffect(a: Scenario, b: Scenario): boolean {
  const effective = (s: Scenario): string => printScenario({ ...s, options: resolveKnobs(s) });
  return effective(a) === effective(b);
}

function raceSearch(lines: readonly string[], shipped: ShippedScenarios, version: number): Pasted {
  const read = raceFromText(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and it lacks ${read.missing}.` };
  let scenario: Scenario;
  try {
    scenario = parseScenario(read.state.text, 'pasted text');
  } catch (error) {
    if (error instanceof ScenarioError) return { problem: `No link in the pasted text, and the scenario it describes does not read: ${error.detail}.` };
    throw error;
  }
  const name = /^scenarios\/([a-z0-9-]+)\.race$/.exec(read.state.file ?? '')?.[1];
  const file = name === undefined ? undefined : shipped.get(name);
  const base = file !== undefined && version === MODEL_VERSION && sameInEffect(parseScenario(file, name!), scenario) ? parseScenario(file, name!) : scenario;
  const query = raceQuery(base, version === MODEL_VERSION ? shipped : new Map(), version);
  // An older version prints scenarios its own way: its links are read without the hash.
  return { search: version === MODEL_VERSION ? query : query.replace(/&h=[0-9a-f]+$/, ''), from: 'text' };
}

function combineSearch(lines: readonly string[], version: number): Pasted {
  const read = combineFromText(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and it lacks ${read.missing}.` };
  return { search: writeQuery(COMBINE_PARAMS, read.state, COMBINE_DEFAULTS, version), from: 'text' };
}

function kvmSearch(lines: readonly string[], version: number): Pasted {
  const read = kvmFromText(lines);
  if ('missing' in read) return { problem: `No link in the pasted text, and it lacks ${read.missing}.` };
  return { search: writeQuery(KVM_PARAMS, read.state, KVM_DEFAULTS, version), from: 'text' };
}

function mairSearch(lines: readonly string[], link: ReturnType<typeof findLink>, version: number): Pasted {
  // A combining link or report holds a MAIR byte too: its stage 1.
  const fromLink = link === undefined ? null : new URLSearchParams(link.search).get(link.playground === 'combine' ? 's1' : 'mair');
  const fromText = combineFromText(lines);
  // The decoder's own text names its value on a `MAIR value:` line (format/mair-text.ts).
  const fromMairText = new RegExp(`${MAIR_VALUE_LABEL} (0x[0-9a-f]+)`).exec(lines.join(' '))?.[1];
  const byte = fromLink ?? fromMairText ?? ('state' in fromText ? `0x${fromText.state.s1.toString(16).padStart(2, '0')}` : undefined);
  if (byte === undefined) return { problem: "No MAIR byte in the pasted text: it needs a link to the decoder or the combining explorer, or a 'Stage 1: 0xNN' line." };
  return { search: `?v=${version}&mair=${encodeURIComponent(byte)}`, from: fromLink === null ? 'text' : 'link' };
}

export function readPasted(text: string, playground: Playground, shipped: ShippedScenarios): Pasted {
  if (text.trim() === '') return { problem: 'Nothing was pasted: paste the text of the mail, quoted or not.' };
  const lines = unquote(text);
  const link = findLink(lines);
  const version = pastedModelVersion(lines) ?? MODEL_VERSION;
  if (link?.playground === playground) return { search: link.search, from: 'link' };
  if (playground === 'mair') return mairSearch(lines, link, version);
  if (link?.playground !== undefined) return { problem: `The pasted link is for the ${NAMES[link.playground]}, not the ${NAMES[playground]}: open it there.` };
  if (playground === 'kvm') return kvmSearch(lines, version);
  return playground === 'combine' ? combineSearch(lines, version) : raceSearch(lines, shipped, version);
}
