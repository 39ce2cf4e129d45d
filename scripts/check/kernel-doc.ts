/**
 * `npm test` step: the kernel document and its patch against the kernel's
 * rules (src/export/kernel-doc-rules.ts), the commits table, the site's
 * own commit citations, and git. The served /documentation.patch has no
 * author and must say so (and be exactly what the source builds); the
 * patch as a submitter makes it (here with a check identity) must pass
 * the patch rules, `git apply --check` on the base index.rst and on one
 * with the newest release's extra toctree entry, and `git am` on a scratch
 * tree, leaving exactly the served document behind. Needs no network;
 * kernel-tools.ts checks the same patch on a real kernel tree.
 *
 *   node scripts/check/kernel-doc.ts [dist-dir]
 *
 * Prints one line per problem on stderr and exits 1 if there is any.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { commitProblems } from '../../src/export/commit-citations.ts';
import { KERNEL_DOC_SOURCE, renderKernelDocument } from '../../src/export/kernel-doc.ts';
import { kernelDocProblems, kernelPatchProblems, wordCount } from '../../src/export/kernel-doc-rules.ts';
import { parseAuthor } from '../../src/engine/patch/index.ts';
import { isolatedGitEnv } from '../../src/export/git-format-patch.ts';
import { buildKernelDocument } from '../../src/export/kernel-doc.ts';
import { buildKernelPatch } from '../../src/export/kernel-patch.ts';
import { ARM_INDEX_BASE, ARM_INDEX_PATH } from '../../src/export/kernel-tree.ts';

const root = join(import.meta.dirname, '../..');
const dist = process.argv[2] ?? join(root, 'dist');
const rstFile = join(dist, 'documentation.rst');
const patchFile = join(dist, 'documentation.patch');
for (const file of [rstFile, patchFile]) {
  if (!existsSync(file)) {
    console.error(`check-kernel-doc: ${file} is missing; run 'npx astro build' first`);
    process.exit(1);
  }
}
const rst = readFileSync(rstFile, 'utf8');
const served = readFileSync(patchFile, 'utf8');
const { path } = renderKernelDocument(readFileSync(join(root, KERNEL_DOC_SOURCE), 'utf8'));
const name = path.replace(/^.*\//, '').replace(/\.rst$/, '');
const doc = await buildKernelDocument(root);
const checkAuthor = parseAuthor('Kernel Doc Check <kernel-doc-check@example.org>');
const patch = buildKernelPatch(doc, checkAuthor);
const signedFile = join(mkdtempSync(join(tmpdir(), 'kernel-doc-')), '0001.patch');
writeFileSync(signedFile, patch);

const problems = [
  ...kernelDocProblems(rst, name).map((p) => `documentation.rst ${p}`),
  ...servedPatchProblems(),
  ...kernelPatchProblems(patch, rst, path).map((p) => `the patch with an author: ${p}`),
  ...siteCitationProblems(),
  ...gitProblems(),
];

/** The served patch: the unauthored text the source builds, which says it needs an author and names nobody. */
function servedPatchProblems(): string[] {
  const problems: string[] = [];
  if (served !== buildKernelPatch(doc)) problems.push('documentation.patch is not what the source builds without an author (rebuild the site)');
  if (!served.startsWith('This patch needs an author')) problems.push('documentation.patch does not start by saying it needs an author');
  if (/^(From|Signed-off-by): /m.test(served) || /\.invalid\b/.test(served)) problems.push('documentation.patch names an author or a sign-off although nobody has taken authorship');
  return problems;
}

/** The site must cite each commit of the table with the table's subject. */
function siteCitationProblems(): string[] {
  const docs = join(root, 'src/content/docs');
  const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
  return pages.flatMap((page) =>
    commitProblems(readFileSync(join(docs, page), 'utf8'), { requireSubject: false, requireKnown: false }).map(
      (p) => `src/content/docs/${page} ${p}`,
    ),
  );
}

function run(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  return result.status === 0 ? undefined : `git ${args.join(' ')}: ${(result.stderr || result.stdout).trim()}`;
}

/** A scratch repository holding only `index` as index.rst. */
function scratchTree(index: string, env: (home: string) => NodeJS.ProcessEnv): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'kernel-tree-'));
  const gitEnv = env(dir);
  mkdirSync(join(dir, dirname(ARM_INDEX_PATH)), { recursive: true });
  writeFileSync(join(dir, ARM_INDEX_PATH), index);
  for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'base']]) {
    const failed = run(dir, gitEnv, ...args);
    if (failed !== undefined) throw new Error(failed);
  }
  return { dir, env: gitEnv };
}

/**
 * `git apply --check` on the base index.rst and on one whose toctree has
 * grown below the hunk's context (as later releases add documents), then
 * `git am` on the base, which must leave the served document in place.
 */
function gitProblems(): string[] {
  const env = (home: string) => isolatedGitEnv(home, '2026-01-01T00:00:00Z', checkAuthor);
  const grown = ARM_INDEX_BASE.replace('   hypercalls\n', '   hypercalls\n   pkvm\n');
  const problems: string[] = [];
  for (const [label, index] of [['the base index.rst', ARM_INDEX_BASE], ['the index.rst of 7.2.13 and 7.3.4 (with pkvm)', grown]] as const) {
    const tree = scratchTree(index, env);
    try {
      const failed = run(tree.dir, tree.env, 'apply', '--check', signedFile);
      if (failed !== undefined) problems.push(`the patch does not apply to ${label}: ${failed}`);
      if (index !== ARM_INDEX_BASE) continue;
      const amFailed = run(tree.dir, tree.env, 'am', '-q', signedFile);
      if (amFailed !== undefined) problems.push(`the patch: ${amFailed}`);
      else if (readFileSync(join(tree.dir, path), 'utf8') !== rst) problems.push(`git am left a ${path} that differs from documentation.rst`);
    } finally {
      rmSync(tree.dir, { recursive: true, force: true });
    }
  }
  return problems;
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-kernel-doc: ${problem}`);
  process.exit(1);
}
const stat = patch.split('\n').filter((line) => /^ \S+ +\| |^ \d+ files? changed/.test(line));
console.log(`check-kernel-doc: OK, ${path} (${wordCount(rst)} words) follows the kernel's rules, documentation.patch asks for an author, and the patch with one applies with git am:`);
for (const line of stat) console.log(`  ${line.trim()}`);
