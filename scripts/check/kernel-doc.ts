/**
 * `npm test` step: the kernel document and its patch, as built into dist/,
 * against the kernel's rules (src/export/kernel-doc-rules.ts), the commits
 * table, the site's own commit citations, and git: the patch must pass
 * `git apply --check` and `git am` on a scratch tree holding index.rst,
 * and leave exactly the served document behind. Needs no network.
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
import { isolatedGitEnv } from '../../src/export/kernel-patch.ts';
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
const patch = readFileSync(patchFile, 'utf8');
const { path } = renderKernelDocument(readFileSync(join(root, KERNEL_DOC_SOURCE), 'utf8'));
const name = path.replace(/^.*\//, '').replace(/\.rst$/, '');

const problems = [
  ...kernelDocProblems(rst, name).map((p) => `documentation.rst ${p}`),
  ...kernelPatchProblems(patch, rst, path).map((p) => `documentation.patch: ${p}`),
  ...siteCitationProblems(),
  ...gitProblems(),
];

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
  const env = (home: string) => isolatedGitEnv(home, '2026-01-01T00:00:00Z');
  const grown = ARM_INDEX_BASE.replace('   hypercalls\n', '   hypercalls\n   pkvm\n');
  const problems: string[] = [];
  for (const [label, index] of [['the base index.rst', ARM_INDEX_BASE], ['an index.rst with more entries', grown]] as const) {
    const tree = scratchTree(index, env);
    try {
      const failed = run(tree.dir, tree.env, 'apply', '--check', patchFile);
      if (failed !== undefined) problems.push(`documentation.patch does not apply to ${label}: ${failed}`);
      if (index !== ARM_INDEX_BASE) continue;
      const amFailed = run(tree.dir, tree.env, 'am', '-q', patchFile);
      if (amFailed !== undefined) problems.push(`documentation.patch: ${amFailed}`);
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
console.log(`check-kernel-doc: OK, ${path} (${wordCount(rst)} words) follows the kernel's rules, and documentation.patch applies with git am:`);
for (const line of stat) console.log(`  ${line.trim()}`);
