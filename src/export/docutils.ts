/**
 * Test support: runs scripts/check/rst.sh, the check `npm test` applies to
 * the built document, on ReST the tests produce.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/check/rst.sh', import.meta.url));

/** Whether Debian's docutils is installed; the tests that need it are skipped otherwise. */
export function hasDocutils(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import docutils'], { stdio: 'ignore' }).status === 0;
}

/** docutils' warnings and errors for `rst`, or '' when it has none. */
export function docutilsProblems(rst: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rst-'));
  try {
    const file = join(dir, 'test.rst');
    writeFileSync(file, rst);
    const run = spawnSync('bash', [script, file], { encoding: 'utf8' });
    return run.status === 0 ? '' : run.stderr || `check-rst.sh exited with ${run.status}`;
  } finally {
    rmSync(dir, { recursive: true });
  }
}
