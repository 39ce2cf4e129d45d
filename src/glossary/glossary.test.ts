/**
 * The glossary page read as data, and every <Term> of the pages against
 * it: each term a page links resolves to an entry, each entry has an
 * anchor of its own and a first sentence to show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTerm, glossaryEntries, termId } from './glossary.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'src/content/docs');
const page = readFileSync(join(docs, 'reference/glossary.mdx'), 'utf8');
const entries = glossaryEntries(page);

describe('the glossary', () => {
  it('defines the terms a student meets, each with an anchor of its own and one sentence to show', () => {
    for (const name of ['PE', 'BAR', 'VMA', 'memslot', 'IPA', 'root complex', 'write buffer', 'counterexample', 'knob', 'scenario', 'FLR', 'TLBI', 'Normal-NC', 'Device-nGnRE', 'MAIR_ELx', 'FEAT_S2FWB']) {
      expect(findTerm(entries, name), name).toBeDefined();
    }
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.short, e.title).toMatch(/^\S.{10,}[.)]$/);
      expect(e.short, e.title).not.toMatch(/\{|\]\(/);
    }
  });

  it('reads a title’s names, its anchor and its first sentence', () => {
    const [entry] = glossaryEntries('**Gathering (G).** Permission to merge accesses, e.g. two writes. More (B2.10.2.1).\n\n**`MAIR_ELx`.** See [it](/x/) in D8.6.1 for {x}. Two.');
    expect(entry).toEqual({ id: 'term-gathering', title: 'Gathering (G)', names: ['gathering (g)', 'gathering'], short: 'Permission to merge accesses, e.g. two writes.' });
    expect(glossaryEntries('**`MAIR_ELx`.** See [it](/x/) in D8.6.1 for {x}. Two.', () => 'X')[0]).toMatchObject({ id: 'term-mair_elx', short: 'See it in D8.6.1 for X.' });
    expect(glossaryEntries('**PE.** Processing element (DDI0487 M.a.a, Glossary). More.')[0]?.short).toBe('Processing element.');
    expect(termId('Stage 1, stage 2.')).toBe('term-stage-1');
  });

  it('finds a term by any of its names, in any case, and in the plural', () => {
    expect(findTerm(entries, 'PEs')?.id).toBe('term-pe');
    expect(findTerm(entries, 'BARs')?.id).toBe('term-bar');
    expect(findTerm(entries, 'root complexes')?.id).toBe('term-root-complex');
    expect(findTerm(entries, 'stage 2')?.id).toBe('term-stage-1');
    expect(findTerm(entries, 'nothing of the sort')).toBeUndefined();
  });

  it('resolves every <Term> of every page', () => {
    const files = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    const used = files.flatMap((file) =>
      [...readFileSync(join(docs, file), 'utf8').matchAll(/<Term(?:\s+name="([^"]+)")?\s*>([^<]*)<\/Term>/g)].map((m) => ({ file, name: m[1] ?? m[2] ?? '' })),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((u) => findTerm(entries, u.name) === undefined)).toEqual([]);
  });
});
