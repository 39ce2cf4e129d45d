/**
 * Kernel releases: which behaviour each answers with, and the code state
 * of each behaviour, built from the commits merged for it (commits.ts).
 * The mainline numbering went from 6.19 to 7.0, so 6.20 and later 6.x
 * releases do not exist.
 */
import { LINUX_6_8, type KvmCode } from './code.ts';
import { applyAll, SERIES_6_17, SERIES_6_9, SERIES_7_0, SERIES_7_1, type Commit } from './commits.ts';
import type { Behaviour } from './types.ts';

export interface BehaviourInfo {
  readonly behaviour: Behaviour;
  /** The releases that share it: `6.9-6.16`; the newest is open-ended (`7.1 and later`). */
  readonly releases: string;
  /** The commits merged for its first release that bear on the stage-2 choice. */
  readonly commits: readonly Commit[];
  readonly code: KvmCode;
}

const code6_9 = applyAll(LINUX_6_8, SERIES_6_9);
const code6_17 = applyAll(code6_9, SERIES_6_17);
const code7_0 = applyAll(code6_17, SERIES_7_0);
const code7_1 = applyAll(code7_0, SERIES_7_1);

/** Oldest first. */
export const BEHAVIOURS: readonly BehaviourInfo[] = [
  { behaviour: '6.8', releases: '6.8', commits: [], code: LINUX_6_8 },
  { behaviour: '6.9', releases: '6.9-6.16', commits: SERIES_6_9, code: code6_9 },
  { behaviour: '6.17', releases: '6.17-6.19', commits: SERIES_6_17, code: code6_17 },
  { behaviour: '7.0', releases: '7.0', commits: SERIES_7_0, code: code7_0 },
  { behaviour: '7.1', releases: '7.1 and later', commits: SERIES_7_1, code: code7_1 },
];

/** Bad kernel release text: the message names it and the accepted form. */
export class KernelReleaseError extends Error {
  override readonly name = 'KernelReleaseError';
}

export interface Release {
  readonly major: number;
  readonly minor: number;
}

/**
 * `6.17`, also `v6.17`, `6.17.3` (a stable release) or `6.17-rc2`: the
 * behaviour is that of the mainline 6.17 tag (backports to a stable
 * release are not modelled).
 */
export function parseRelease(text: string): Release {
  const match = /^v?(\d{1,2})\.(\d{1,2})(?:\.\d+)?(?:-rc\d+)?$/.exec(text.trim());
  if (!match) throw new KernelReleaseError(`kernel release '${text}' is not of the form X.Y (e.g. 6.17)`);
  const release = { major: Number(match[1]), minor: Number(match[2]) };
  if (release.major < 6 || (release.major === 6 && release.minor < 8)) {
    throw new KernelReleaseError(`kernel release ${release.major}.${release.minor} is older than 6.8, the oldest this model covers`);
  }
  if (release.major === 6 && release.minor > 19) {
    throw new KernelReleaseError(`there is no Linux ${release.major}.${release.minor}: 6.19 was followed by 7.0`);
  }
  return release;
}

const atLeast = (r: Release, major: number, minor: number): boolean => r.major > major || (r.major === major && r.minor >= minor);

/** The behaviour a release answers with: the newest one whose first release it has reached. */
export function behaviourOf(text: string): BehaviourInfo {
  const release = parseRelease(text);
  const found = [...BEHAVIOURS].reverse().find((b) => {
    const [major, minor] = b.behaviour.split('.').map(Number);
    return atLeast(release, major ?? 0, minor ?? 0);
  });
  // parseRelease() refuses anything before 6.8, the first behaviour.
  return found ?? (BEHAVIOURS[0] as BehaviourInfo);
}

export function behaviourInfo(behaviour: Behaviour): BehaviourInfo {
  return BEHAVIOURS.find((b) => b.behaviour === behaviour) as BehaviourInfo;
}
