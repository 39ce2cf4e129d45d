/**
 * The model version: one integer for the whole site (the combining engine,
 * the race engine and the shipped scenarios), raised whenever any result
 * could change. Every link carries it as `v=<N>` and every JSON output as
 * `"model": N`, so a citation says which model answered; CHANGES at the
 * repository root says what each version changed, and corpus/v<N>.json
 * records what it answers (the guard in src/corpus/ fails when the
 * engine's answers drift from the corpus of this version).
 */

export const MODEL_VERSION = 2;

/**
 * Released versions older than this one, each kept as its own engine
 * module built for the browser (public/engines/v<N>/engine.js), with the
 * commit whose src/engine/ and scenarios/ it was built from
 * (scripts/release/archive-engine.ts rebuilds them byte for byte).
 */
export const RELEASES: Readonly<Record<number, string>> = {
  1: '4af09e25552aa68a92dfd90c3e265b89254c5b3a',
};

/** Where the module of an archived version lives, relative to the site root (public/ in the repository). */
export const archivePath = (version: number): string => `engines/v${version}/engine.js`;

/** The versions a link or `--model` may name: the archived ones and the current one. */
export const KNOWN_VERSIONS: readonly number[] = [...Object.keys(RELEASES).map(Number), MODEL_VERSION].sort((a, b) => a - b);

/**
 * Reads a model version as a link's `v` or the CLI's `--model` gives it:
 * a whole number from 1 to the current version. Throws an Error whose
 * message says what is wrong (not a number, from the future, never
 * released).
 */
export function parseModelVersion(raw: string): number {
  const text = raw.trim();
  if (!/^[0-9]+$/.test(text)) throw new Error(`'${text.length > 20 ? `${text.slice(0, 20)}…` : text}' is not a model version (a whole number such as ${MODEL_VERSION})`);
  const version = Number(text);
  if (version > MODEL_VERSION) throw new Error(`model version ${version} is newer than this site's (${MODEL_VERSION})`);
  if (!KNOWN_VERSIONS.includes(version)) throw new Error(`model version ${version} was never released (known: ${KNOWN_VERSIONS.join(', ')})`);
  return version;
}
