/**
 * The kernel releases this engine knows, one row each: the first release
 * of every behaviour of KVM's stage-2 choice that it tells apart, what
 * changed in it, where the engine read it, and the commits it brought
 * (kernel-commits.ts holds their ids and subjects, commits.ts what each
 * does to the code). A release read that changed nothing is a row too, so
 * the newest row is the newest release the model has read: nothing is
 * claimed about a later one. Every list of releases, every label such as
 * `6.9-6.16` and every "since" or "up to" on the site is derived from
 * these rows and from the mainline numbering below, so adding a release is
 * one row here, plus the commits and effects the compiler then asks for.
 */
import type { Stage2CommitId } from './kernel-commits.ts';

export interface ReleaseRow {
  /** What changed for the stage-2 choice, as a capitalised phrase (the changelog's). */
  readonly changed: string;
  /**
   * Where the engine's reading of it comes from, as a sentence the
   * changelog prints: what was read (a tag, the topic branch that brought
   * its commits, a distribution's source package), or that the release
   * itself was not read and what its row rests on instead.
   */
  readonly source: string;
  /** The commits it brought that bear on the stage-2 choice, in merge order. */
  readonly commits: readonly Stage2CommitId[];
}

/** Oldest first; the first row is the code as read, each later one the row before with its commits applied. */
export const RELEASES = {
  '6.8': {
    changed: 'The last release before the Normal-NC series',
    source: 'Read from the v6.8 tag',
    commits: [],
  },
  // Applied to kvmarm/next from the v9 series, 20240224150546.368-1-ankita@nvidia.com.
  '6.9': {
    changed: 'The stage-2 Normal-NC series',
    // The branch was merged twice, into kvmarm/next (9bd8d7df1971) and into the VFIO tree (c71f08cfb3c6).
    source: 'Read from the kvm-arm64/vfio-normal-nc topic branch, merged into kvmarm/next as 9bd8d7df1971',
    commits: ['c034ec84e879', '5c656fcdd6c6', '8c47ce3e1d2c', 'a39d3a966a09'],
  },
  // Cover letter 20250621042111.3992-1-ankita@nvidia.com; KVM/arm64 pull aIe-v1QP-VvaOONC@linux.dev.
  '6.17': {
    changed: 'Cacheable PFNMAP',
    source: 'Read from the kvm-arm64/cacheable-pfnmap topic branch, in the KVM/arm64 pull for 6.17',
    commits: ['8cc9dc1ae4fb', '216887f79d98', '2a8dfab26677', '0c67288e0c8b', 'f55ce5a6cd33'],
  },
  // KVM/arm64 updates for 7.0, 20260206153345.3582574-1-maz@kernel.org.
  '7.0': {
    changed: 'Stage-2 encodings that leave the type to stage 1, used only for the pKVM host',
    source: 'Read from the kvm-arm64/fwb-for-all topic branch, in the KVM/arm64 updates for 7.0',
    commits: ['d4236f1ef270', '17d7b15131f3', 'a373930ec940', '4f27fe82aa30', '65d00e37b17f'],
  },
  /*
   * Marc Zyngier's rework, built on Fuad Tabba's patches: a6e11bd6e1bd
   * moved the protection logic into kvm_s2_fault_compute_prot(); later in
   * the same merge e314a4dbdb8b moved the detection of memory outside the
   * linear map, the cacheable-or-not decision and the cacheable PFNMAP
   * -EFAULT into kvm_s2_fault_pin_pfn(). The choice between Normal-NC and
   * Device-nGnRE stays in kvm_s2_fault_compute_prot(). Neither v7.1 nor
   * the commits were read: the split between the two commits is from
   * their subjects and their order in the merge, and the end state is the
   * code of 7.2.13 below, which has no later change to it.
   */
  '7.1': {
    changed: 'The fault handler split into helpers, with no change in what it decides',
    source:
      'Not read: the row is the code of 7.2.13, with the two commits placed by their subjects and their order in the kvm-arm64/user_mem_abort-rework merge (6fe2f19c03a5)',
    commits: ['a6e11bd6e1bd', 'e314a4dbdb8b'],
  },
  /*
   * Read from Debian's linux-source-7.2 7.2.13-1: v7.2 with the stable
   * updates up to 7.2.13 and Debian's patches, not the v7.2 tag. Its
   * arch/arm64/kvm/mmu.c (kvm_s2_fault_pin_pfn(),
   * kvm_s2_fault_compute_prot(), kvm_arch_prepare_memory_region()),
   * arch/arm64/kvm/hyp/pgtable.c and include/linux/mm.h
   * (VM_ALLOW_ANY_UNCACHED, now a VMA-bit enum entry) decide as 7.1 does.
   */
  '7.2': {
    changed: 'No change to the stage-2 choice',
    source: "Read from Debian's linux-source-7.2 7.2.13-1, not the v7.2 tag",
    commits: [],
  },
  /*
   * Read from Debian's linux-source-7.3 7.3.4-1~bpo13+1 (v7.3 with stable
   * updates); against 7.2.13 its mmu.c differs only in when
   * user_mem_abort() tops up the page-table memcache.
   */
  '7.3': {
    changed: 'No change to the stage-2 choice',
    source: "Read from Debian's linux-source-7.3 7.3.4-1~bpo13+1, not the v7.3 tag",
    commits: [],
  },
} as const satisfies Readonly<Record<string, ReleaseRow>>;

/** The first release of each behaviour of KVM's stage-2 choice that this engine tells apart. */
export type Behaviour = keyof typeof RELEASES;

/** A commit some release brings: commits.ts must say what it does. */
export type ReleaseCommit = (typeof RELEASES)[Behaviour]['commits'][number];

/**
 * The last minor release of each major series that ended within the
 * releases modelled: the mainline numbering went from 6.19 to 7.0, so
 * 6.20 and later 6.x releases do not exist.
 */
const LAST_MINOR: Readonly<Record<number, number>> = { 6: 19 };

/** Bad kernel release text: the message names it and the accepted form. */
export class KernelReleaseError extends Error {
  override readonly name = 'KernelReleaseError';
}

export interface Release {
  readonly major: number;
  readonly minor: number;
}

/** `6.17`: how a release is written in labels, links and inputs. */
export const releaseLabel = (r: Release): string => `${r.major}.${r.minor}`;

function readLabel(text: string): Release {
  const [major = 0, minor = 0] = text.split('.').map(Number);
  return { major, minor };
}

const compare = (a: Release, b: Release): number => a.major - b.major || a.minor - b.minor;

/** Every behaviour, oldest first. */
export const BEHAVIOUR_ORDER: readonly Behaviour[] = (Object.keys(RELEASES) as Behaviour[]).sort((a, b) => compare(readLabel(a), readLabel(b)));

export const OLDEST: Behaviour = BEHAVIOUR_ORDER[0] as Behaviour;
/** The newest release the model has read: the site claims nothing about a later one. */
export const NEWEST: Behaviour = BEHAVIOUR_ORDER[BEHAVIOUR_ORDER.length - 1] as Behaviour;

function next(r: Release): Release {
  return r.minor === LAST_MINOR[r.major] ? { major: r.major + 1, minor: 0 } : { major: r.major, minor: r.minor + 1 };
}

function previous(r: Release): Release {
  if (r.minor > 0) return { major: r.major, minor: r.minor - 1 };
  const last = LAST_MINOR[r.major - 1];
  if (last === undefined) throw new Error(`releases.ts: LAST_MINOR does not say which ${r.major - 1}.x release came before ${releaseLabel(r)}`);
  return { major: r.major - 1, minor: last };
}

/**
 * `6.17`, also `v6.17`, `6.17.3` (a stable release) or `6.17-rc2`: the
 * behaviour is that of the mainline 6.17 release (backports to a stable
 * release are not modelled). A release newer than the newest row is
 * refused: the model has not read it.
 */
export function parseRelease(text: string): Release {
  const match = /^v?(\d{1,2})\.(\d{1,2})(?:\.\d+)?(?:-rc\d+)?$/.exec(text.trim());
  if (!match) throw new KernelReleaseError(`kernel release '${text}' is not of the form X.Y (e.g. 6.17)`);
  const release = { major: Number(match[1]), minor: Number(match[2]) };
  if (compare(release, readLabel(OLDEST)) < 0) {
    throw new KernelReleaseError(`kernel release ${releaseLabel(release)} is older than ${OLDEST}, the oldest this model covers`);
  }
  const last = LAST_MINOR[release.major];
  if (last !== undefined && release.minor > last) {
    const final = { major: release.major, minor: last };
    throw new KernelReleaseError(`there is no Linux ${releaseLabel(release)}: ${releaseLabel(final)} was followed by ${releaseLabel(next(final))}`);
  }
  if (compare(release, readLabel(NEWEST)) > 0) {
    throw new KernelReleaseError(`kernel release ${releaseLabel(release)} is newer than ${NEWEST}, the newest release this model has read`);
  }
  return release;
}

/** The behaviour a release answers with: the newest one whose first release it has reached. */
export function behaviourAt(release: Release): Behaviour {
  // parseRelease() refuses anything before the oldest behaviour.
  return BEHAVIOUR_ORDER.findLast((b) => compare(release, readLabel(b)) >= 0) ?? OLDEST;
}

/** The oldest behaviour whose first release is `release` or later (a commit older than the model counts from the oldest). */
export function behaviourFrom(release: string): Behaviour {
  const found = BEHAVIOUR_ORDER.find((b) => compare(readLabel(b), readLabel(release)) >= 0);
  if (found === undefined) throw new Error(`no release of this model is ${release} or later`);
  return found;
}

/**
 * The releases from the first release of `first` to the last one that
 * shares the behaviour `last`: `6.9-6.16`, `7.0`; a span that reaches the
 * newest row ends there (`6.17-7.3`), as nothing later was read.
 */
export function releaseSpan(first: Behaviour, last: Behaviour): string {
  const end = last === NEWEST ? NEWEST : releaseLabel(previous(readLabel(BEHAVIOUR_ORDER[BEHAVIOUR_ORDER.indexOf(last) + 1] as Behaviour)));
  return end === first ? first : `${first}-${end}`;
}

/**
 * What the site writes for "from `first` on": `6.17 to 7.3`, up to the
 * newest release read (just `7.3` from 7.3), never an open-ended "and
 * later". Pages render it (`{releasesFrom('6.17')}`) instead of typing it.
 */
export function releasesFrom(first: string): string {
  const release = parseRelease(first);
  return compare(release, readLabel(NEWEST)) === 0 ? NEWEST : `${releaseLabel(release)} to ${NEWEST}`;
}

/** Every mainline release from `from` to `to`, both included. */
function mainline(from: Release, to: Release): string[] {
  const releases: string[] = [];
  for (let r = from; compare(r, to) <= 0; r = next(r)) releases.push(releaseLabel(r));
  return releases;
}

/** The releases a reader can pick: every mainline release from the oldest behaviour to the newest behaviour's first release. */
export const KERNEL_CHOICES: readonly string[] = mainline(readLabel(OLDEST), readLabel(NEWEST));
