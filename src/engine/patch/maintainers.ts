/**
 * Who should receive the Documentation patch: the MAINTAINERS entries
 * whose files it touches or describes, copied as data with where they
 * were read. Documentation/virt/kvm/arm/ is KVM/arm64's (F:
 * Documentation/virt/kvm/arm/), the KVM entry's (F: Documentation/virt/kvm/,
 * so scripts/get_maintainer.pl names Paolo Bonzini and Sean
 * Christopherson for the new file and index.rst) and the DOCUMENTATION
 * entry's (F: Documentation/); the document describes what vfio-pci
 * relies on, which is the VFIO DRIVER entry's. The entries were read in
 * MAINTAINERS of Linux 7.3.4 (Debian's linux-source-7.3 7.3.4-1~bpo13+1);
 * in 7.2.13 they are the same except that DOCUMENTATION has no Randy
 * Dunlap and KVM no Sean Christopherson.
 */

export const MAINTAINERS_SOURCE = "MAINTAINERS of Linux 7.3.4 (Debian's linux-source-7.3 7.3.4-1~bpo13+1)";

export interface MaintainersEntry {
  /** The entry's title line. */
  readonly entry: string;
  /** M: lines, the maintainers. */
  readonly maintainers: readonly string[];
  /** R: lines, the designated reviewers. */
  readonly reviewers: readonly string[];
  /** L: lines, the lists, without their notes. */
  readonly lists: readonly string[];
  /** Why the patch goes to it. */
  readonly why: string;
}

export const PATCH_ENTRIES: readonly MaintainersEntry[] = [
  {
    entry: 'KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64)',
    maintainers: ['Marc Zyngier <maz@kernel.org>', 'Oliver Upton <oupton@kernel.org>'],
    reviewers: [
      'Fuad Tabba <fuad.tabba@linux.dev>',
      'Joey Gouly <joey.gouly@arm.com>',
      'Steffen Eiden <seiden@linux.ibm.com>',
      'Suzuki K Poulose <suzuki.poulose@arm.com>',
      'Zenghui Yu <yuzenghui@huawei.com>',
    ],
    lists: ['linux-arm-kernel@lists.infradead.org', 'kvmarm@lists.linux.dev'],
    why: 'F: Documentation/virt/kvm/arm/, the new file and the toctree it joins',
  },
  {
    entry: 'KERNEL VIRTUAL MACHINE (KVM)',
    maintainers: ['Paolo Bonzini <pbonzini@redhat.com>'],
    reviewers: ['Sean Christopherson <seanjc@google.com>'],
    lists: ['kvm@vger.kernel.org'],
    why: 'F: Documentation/virt/kvm/',
  },
  {
    entry: 'DOCUMENTATION',
    maintainers: ['Jonathan Corbet <corbet@lwn.net>'],
    reviewers: ['Shuah Khan <skhan@linuxfoundation.org>', 'Randy Dunlap <rdunlap@infradead.org>'],
    lists: ['linux-doc@vger.kernel.org'],
    why: 'F: Documentation/',
  },
  {
    entry: 'VFIO DRIVER',
    maintainers: ['Alex Williamson <alex@shazbot.org>'],
    reviewers: [],
    lists: ['kvm@vger.kernel.org'],
    why: 'the document describes what vfio-pci relies on when it sets VM_ALLOW_ANY_UNCACHED',
  },
];

/** To: the maintainers of the entry that owns the file; Cc: everyone else the entries name, once each. */
export function recipients(entries: readonly MaintainersEntry[] = PATCH_ENTRIES): { readonly to: readonly string[]; readonly cc: readonly string[] } {
  const [owner, ...others] = entries;
  const to = owner?.maintainers ?? [];
  const cc = [...(owner?.reviewers ?? []), ...(owner?.lists ?? []), ...others.flatMap((e) => [...e.maintainers, ...e.reviewers, ...e.lists])];
  return { to, cc: [...new Set(cc)].filter((a) => !to.includes(a)) };
}
