/**
 * The engine sources of an older commit, for benchmarks that compare it
 * with the current one on the same machine in the same run: `git archive`
 * of its src/engine/ into a fresh temporary directory. Its modules run on
 * Node's type stripping as the current ones do (they import nothing from
 * outside src/engine/).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory holding `commit`'s src/engine/ (its race engine is race/index.ts there). */
export function engineAt(commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), `engine-${commit}-`));
  const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src/engine'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return join(dir, 'src/engine');
}
