import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { linksOf } from './document-map.ts';
import { buildDocumentation } from './documentation.ts';
import { docutilsProblems, hasDocutils } from './docutils.ts';
import { matrixTable } from './figures.ts';
import { loadGroup, loadPage, type SourcePage } from './pages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'src/content/docs');

let document = '';
let guide: SourcePage[] = [];
let references: SourcePage[] = [];

beforeAll(async () => {
  document = await buildDocumentation({ root });
  guide = await loadGroup(docs, 'guide');
  references = await Promise.all(
    ['discussion', 'checklist', 'glossary', 'sources'].map((name) => loadPage(docs, `reference/${name}`)),
  );
});

/** Titles underlined with '=' and not overlined: the chapters. */
function chapterTitles(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter(
    (line, i) => /^=+$/.test(lines[i + 1] ?? '') && !/^=+$/.test(lines[i - 1] ?? '') && line !== '' && !/^=/.test(line),
  );
}

describe('the Documentation/ export', () => {
  it('has every guide page in sidebar order, then the discussion, checklist, glossary and References', () => {
    expect(chapterTitles(document)).toEqual([...guide, ...references].map((page) => page.title));
  });

  it('cites every external link of every exported page, the Sources lists included', () => {
    const urls = [...guide, ...references].flatMap((page) => linksOf(page.tree).map((link) => link.url));
    const missing = urls.filter((url) => /^https?:/.test(url) && !document.includes(url));
    expect(missing).toEqual([]);
  });

  it('shows each race figure (marker or component), and the scenario its control switches to, as its scenario and the engine verdict, as the scenario expects', () => {
    const figures = guide.flatMap((page) => [...readFileSync(join(docs, `${page.slug}.mdx`), 'utf8').matchAll(/RaceFigure\b[^>\n]*/g)].map(([tag]) => tag));
    const markers = figures.flatMap((tag) => [...tag.matchAll(/\b(?:scenario|on|off)=["']?([\w-]+)/g)]);
    expect(markers.length).toBeGreaterThan(figures.length);
    for (const [, scenario] of markers) expect(document).toContain(`\`\`scenarios/${scenario}.race\`\``);
    const verdicts = [...document.matchAll(/Race engine verdict: \*\*(safe|unsafe)\*\*, as the scenario expects/g)];
    expect(verdicts).toHaveLength(markers.length);
  });

  it('holds both matrices exactly as the combining engine renders them', () => {
    expect(document).toContain(matrixTable(false));
    expect(document).toContain(matrixTable(true));
  });

  it('leaves no MDX behind: no imports, JSX comments or components', () => {
    expect(document).not.toMatch(/^import |\{\/\*|<[A-Z]\w+[\s/>]/m);
  });

  it('keeps every line within 80 columns except a lone URL that cannot be broken', () => {
    const long = document.split('\n').filter((line) => line.length > 80);
    for (const line of long) expect(line.trim()).toMatch(/^<?https?:\/\/\S+$/);
  });

  it('refers to sections of the document for links between exported pages, and keeps only the text of other site links', () => {
    expect(document).toContain('`The reset race <documentation-long-guide-reset-race_>`__');
    expect(document).toContain('.. _documentation-long-guide-reset-race-open-questions:');
    expect(document).not.toMatch(/<\/[a-z]|\/reference\/cli\//);
    expect(document).not.toMatch(/\/documentation(-long)?\.(rst|patch)/);
  });

  it('names no server: no localhost and no site origin', () => {
    expect(document).not.toMatch(/localhost|127\.0\.0\.1|example\.org/);
  });

  it('prefixes every label with the file name, as Sphinx labels are global', () => {
    const labels = [...document.matchAll(/^\.\. _([^:]+):/gm)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((label) => !label?.startsWith('documentation-long-'))).toEqual([]);
  });
});

describe.skipIf(!hasDocutils())('docutils', () => {
  it('accepts the whole document with no warning or error', () => {
    expect(docutilsProblems(document)).toBe('');
  });
});
if (!hasDocutils()) console.warn('docutils not found at /usr/bin/python3: the document was not checked with it');
