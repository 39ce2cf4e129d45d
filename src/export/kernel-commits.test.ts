import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KERNEL_COMMITS, citedCommits, commitOfExpression, commitProblems, commitReference } from './kernel-commits.ts';

const docs = fileURLToPath(new URL('../content/docs', import.meta.url));
const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));

describe('the kernel commits table', () => {
  it('holds 12-digit ids, each once', () => {
    const shas = KERNEL_COMMITS.map((c) => c.sha);
    for (const sha of shas) expect(sha).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(shas).size).toBe(shas.length);
  });

  it('gives the kernel form of a reference', () => {
    expect(commitReference('a39d3a966a09')).toBe('commit a39d3a966a09 ("vfio: Convey kvm that the vfio-pci device is wc safe")');
  });

  it('reads a reference whose subject wraps across lines', () => {
    expect(citedCommits('x\ncommit 5c656fcdd6c6 ("mm: Introduce new\n  flag to indicate wc safe")')).toEqual([
      { sha: '5c656fcdd6c6', subject: 'mm: Introduce new flag to indicate wc safe', line: 2 },
    ]);
  });

  it('knows an MDX commit expression and nothing else', () => {
    expect(commitOfExpression("commit('c034ec84e879')")).toBe('c034ec84e879');
    expect(commitOfExpression('commit(c034ec84e879)')).toBeUndefined();
  });
});

describe('the site pages', () => {
  it('cite each commit of the table with the subject the table holds', () => {
    const conflicts = pages.flatMap((page) =>
      commitProblems(readFileSync(join(docs, page), 'utf8'), { requireSubject: false, requireKnown: false }).map((p) => `${page} ${p}`),
    );
    expect(conflicts).toEqual([]);
  });

  it('cite the four Linux 6.9 commits of the table', () => {
    const cited = new Set(pages.flatMap((page) => citedCommits(readFileSync(join(docs, page), 'utf8')).map((c) => c.sha)));
    for (const { sha } of KERNEL_COMMITS.filter((c) => c.release === '6.9')) expect(cited).toContain(sha);
  });
});
