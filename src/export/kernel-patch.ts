/**
 * The kernel document as a patch that `git am` applies: the new file and
 * its toctree entry, committed in a scratch repository over the base
 * index.rst and written out by `git format-patch`, so that the headers,
 * diffstat, blob ids and hunk counts are git's own. The author is the
 * project, not a person; the patch carries no Signed-off-by, which only
 * the person who submits it can give (`git am --signoff`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loreUrl, type KernelDocument } from './kernel-doc.ts';
import { ARM_INDEX_BASE, ARM_INDEX_PATH, withToctreeEntry } from './kernel-tree.ts';

/** The patch's author: the project, at a reserved domain that reaches nobody. */
export const PATCH_AUTHOR = { name: 'kvm-s2-normal-nc project', email: 'docs@kvm-s2-normal-nc.invalid' } as const;

/** The commit message: subject, body, then one Link: tag per thread. */
export function commitMessage(doc: KernelDocument): string {
  const links = doc.patch.threads.map((msgid) => `Link: ${loreUrl(msgid)}`);
  return `${doc.patch.subject}\n\n${doc.patch.message}\n\n${links.join('\n')}\n`;
}

/** git with no user or system configuration, so every machine writes the same patch. */
function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'core.abbrev=12', '-c', 'init.defaultBranch=master', ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  if (run.error !== undefined) throw new Error(`kernel patch: cannot run git (${run.error.message})`);
  if (run.status !== 0) throw new Error(`kernel patch: git ${args[0] ?? ''} failed: ${run.stderr.trim()}`);
  return run.stdout;
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A git environment that reads no configuration and stamps commits with `date`. */
export function isolatedGitEnv(home: string, date: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: PATCH_AUTHOR.name,
    GIT_AUTHOR_EMAIL: PATCH_AUTHOR.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: PATCH_AUTHOR.name,
    GIT_COMMITTER_EMAIL: PATCH_AUTHOR.email,
    GIT_COMMITTER_DATE: date,
    TZ: 'UTC',
  };
}

export function buildKernelPatch(doc: KernelDocument): string {
  if (dirname(doc.path) !== dirname(ARM_INDEX_PATH)) {
    throw new Error(`kernel patch: ${doc.path} is not beside ${ARM_INDEX_PATH}, whose toctree the patch extends`);
  }
  const entry = doc.path.replace(/^.*\//, '').replace(/\.rst$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'kernel-patch-'));
  try {
    const env = isolatedGitEnv(dir, doc.patch.date);
    git(dir, env, 'init', '-q');
    write(dir, ARM_INDEX_PATH, ARM_INDEX_BASE);
    git(dir, env, 'add', '.');
    git(dir, env, 'commit', '-q', '-m', 'base');
    write(dir, doc.path, doc.rst);
    write(dir, ARM_INDEX_PATH, withToctreeEntry(ARM_INDEX_BASE, entry));
    write(dir, '.git/PATCH_MESSAGE', commitMessage(doc));
    git(dir, env, 'add', '.');
    git(dir, env, 'commit', '-q', '--cleanup=verbatim', '-F', '.git/PATCH_MESSAGE');
    return git(dir, env, 'format-patch', '-1', '--stdout', '--zero-commit', '--no-signature', '--stat=72', '--summary');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
