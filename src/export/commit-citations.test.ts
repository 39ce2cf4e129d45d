import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BEHAVIOURS } from '../engine/kvm/behaviours.ts';
import { kvmDecide } from '../engine/kvm/decide.ts';
import { allInputs } from '../engine/kvm/inputs.ts';
import { KERNEL_COMMITS } from '../engine/kvm/kernel-commits.ts';
import { KERNEL_CHOICES, RELEASES } from '../engine/kvm/releases.ts';
import { citedCommits, commitOfExpression, commitProblems } from './commit-citations.ts';
import { KERNEL_DOC_SOURCE, renderKernelDocument } from './kernel-doc.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'src/content/docs');
const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
const kernelDoc = renderKernelDocument(readFileSync(join(root, KERNEL_DOC_SOURCE), 'utf8')).rst;

/** Every source the engine names, over every input of every release a reader can pick. */
const engineSources = KERNEL_CHOICES.flatMap((kernel) => allInputs(kernel).flatMap((input) => kvmDecide(input).steps.map((step) => step.source)));
/** The commits the engine cites: those its releases bring and those its sources name. */
const engineCited = new Set([
  ...BEHAVIOURS.flatMap((b) => b.commits.map((c) => c.id)),
  ...engineSources.flatMap((source) => [...source.commit.matchAll(/\b[0-9a-f]{12}\b/g)].map((m) => m[0])),
]);

describe('citations', () => {
  it('read a reference whose subject wraps across lines', () => {
    expect(citedCommits('x\ncommit 5c656fcdd6c6 ("mm: Introduce new\n  flag to indicate wc safe")')).toEqual([
      { sha: '5c656fcdd6c6', subject: 'mm: Introduce new flag to indicate wc safe', line: 2 },
    ]);
  });

  it('know an MDX commit expression and nothing else', () => {
    expect(commitOfExpression("commit('c034ec84e879')")).toBe('c034ec84e879');
    expect(commitOfExpression('commit(c034ec84e879)')).toBeUndefined();
  });
});

describe('the one commits table', () => {
  it('holds every commit the engine cites, and the engine cites each with the table\'s subject', () => {
    for (const sha of engineCited) expect(Object.keys(KERNEL_COMMITS)).toContain(sha);
    const problems = [...new Set(engineSources.map((source) => `commit ${source.commit}`))].flatMap((text) => commitProblems(text, { requireSubject: false, requireKnown: true }));
    expect(problems).toEqual([]);
  });

  it('holds every commit the kernel document cites, with its subject', () => {
    expect(commitProblems(kernelDoc, { requireSubject: true, requireKnown: true })).toEqual([]);
  });

  it('holds no commit that neither the kernel document, the engine nor a page cites', () => {
    const onPages = pages.flatMap((page) => [...readFileSync(join(docs, page), 'utf8').matchAll(/\b[0-9a-f]{12}\b/g)].map((m) => m[0]));
    const cited = new Set([...engineCited, ...citedCommits(kernelDoc).map((c) => c.sha), ...onPages]);
    expect(Object.keys(KERNEL_COMMITS).filter((sha) => !cited.has(sha))).toEqual([]);
  });
});

describe('the site pages', () => {
  it('cite each commit of the table with the subject the table holds', () => {
    const conflicts = pages.flatMap((page) =>
      commitProblems(readFileSync(join(docs, page), 'utf8'), { requireSubject: false, requireKnown: false }).map((p) => `${page} ${p}`),
    );
    expect(conflicts).toEqual([]);
  });

  it('cite the four commits Linux 6.9 brought', () => {
    const cited = new Set(
      pages.flatMap((page) => {
        const text = readFileSync(join(docs, page), 'utf8');
        return [...citedCommits(text).map((c) => c.sha), ...[...text.matchAll(/<Commit id="([0-9a-f]{12})"/g)].map((m) => m[1])];
      }),
    );
    for (const sha of RELEASES['6.9'].commits) expect(cited).toContain(sha);
  });
});
