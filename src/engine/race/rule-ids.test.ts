/**
 * One source per fact, checked both ways (issue 18): the race model page
 * defines each rule of the model once (rule-ids.ts says how); the
 * TypeScript under src/engine/race/ cites the IDs of the rules it
 * implements. A cited ID the page does not define points a reader
 * nowhere; a defined rule that no model file cites is either not
 * implemented or implemented where nobody can find it. A family cites no
 * rule, but must name at least one.
 */
import { describe, expect, it } from 'vitest';
// A static import: without the page this file fails to load, so the check cannot be skipped.
import PAGE from '../../content/docs/reference/race-model.mdx?raw';
import { ruleCitations, ruleDefinitions } from './rule-ids.ts';

/** Every TypeScript file of the race engine, tests included, but not this one, whose examples cite rules that do not exist. */
const SOURCES = import.meta.glob<string>(['/src/engine/race/**/*.ts', '!/src/engine/race/rule-ids.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const defined = new Set(ruleDefinitions(PAGE));
const isTest = (path: string): boolean => path.endsWith('.test.ts');

/** Each ID (or family) the given files name, with the files that name it. */
function citedBy(paths: readonly string[], kind: 'ids' | 'families'): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const path of paths) for (const id of ruleCitations(SOURCES[path] ?? '')[kind]) by.set(id, [...(by.get(id) ?? []), path]);
  return by;
}

describe('rule IDs of the race model', () => {
  it('tells definitions from mentions and families from rules', () => {
    const page = '- `M-a`: a rule, unlike `M-b` (`M-c`).\n  - `M-d`: nested.\n\nSee `M-e`:\n';
    expect(ruleDefinitions(page)).toEqual(['M-a', 'M-d']);
    const { ids, families } = ruleCitations("rule: 'M-a', // M-b-c, not M.a.a; the M-wb-* rules");
    expect([...ids]).toEqual(['M-a', 'M-b-c']);
    expect([...families]).toEqual(['M-wb-']);
  });

  it('has a race model page that defines each rule once', () => {
    const all = ruleDefinitions(PAGE);
    expect(all.length, 'rules defined on the race model page').toBeGreaterThan(0);
    expect(all.filter((id, i) => all.indexOf(id) !== i), 'rules defined twice').toEqual([]);
    expect(Object.keys(SOURCES).length, 'race engine sources read').toBeGreaterThan(0);
  });

  it('defines every rule the race model page itself refers to', () => {
    expect([...ruleCitations(PAGE).ids].filter((id) => !defined.has(id)), 'IDs the page mentions but does not define').toEqual([]);
  });

  it('defines every rule the race engine cites', () => {
    const undefinedIds = [...citedBy(Object.keys(SOURCES), 'ids')].filter(([id]) => !defined.has(id));
    expect(undefinedIds.map(([id, files]) => `${id} (cited in ${files.join(', ')})`), 'cited rule IDs the page does not define').toEqual([]);
  });

  it('defines some rule of every family the race engine cites', () => {
    const emptyFamilies = [...citedBy(Object.keys(SOURCES), 'families')].filter(([prefix]) => ![...defined].some((id) => id.startsWith(prefix)));
    expect(emptyFamilies.map(([prefix, files]) => `${prefix}* (cited in ${files.join(', ')})`), 'rule families with no rule').toEqual([]);
  });

  it('cites every rule the page defines somewhere in the race engine, tests aside', () => {
    const cited = citedBy(Object.keys(SOURCES).filter((path) => !isTest(path)), 'ids');
    expect([...defined].filter((id) => !cited.has(id)), 'rules no model file cites').toEqual([]);
  });
});
