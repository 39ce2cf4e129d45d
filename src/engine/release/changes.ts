/**
 * The changelog (CHANGES at the repository root) as data: for each model
 * version, what changed and which states it affects. An old link's notice
 * lists the entries since its version that affect its state; a test holds
 * the file to the corpora (every answer that differs between two versions
 * is covered by an entry of the newer one).
 *
 * The file's form, which a reader takes in as plain text:
 *
 *     Version 2 (2026-12-01)
 *
 *     - What changed, in a sentence or two; continuation lines are
 *       indented.
 *       affects: race platform=soc
 *       affects: combine fwb=on s2=0x4|0xc
 *
 * An `affects:` line names one kind of state (`combine`, `race`, `mair`,
 * `kvm`, or `all`) and optional `key=value` conditions, all of which must
 * hold; `|` separates alternatives. An entry affects a state when any of
 * its lines does. Keys: combine and mair take fwb, cd, s1, s1sh, s2, s2sh
 * (encodings in hex as links write them); race takes scenario, platform,
 * fwb, type (the combined guest type) and any knob (`early-ack=no`); kvm
 * takes kernel (a release choice such as 6.17), backing, pgprot and the
 * flags allow-any-uncached, fwb, dic, exec (`on`/`off`).
 * Text before the first version heading is the file's introduction.
 */

export type StateKind = 'combine' | 'race' | 'mair' | 'kvm';
export const STATE_KINDS: readonly StateKind[] = ['combine', 'race', 'mair', 'kvm'];

/** What a state is, as `affects:` conditions test it: its kind and key=value facts. */
export interface StateFacts {
  readonly kind: StateKind;
  readonly facts: Readonly<Record<string, string>>;
}

export interface Selector {
  /** Undefined for `all`. */
  readonly kind?: StateKind;
  readonly conditions: Readonly<Record<string, readonly string[]>>;
}

export interface ChangeEntry {
  readonly version: number;
  readonly text: string;
  readonly affects: readonly Selector[];
}

export interface VersionSection {
  readonly version: number;
  readonly date: string;
  readonly entries: readonly ChangeEntry[];
}

export class ChangesError extends Error {
  override readonly name = 'ChangesError';
}

export function parseSelector(text: string, where: string): Selector {
  const [kind, ...terms] = text.trim().split(/\s+/);
  if (kind === 'all' && terms.length === 0) return { conditions: {} };
  if (!STATE_KINDS.includes(kind as StateKind)) throw new ChangesError(`${where}: 'affects:' must start with all, ${STATE_KINDS.join(', ')} (got '${kind ?? ''}')`);
  const conditions: Record<string, string[]> = {};
  for (const term of terms) {
    const match = /^([a-z0-9-]+)=(\S+)$/.exec(term);
    if (!match) throw new ChangesError(`${where}: '${term}' is not a key=value condition`);
    conditions[match[1]!] = match[2]!.split('|');
  }
  return { kind: kind as StateKind, conditions };
}

/** Parses CHANGES; throws ChangesError naming the line for anything it cannot read. */
export function parseChanges(text: string): VersionSection[] {
  const sections: { version: number; date: string; entries: { version: number; text: string[]; affects: Selector[] }[] }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const where = `CHANGES:${i + 1}`;
    const heading = /^Version ([0-9]+) \(([^)]+)\)$/.exec(line);
    if (heading) {
      sections.push({ version: Number(heading[1]), date: heading[2]!, entries: [] });
      return;
    }
    const section = sections.at(-1);
    if (section === undefined || line === '') return;
    const entry = section.entries.at(-1);
    if (line.startsWith('- ')) {
      section.entries.push({ version: section.version, text: [line.slice(2)], affects: [] });
      return;
    }
    if (entry === undefined || !line.startsWith('  ')) throw new ChangesError(`${where}: expected '- ' to start an entry, an indented line, or 'Version N (date)'`);
    const affects = /^\s+affects:\s*(.*)$/.exec(line);
    if (affects) entry.affects.push(parseSelector(affects[1]!, where));
    else if (entry.affects.length > 0) throw new ChangesError(`${where}: text after an entry's 'affects:' lines`);
    else entry.text.push(line.trim());
  });
  return sections.map((s) => ({ version: s.version, date: s.date, entries: s.entries.map((e) => ({ version: e.version, text: e.text.join(' '), affects: e.affects })) }));
}

export function selectorMatches(selector: Selector, state: StateFacts): boolean {
  if (selector.kind === undefined) return true;
  if (selector.kind !== state.kind) return false;
  return Object.entries(selector.conditions).every(([key, values]) => {
    const fact = state.facts[key];
    // A fact the state does not pin down (a group of inputs spanning it) may be any value.
    return fact === undefined || values.includes(fact);
  });
}

export const entryAffects = (entry: ChangeEntry, state: StateFacts): boolean => entry.affects.some((s) => selectorMatches(s, state));

/** The entries of the versions after `since`, up to and including `until`, that affect the state; newest first. */
export function changesSince(sections: readonly VersionSection[], since: number, until: number, state: StateFacts): ChangeEntry[] {
  return sections
    .filter((s) => s.version > since && s.version <= until)
    .sort((a, b) => b.version - a.version)
    .flatMap((s) => s.entries.filter((e) => entryAffects(e, state)));
}
