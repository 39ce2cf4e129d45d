/**
 * One source per fact, checked both ways (issue 18): the race model page
 * defines each rule of the model once, as a list item that starts with its
 * ID in code (`` - `M-…`: ``); the TypeScript under src/engine/race/ cites
 * the IDs of the rules it implements. A cited ID the page does not define
 * points a reader nowhere; a defined rule that no model file cites is
 * either not implemented or implemented where nobody can find it. A
 * family (`M-wb-*`) cites no rule, but must name at least one.
 */
import { describe, expect, it } from 'vitest';
// A static import: without the page this file fails to load, so the check cannot be skipped.
import PAGE from '../../content/docs/reference/race-model.mdx?raw';

/** Every TypeScript file of the race engine, tests included, but not this one, whose examples cite rules that do not exist. */
const SOURCES = import.meta.glob<string>(['/src/engine/race/**/*.ts', '!/src/engine/race/rule-ids.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ID = String.raw`M-[a-z0-9]+(?:-[a-z0-9]+)*`;

/** The rules a page defines, in order, repeats kept: list items (at any depth) starting `` `M-…`: ``. */
const definitions = (page: string): string[] => [...page.matchAll(new RegExp(String.raw`^[ \t]*[-*][ \t]+\`(${ID})\`:`, 'gm'))].map((m) => m[1] ?? '');

/** The rule IDs a text names, and the families (`M-wb-*`, given as `M-wb-`) it names. */
function citations(text: string): { readonly ids: Set<string>; readonly families: Set<string> } {
  const ids = new Set<string>();
  const families = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`\b(${ID})(-\*)?`, 'g'))) {
    if (m[2] === undefined) ids.add(m[1] ?? '');
    else families.add(`${m[1]}-`);
  }
  return { ids, families };
}

const defined = new Set(definitions(PAGE));
const isTest = (path: string): boolean => path.endsWith('.test.ts');

/** Each ID (or family) the given files name, with the files that name it. */
function citedBy(paths: readonly string[], kind: 'ids' | 'families'): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const path of paths) for (const id of citations(SOURCES[path] ?? '')[kind]) by.set(id, [...(by.get(id) ?? []), path]);
  return by;
}

describe('rule IDs of the race model', () => {
  it('tells definitions from mentions and families from rules', () => {
    const page = '- `M-a`: a rule, unlike `M-b` (`M-c`).\n  - `M-d`: nested.\n\nSee `M-e`:\n';
    expect(definitions(page)).toEqual(['M-a', 'M-d']);
    const { ids, families } = citations("rule: 'M-a', // M-b-c, not M.a.a; the M-wb-* rules");
    expect([...ids]).toEqual(['M-a', 'M-b-c']);
    expect([...families]).toEqual(['M-wb-']);
  });

  it('has a race model page that defines each rule once', () => {
    const all = definitions(PAGE);
    expect(all.length, 'rules defined on the race model page').toBeGreaterThan(0);
    expect(all.filter((id, i) => all.indexOf(id) !== i), 'rules defined twice').toEqual([]);
    expect(Object.keys(SOURCES).length, 'race engine sources read').toBeGreaterThan(0);
  });

  it('defines every rule the race model page itself refers to', () => {
    expect([...citations(PAGE).ids].filter((id) => !defined.has(id)), 'IDs the page mentions but does not define').toEqual([]);
  });

  it('defines every rule the race engine cites, and some rule of every family it cites', () => {
    const paths = Object.keys(SOURCES);
    const undefinedIds = [...citedBy(paths, 'ids')].filter(([id]) => !defined.has(id));
    expect(undefinedIds.map(([id, files]) => `${id} (cited in ${files.join(', ')})`), 'cited rule IDs the page does not define').toEqual([]);
    const emptyFamilies = [...citedBy(paths, 'families')].filter(([prefix]) => ![...defined].some((id) => id.startsWith(prefix)));
    expect(emptyFamilies.map(([prefix, files]) => `${prefix}* (cited in ${files.join(', ')})`), 'rule families with no rule').toEqual([]);
  });

  it('cites every rule the page defines somewhere in the race engine, tests aside', () => {
    const cited = citedBy(Object.keys(SOURCES).filter((path) => !isTest(path)), 'ids');
    expect([...defined].filter((id) => !cited.has(id)), 'rules no model file cites').toEqual([]);
  });
});
