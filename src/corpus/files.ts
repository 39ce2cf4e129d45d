/** The corpus files in the repository: corpus/v<N>.json, one per model version. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Corpus } from './record.ts';

export const corpusUrl = (version: number, root: URL = new URL('../../', import.meta.url)): URL => new URL(`corpus/v${version}.json`, root);

export function readCorpus(version: number): Corpus | undefined {
  const url = corpusUrl(version);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as Corpus) : undefined;
}

export function writeCorpus(corpus: Corpus): void {
  writeFileSync(corpusUrl(corpus.model), JSON.stringify(corpus, null, 1) + '\n');
}

/** What to do when the current engine's answers differ from its version's corpus. */
export const GUARD_ADVICE =
  'results changed without a new model version: raise MODEL_VERSION in src/engine/version.ts (unless it is already unreleased), ' +
  'say what changed and which states it affects in CHANGES, then run npm run corpus -- --update';
