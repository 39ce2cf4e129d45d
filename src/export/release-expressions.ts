/**
 * The release words a page renders from the release table
 * (src/engine/kvm/releases.ts) instead of typing them: `{NEWEST}`, the
 * newest release the KVM model has read, and `{releasesFrom('6.17')}`,
 * `6.17 to <newest>`. The ReST export evaluates the same two expressions
 * with the same functions.
 */
import { NEWEST, releasesFrom } from '../engine/kvm/releases.ts';

/** The text of `NEWEST` or `releasesFrom('X.Y')`, or undefined for any other expression. */
export function releaseExpressionText(expression: string): string | undefined {
  const value = expression.trim();
  if (value === 'NEWEST') return NEWEST;
  const from = /^releasesFrom\(\s*(['"])(\d+\.\d+)\1\s*\)$/.exec(value)?.[2];
  return from === undefined ? undefined : releasesFrom(from);
}
