/**
 * `npm test` step: the Documentation patch checked with the kernel's own
 * tools, on a real kernel tree. Debian's `linux-source-6.12` package (from
 * the machine's own apt sources, installed by ensure-system-packages.sh)
 * holds the tree; the files the check needs are extracted once into a
 * cache outside the repository (node_modules/.cache/kernel-tree/, or
 * $KERNEL_TREE_CACHE) and reused. Then:
 *
 * - `git am` applies the patch, signed off by a check identity, to that
 *   tree's Documentation/virt/kvm/arm, and leaves the document as built;
 * - the tree's `scripts/checkpatch.pl --strict` finds no error, warning or
 *   check in it but the notice that a new file may need a MAINTAINERS
 *   entry (FILE_PATH_CHANGES);
 * - the tree's Sphinx configuration builds Documentation/virt/kvm/arm
 *   with the patch applied, and the build has no warning that the same
 *   build without the patch does not have (the unpatched subset has a
 *   few of its own: labels of api.rst, which the subset leaves out, and
 *   graphviz's absence).
 *
 * 6.12 is the tree because its index.rst has the same toctree lines around
 * the new entry as the newest release read (7.3), so the one patch applies
 * to both; kernel-doc.ts checks it against a 7.3-like index.rst too.
 *
 *   node scripts/check/kernel-tools.ts
 *
 * Prints one line per problem on stderr and exits 1 if there is any.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAuthor } from '../../src/engine/patch/index.ts';
import { git, isolatedGitEnv } from '../../src/export/git-format-patch.ts';
import { buildKernelDocument } from '../../src/export/kernel-doc.ts';
import { buildKernelPatch } from '../../src/export/kernel-patch.ts';
import { ARM_INDEX_PATH } from '../../src/export/kernel-tree.ts';

const root = join(import.meta.dirname, '../..');
const PACKAGE = 'linux-source-6.12';
const TARBALL = `/usr/src/${PACKAGE}.tar.xz`;
const TOP = PACKAGE;
const SPHINX_BUILD = '/usr/bin/sphinx-build';
/** What the checks read from the tree: checkpatch and its data, the Sphinx configuration and extensions, and the arm64 KVM documents. */
const NEEDED = [
  'scripts/checkpatch.pl',
  'scripts/spelling.txt',
  'scripts/const_structs.checkpatch',
  'Documentation/conf.py',
  'Documentation/sphinx/*',
  'Documentation/sphinx-static/*',
  'Documentation/images/*',
  'Documentation/virt/kvm/arm/*',
];
/** Only the person who submits the patch signs it; the check needs some identity for git am and checkpatch. */
const CHECK_AUTHOR = parseAuthor('Kernel Tools Check <kernel-tools-check@example.org>');
/** checkpatch's notice for a new file, the one message the patch may get (the new file falls under KVM/arm64's F: Documentation/virt/kvm/arm/). */
const ALLOWED = new Set(['FILE_PATH_CHANGES']);

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; out: string } {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw new Error(`cannot run ${command}: ${result.error.message}`);
  return { status: result.status ?? 1, out: `${result.stdout}${result.stderr}` };
}

function packageVersion(): string {
  const { status, out } = run('dpkg-query', ['-W', '-f=${Version}', PACKAGE]);
  if (status !== 0 || !existsSync(TARBALL)) {
    throw new Error(`${PACKAGE} is not installed (${TARBALL}); run bash scripts/ensure-system-packages.sh as root, or apt-get install ${PACKAGE}`);
  }
  return out.trim();
}

/** The extracted files, in the cache; extracted on the first run for this package version. */
function cachedTree(version: string): string {
  const cache = process.env.KERNEL_TREE_CACHE ?? join(root, 'node_modules/.cache/kernel-tree');
  const dir = join(cache, `${PACKAGE}_${version}`);
  const stamp = join(dir, '.extracted');
  if (existsSync(stamp)) return join(dir, TOP);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`check-kernel-tools: extracting what the check needs from ${TARBALL} (${version}) into ${dir}, once`);
  const { status, out } = run('tar', ['-xJf', TARBALL, '-C', dir, '--wildcards', ...NEEDED.map((p) => `${TOP}/${p}`)]);
  if (status !== 0) throw new Error(`tar could not extract from ${TARBALL}: ${out.trim()}`);
  writeFileSync(stamp, `${version}\n`);
  return join(dir, TOP);
}

/** The warnings of a Sphinx build of Documentation/virt/kvm/arm in `tree`, with the tree's own conf.py. */
function sphinxWarnings(tree: string, work: string): string[] {
  const { out } = run(SPHINX_BUILD, ['-q', '-b', 'html', '-c', join(tree, 'Documentation'), '-d', join(work, 'doctrees'), join(tree, 'Documentation/virt/kvm/arm'), join(work, 'html')], {
    env: { ...process.env, PATH: `/usr/bin:${process.env.PATH ?? ''}` },
  });
  return out
    .split('\n')
    .filter((line) => /WARNING|ERROR/.test(line))
    .map((line) => line.replace(tree, '<tree>'));
}

/** The unpatched subset's warnings, kept beside the extracted tree. */
function baselineWarnings(tree: string): string[] {
  const file = join(tree, '..', 'sphinx-baseline.txt');
  if (existsSync(file)) return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const work = mkdtempSync(join(tmpdir(), 'kernel-sphinx-'));
  try {
    const warnings = sphinxWarnings(tree, work);
    writeFileSync(file, warnings.join('\n') + '\n');
    return warnings;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** checkpatch.pl's messages of a type it should not give, as `TYPE: text` lines. */
function checkpatchProblems(tree: string, patchFile: string, work: string): { problems: string[]; total: string } {
  // No .git in the working directory: checkpatch then looks up no commit ids (the tree here has none).
  const { out } = run('perl', [join(tree, 'scripts/checkpatch.pl'), '--strict', '--no-tree', '--show-types', '--no-summary', '--terse', patchFile], { cwd: work });
  const messages = out.split('\n').filter((line) => /: (ERROR|WARNING|CHECK):/.test(line));
  const problems = messages.filter((line) => !ALLOWED.has(/: (?:ERROR|WARNING|CHECK):([A-Z_]+):/.exec(line)?.[1] ?? ''));
  return { problems, total: `${messages.length} message${messages.length === 1 ? '' : 's'} (${messages.map((m) => /:([A-Z_]+):/.exec(m.replace(/^.*?: (?:ERROR|WARNING|CHECK)/, ''))?.[1] ?? m).join(', ') || 'none'})` };
}

async function main(): Promise<number> {
  const started = Date.now();
  const version = packageVersion();
  const tree = cachedTree(version);
  const doc = await buildKernelDocument(root);
  const patch = buildKernelPatch(doc, CHECK_AUTHOR);
  const baseline = baselineWarnings(tree);

  const work = mkdtempSync(join(tmpdir(), 'kernel-tools-'));
  const problems: string[] = [];
  try {
    const patchFile = join(work, '0001-documentation.patch');
    writeFileSync(patchFile, patch);
    const checked = checkpatchProblems(tree, patchFile, work);
    problems.push(...checked.problems.map((p) => `checkpatch.pl --strict: ${p}`));

    // A copy of the tree's files as a git repository, to apply the patch with git am.
    const copy = join(work, 'tree');
    cpSync(tree, copy, { recursive: true });
    const env = isolatedGitEnv(work, doc.patch.date, CHECK_AUTHOR);
    git(copy, env, 'init', '-q');
    git(copy, env, 'add', '-A');
    git(copy, env, 'commit', '-q', '-m', `${PACKAGE} ${version}`);
    try {
      git(copy, env, 'am', '-q', patchFile);
      if (readFileSync(join(copy, doc.path), 'utf8') !== doc.rst) problems.push(`git am left a ${doc.path} that differs from the document`);
      if (!readFileSync(join(copy, ARM_INDEX_PATH), 'utf8').includes(`   ${doc.path.replace(/^.*\//, '').replace(/\.rst$/, '')}\n`)) {
        problems.push(`git am did not add the document to the toctree of ${ARM_INDEX_PATH}`);
      }
      const warnings = sphinxWarnings(copy, work).map((w) => w.replace(copy, '<tree>'));
      const added = warnings.filter((w) => !baseline.includes(w));
      problems.push(...added.map((w) => `sphinx-build (Documentation/virt/kvm/arm): ${w}`));
      console.log(
        `check-kernel-tools: ${PACKAGE} ${version}: git am applied the patch; checkpatch.pl --strict: ${checked.total}; ` +
          `sphinx-build of Documentation/virt/kvm/arm: ${warnings.length - added.length} warning(s) of the tree itself, ${added.length} from the patch (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      problems.push(`git am of the patch onto ${PACKAGE} ${version}: ${(error as Error).message}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const problem of problems) console.error(`check-kernel-tools: ${problem}`);
  return problems.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`check-kernel-tools: ${(error as Error).message}`);
  process.exitCode = 1;
}
