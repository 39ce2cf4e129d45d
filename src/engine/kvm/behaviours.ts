/**
 * Each behaviour of KVM's stage-2 choice as the engine runs it: its row of
 * the release table (releases.ts), its commits with the facts of the
 * commit table (kernel-commits.ts) and what each does to the code
 * (commits.ts), and the code state they leave: the oldest as read
 * (code.ts), each later one the state before with its commits applied in
 * merge order.
 */
import { LINUX_6_8, type KvmCode } from './code.ts';
import { COMMIT_EFFECTS, type CommitEffect } from './commits.ts';
import { STAGE2_COMMITS, type KernelCommit } from './kernel-commits.ts';
import { BEHAVIOUR_ORDER, behaviourAt, OLDEST, parseRelease, RELEASES, releaseSpan, type Behaviour, type ReleaseCommit } from './releases.ts';

/** A commit a release brings: the commit table's facts and what it does to the code. */
export interface ModelledCommit extends KernelCommit {
  readonly id: ReleaseCommit;
  readonly apply: CommitEffect;
}

export interface BehaviourInfo {
  readonly behaviour: Behaviour;
  /** The releases that share it: `6.9-6.16`; the newest ends at the newest release read (`7.3`). */
  readonly releases: string;
  /** What changed in its first release, and where the engine read it (the release table's row). */
  readonly changed: string;
  readonly source: string;
  /** The commits merged for its first release that bear on the stage-2 choice. */
  readonly commits: readonly ModelledCommit[];
  readonly code: KvmCode;
}

export function applyAll(code: KvmCode, commits: readonly Pick<ModelledCommit, 'apply'>[]): KvmCode {
  return commits.reduce((state, commit) => commit.apply(state), code);
}

const modelled = (id: ReleaseCommit): ModelledCommit => ({ id, ...STAGE2_COMMITS[id], apply: COMMIT_EFFECTS[id] });

/** Oldest first. */
export const BEHAVIOURS: readonly BehaviourInfo[] = BEHAVIOUR_ORDER.reduce<BehaviourInfo[]>((built, behaviour) => {
  const { changed, source } = RELEASES[behaviour];
  const ids: readonly ReleaseCommit[] = RELEASES[behaviour].commits;
  const commits = ids.map(modelled);
  const before = built.at(-1)?.code ?? LINUX_6_8;
  return [...built, { behaviour, releases: releaseSpan(behaviour, behaviour), changed, source, commits, code: applyAll(before, commits) }];
}, []);

export function behaviourInfo(behaviour: Behaviour): BehaviourInfo {
  return BEHAVIOURS.find((b) => b.behaviour === behaviour) as BehaviourInfo;
}

/** The behaviour a release answers with; throws KernelReleaseError for bad release text. */
export function behaviourOf(text: string): BehaviourInfo {
  return behaviourInfo(behaviourAt(parseRelease(text)));
}

/**
 * The releases, from `since` on, whose code passes `test`: the first run
 * of behaviours that do, as a label such as `6.9-7.0` or `6.17-7.3`.
 * A source names the releases it describes this way, from the code state
 * it describes, so a new release extends or ends the range by itself.
 */
export function releasesWhere(test: (code: KvmCode) => boolean, since: Behaviour = OLDEST): string {
  const from = BEHAVIOURS.slice(BEHAVIOUR_ORDER.indexOf(since));
  const first = from.findIndex((b) => test(b.code));
  if (first < 0) throw new Error(`no release from ${since} on has this code`);
  const after = from.findIndex((b, n) => n > first && !test(b.code));
  const last = from[(after < 0 ? from.length : after) - 1] as BehaviourInfo;
  return releaseSpan((from[first] as BehaviourInfo).behaviour, last.behaviour);
}
