/**
 * The same patch written by git itself, for the tests and checks that
 * hold the patch engine to git's bytes and `git am` it: commits the
 * patch's files in a scratch repository with no user or system
 * configuration and runs `git format-patch`. Node.js only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { authorText, type PatchAuthor, type PatchInput } from '../engine/patch/index.ts';

/** A git environment that reads no configuration and stamps commits with `date` and `author`. */
export function isolatedGitEnv(home: string, date: string, author: PatchAuthor): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_COMMITTER_DATE: date,
    TZ: 'UTC',
  };
}

/** Runs git in `dir`; returns stdout, or throws with git's message. */
export function git(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'core.abbrev=12', '-c', 'init.defaultBranch=master', ...args], { cwd: dir, env, encoding: 'utf8' });
  if (run.error !== undefined) throw new Error(`cannot run git (${run.error.message})`);
  if (run.status !== 0) throw new Error(`git ${args[0] ?? ''} failed: ${(run.stderr || run.stdout).trim()}`);
  return run.stdout;
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** `git format-patch` of `input` signed off by `author`, as git writes it. */
export function gitFormatPatch(input: PatchInput, author: PatchAuthor): string {
  const dir = mkdtempSync(join(tmpdir(), 'git-format-patch-'));
  try {
    const env = isolatedGitEnv(dir, input.date, author);
    git(dir, env, 'init', '-q');
    for (const file of input.files) if (file.before !== undefined) write(dir, file.path, file.before);
    git(dir, env, 'add', '-A');
    git(dir, env, 'commit', '-q', '--allow-empty', '-m', 'base');
    for (const file of input.files) write(dir, file.path, file.after);
    const trailers = [...input.trailers, `Signed-off-by: ${authorText(author)}`];
    write(dir, '.git/PATCH_MESSAGE', `${input.subject}\n\n${input.body.trimEnd()}\n\n${trailers.join('\n')}\n`);
    git(dir, env, 'add', '.');
    git(dir, env, 'commit', '-q', '--cleanup=verbatim', '-F', '.git/PATCH_MESSAGE');
    return git(dir, env, 'format-patch', '-1', '--stdout', '--zero-commit', '--no-signature', '--stat=72', '--summary');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
