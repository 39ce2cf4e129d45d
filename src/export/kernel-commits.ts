/**
 * The mainline commits the kernel document cites, each with the subject
 * it has in torvalds/linux: the one table that the document, its patch,
 * the checks of both and the site's tests read, so a citation can never
 * drift from the commit it names.
 *
 * Sources: Oliver Upton's "Applied to kvmarm/next" reply to the v9
 * Normal-NC series (20240224150546.368-1-ankita@nvidia.com) and the
 * kvmarm/next log for the four Linux 6.9 commits; the
 * kvm-arm64/cacheable-pfnmap merge in the kvmarm 6.17 pull
 * (aIe-v1QP-VvaOONC@linux.dev) for the five Linux 6.17 commits; the
 * mainline commit page for the Linux 7.1 one.
 */

export interface KernelCommit {
  /** The first 12 hex digits of the commit id, as the kernel cites commits. */
  readonly sha: string;
  /** The commit's subject line, exactly. */
  readonly subject: string;
  /** The mainline release that first contains it. */
  readonly release: string;
}

export const KERNEL_COMMITS: readonly KernelCommit[] = [
  { sha: 'c034ec84e879', subject: 'KVM: arm64: Introduce new flag for non-cacheable IO memory', release: '6.9' },
  { sha: '5c656fcdd6c6', subject: 'mm: Introduce new flag to indicate wc safe', release: '6.9' },
  { sha: '8c47ce3e1d2c', subject: 'KVM: arm64: Set io memory s2 pte as normalnc for vfio pci device', release: '6.9' },
  { sha: 'a39d3a966a09', subject: 'vfio: Convey kvm that the vfio-pci device is wc safe', release: '6.9' },
  { sha: '8cc9dc1ae4fb', subject: 'KVM: arm64: Rename the device variable to s2_force_noncacheable', release: '6.17' },
  { sha: '216887f79d98', subject: 'KVM: arm64: Assume non-PFNMAP/MIXEDMAP VMAs can be mapped cacheable', release: '6.17' },
  { sha: '2a8dfab26677', subject: 'KVM: arm64: Block cacheable PFNMAP mapping', release: '6.17' },
  { sha: '0c67288e0c8b', subject: 'KVM: arm64: Allow cacheable stage 2 mapping using VMA flags', release: '6.17' },
  { sha: 'f55ce5a6cd33', subject: 'KVM: arm64: Expose new KVM cap for cacheable PFNMAP', release: '6.17' },
  { sha: 'e314a4dbdb8b', subject: 'KVM: arm64: Move device mapping management into kvm_s2_fault_pin_pfn()', release: '7.1' },
];

const bySha = new Map(KERNEL_COMMITS.map((commit) => [commit.sha, commit]));

/** The commit with this 12-digit id; throws for one the table does not hold. */
export function kernelCommit(sha: string): KernelCommit {
  const commit = bySha.get(sha);
  if (commit === undefined) throw new Error(`commit ${sha} is not in src/export/kernel-commits.ts`);
  return commit;
}

/** `commit c034ec84e879 ("KVM: arm64: ...")`, the form Documentation/ uses and Sphinx links. */
export function commitReference(sha: string): string {
  return `commit ${sha} ("${kernelCommit(sha).subject}")`;
}

/** The commit id an inline MDX expression `{commit('c034ec84e879')}` names, or undefined for any other expression. */
export function commitOfExpression(expression: string): string | undefined {
  return /^\s*commit\(\s*(['"])([0-9a-f]{12})\1\s*\)\s*$/.exec(expression)?.[2];
}

export interface CitedCommit {
  readonly sha: string;
  /** Undefined where the text names the commit without a subject. */
  readonly subject: string | undefined;
  /** 1-based line of the word `commit`. */
  readonly line: number;
}

/**
 * Every `commit <id>` in a text, with the `("subject")` that follows it if
 * any. Line breaks and indentation inside a reference count as one space,
 * since filled text wraps subjects across lines.
 */
export function citedCommits(text: string): CitedCommit[] {
  const cited: CitedCommit[] = [];
  for (const match of text.matchAll(/\bcommit\s+([0-9a-f]{7,40})\b(?:\s+\("((?:[^"]|"(?!\)))*)"\))?/g)) {
    const [, sha = '', subject] = match;
    const line = text.slice(0, match.index).split('\n').length;
    cited.push({ sha, subject: subject?.replace(/\s+/g, ' '), line });
  }
  return cited;
}

export interface CitationRules {
  /** A reference must carry its `("subject")` (the kernel document); the site may name a commit without one. */
  readonly requireSubject: boolean;
  /** Every cited commit must be in the table (the kernel document); the site also cites others. */
  readonly requireKnown: boolean;
}

/**
 * What is wrong with each commit reference in `text`: a subject other than
 * the table's, and, as `rules` ask, an id that is not 12 digits or not in
 * the table, or a missing subject.
 */
export function commitProblems(text: string, { requireSubject, requireKnown }: CitationRules): string[] {
  return citedCommits(text).flatMap(({ sha, subject, line }) => {
    const known = bySha.get(sha.slice(0, 12));
    if (requireKnown && sha.length !== 12) return [`line ${line}: commit ${sha} should be cited by its first 12 hex digits`];
    if (known === undefined) {
      return requireKnown ? [`line ${line}: commit ${sha} is not in the commits table (src/export/kernel-commits.ts)`] : [];
    }
    if (subject === undefined) return requireSubject ? [`line ${line}: commit ${sha} is cited without its subject ("${known.subject}")`] : [];
    if (subject !== known.subject) return [`line ${line}: commit ${sha} has the subject "${known.subject}", not "${subject}"`];
    return [];
  });
}
