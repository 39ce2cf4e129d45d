/**
 * The mainline commits this project cites, each as it is in
 * torvalds/linux: the one table that the KVM engine (its commits per
 * release and the commits its sources name), the kernel document, its
 * patch, the checks of both and the site's tests read, so a citation can
 * never drift from the commit it names. It imports nothing, so both the
 * engine and src/export can stand on it.
 *
 * Sources: Oliver Upton's "Applied to kvmarm/next" reply to the v9
 * Normal-NC series (20240224150546.368-1-ankita@nvidia.com) and the
 * kvmarm/next log for the four Linux 6.9 commits; the
 * kvm-arm64/cacheable-pfnmap merge in the kvmarm 6.17 pull
 * (aIe-v1QP-VvaOONC@linux.dev) for the five Linux 6.17 commits; the
 * kvmarm/next log of the kvm-arm64/fwb-for-all merge and the series
 * "KVM: arm64: ... and FWB for all" for the five Linux 7.0 ones; the
 * kvm-arm64/user_mem_abort-rework merge (6fe2f19c03a5) and its series
 * (v1 from Fuad Tabba, 20260306140232.2193802-1-tabba@google.com; the
 * combined v2 from Marc Zyngier) for the Linux 7.1 ones; the
 * kvmarm-fixes-5.5-1 pull for 6d674e28f642. The authors are those of
 * the patches as posted and of the pull requests' shortlogs. The two
 * merges of the 6.9 topic branch: Oliver Upton's 9bd8d7df1971, linked
 * from Alex Williamson's VFIO pull for v6.9-rc1
 * (20240314170157.0a6bdd52.alex.williamson@redhat.com) and in the
 * kvmarm-6.9 tag that Paolo Bonzini's KVM pull for 6.9 brought
 * (20240315174939.2530483-1-pbonzini@redhat.com), and Alex's own
 * c71f08cfb3c6, whose subject is in that VFIO pull's shortlog. The VFIO
 * pull for v6.19-rc1 (20251203130435.4ab658aa.alex@shazbot.org, merged
 * during the 6.19 merge window) for 5d74781ebc86.
 */

export interface KernelCommit {
  /** The commit's subject line, exactly. */
  readonly subject: string;
  /** The patch's author; for a merge, who made the merge. */
  readonly author: string;
  /** The mainline release that first contains it. */
  readonly release: string;
}

/**
 * What a commit is to this project: `stage-2`, a change to KVM's stage-2
 * choice or to what it reads (a release row of releases.ts brings it);
 * `merge`, a merge that brought such changes; `vfio`, a VFIO change the
 * pages describe but the engine does not model.
 */
export type CommitTopic = 'stage-2' | 'merge' | 'vfio';

/**
 * The commits that bear on KVM's stage-2 choice, the engine's: a release
 * row of releases.ts brings each. Keyed by the first 12 hex digits of the
 * id, as the kernel cites and git.kernel.org links commits; in merge order.
 */
export const STAGE2_COMMITS = {
  '6d674e28f642': {
    subject: 'KVM: arm/arm64: Properly handle faulting of device mappings',
    author: 'Marc Zyngier',
    release: '5.5',
  },
  'c034ec84e879': {
    subject: 'KVM: arm64: Introduce new flag for non-cacheable IO memory',
    author: 'Ankit Agrawal',
    release: '6.9',
  },
  '5c656fcdd6c6': {
    subject: 'mm: Introduce new flag to indicate wc safe',
    author: 'Ankit Agrawal',
    release: '6.9',
  },
  '8c47ce3e1d2c': {
    subject: 'KVM: arm64: Set io memory s2 pte as normalnc for vfio pci device',
    author: 'Ankit Agrawal',
    release: '6.9',
  },
  'a39d3a966a09': {
    subject: 'vfio: Convey kvm that the vfio-pci device is wc safe',
    author: 'Ankit Agrawal',
    release: '6.9',
  },
  '8cc9dc1ae4fb': {
    subject: 'KVM: arm64: Rename the device variable to s2_force_noncacheable',
    author: 'Ankit Agrawal',
    release: '6.17',
  },
  '216887f79d98': {
    subject: 'KVM: arm64: Assume non-PFNMAP/MIXEDMAP VMAs can be mapped cacheable',
    author: 'Ankit Agrawal',
    release: '6.17',
  },
  '2a8dfab26677': {
    subject: 'KVM: arm64: Block cacheable PFNMAP mapping',
    author: 'Ankit Agrawal',
    release: '6.17',
  },
  '0c67288e0c8b': {
    subject: 'KVM: arm64: Allow cacheable stage 2 mapping using VMA flags',
    author: 'Ankit Agrawal',
    release: '6.17',
  },
  'f55ce5a6cd33': {
    subject: 'KVM: arm64: Expose new KVM cap for cacheable PFNMAP',
    author: 'Ankit Agrawal',
    release: '6.17',
  },
  'd4236f1ef270': {
    subject: 'arm64: Add MT_S2{,_FWB}_AS_S1 encodings',
    author: 'Marc Zyngier',
    release: '7.0',
  },
  '17d7b15131f3': {
    subject: 'KVM: arm64: Add KVM_PGTABLE_S2_AS_S1 flag',
    author: 'Marc Zyngier',
    release: '7.0',
  },
  'a373930ec940': {
    subject: 'KVM: arm64: Switch pKVM host S2 over to KVM_PGTABLE_S2_AS_S1',
    author: 'Marc Zyngier',
    release: '7.0',
  },
  '4f27fe82aa30': {
    subject: 'KVM: arm64: Kill KVM_PGTABLE_S2_NOFWB',
    author: 'Marc Zyngier',
    release: '7.0',
  },
  '65d00e37b17f': {
    subject: 'KVM: arm64: Simplify PAGE_S2_MEMATTR',
    author: 'Marc Zyngier',
    release: '7.0',
  },
  'a6e11bd6e1bd': {
    subject: 'KVM: arm64: Extract stage-2 permission logic in user_mem_abort()',
    author: 'Fuad Tabba',
    release: '7.1',
  },
  'e314a4dbdb8b': {
    subject: 'KVM: arm64: Move device mapping management into kvm_s2_fault_pin_pfn()',
    author: 'Marc Zyngier',
    release: '7.1',
  },
} as const satisfies Readonly<Record<string, KernelCommit>>;

/**
 * The rest of the table: commits the pages cite that the engine does not
 * model (the merges that brought the 6.9 commits, VFIO changes). Kept in
 * their own part so the engine that runs in the browser does not carry
 * them.
 */
export const RELATED_COMMITS = {
  '9bd8d7df1971': {
    subject: 'Merge branch kvm-arm64/vfio-normal-nc into kvmarm/next',
    author: 'Oliver Upton',
    release: '6.9',
    topic: 'merge',
  },
  'c71f08cfb3c6': {
    subject: "Merge branch 'kvm-arm64/vfio-normal-nc' of https://git.kernel.org/pub/scm/linux/kernel/git/oupton/linux into v6.9/vfio/next",
    author: 'Alex Williamson',
    release: '6.9',
    topic: 'merge',
  },
  '5d74781ebc86': {
    subject: 'vfio/pci: Add dma-buf export support for MMIO regions',
    author: 'Leon Romanovsky',
    release: '6.19',
    topic: 'vfio',
  },
} as const satisfies Readonly<Record<string, KernelCommit & { readonly topic: Exclude<CommitTopic, 'stage-2'> }>>;

/** A commit the engine models. */
export type Stage2CommitId = keyof typeof STAGE2_COMMITS;
/** A commit the table holds, by its 12-digit id. */
export type CommitId = Stage2CommitId | keyof typeof RELATED_COMMITS;

/** The whole table. (A pure call, so that a bundle which uses only STAGE2_COMMITS drops it and RELATED_COMMITS.) */
export const KERNEL_COMMITS: Readonly<Record<CommitId, KernelCommit>> = /* @__PURE__ */ Object.assign({}, STAGE2_COMMITS, RELATED_COMMITS);

/** What the commit is to this project. */
export function commitTopic(sha: CommitId): CommitTopic {
  return Object.hasOwn(RELATED_COMMITS, sha) ? RELATED_COMMITS[sha as keyof typeof RELATED_COMMITS].topic : 'stage-2';
}

/** Where a problem report sends the reader to add or correct a commit. */
export const COMMITS_TABLE = 'src/engine/kvm/kernel-commits.ts';

/** The commit with this 12-digit id, or undefined for one the table does not hold. */
export function findCommit(sha: string): KernelCommit | undefined {
  return Object.hasOwn(KERNEL_COMMITS, sha) ? KERNEL_COMMITS[sha as CommitId] : undefined;
}

/** `c034ec84e879 ("KVM: arm64: ...")`: how the engine's sources name a commit. */
export function commitCitation(sha: Stage2CommitId): string {
  return `${sha} ("${STAGE2_COMMITS[sha].subject}")`;
}

/** `commit c034ec84e879 ("KVM: arm64: ...")`, the form Documentation/ uses and Sphinx links; throws for a commit the table does not hold. */
export function commitReference(sha: string): string {
  if (findCommit(sha) === undefined) throw new Error(`commit ${sha} is not in ${COMMITS_TABLE}`);
  return `commit ${sha} ("${KERNEL_COMMITS[sha as CommitId].subject}")`;
}
