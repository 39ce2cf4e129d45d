/**
 * The mailing-list messages this project cites, by Message-ID: who wrote
 * each, when, to which lists and under which subject, and the words the
 * pages quote from it. Every page renders its attributions and lore links
 * from this table (src/components/sources/), and a test holds every page
 * and the kernel document to it (citations.test.ts), so a name can never
 * drift from its message.
 *
 * Each row was read from the message itself (its headers and its own
 * text, not a reply quoting it). `date` is the UTC day of its Date:
 * header. `quotes` are exact words of the message's own text, never of
 * the text it quotes; a page may quote a message only with one of them.
 */

export interface Mail {
  readonly author: string;
  /** YYYY-MM-DD, the UTC day of the Date: header. */
  readonly date: string;
  /** The mailing lists it went to (To: and Cc:), by list name. */
  readonly lists: readonly string[];
  readonly subject: string;
  /** Where the References page lists it. */
  readonly group: MailGroup;
  /** Words of its own text that a page quotes, exactly (whitespace aside). */
  readonly quotes?: readonly string[];
}

export type MailGroup = 'normal-nc' | 'cacheable-pfnmap' | 'pulls' | 'vfio-dmabuf';

/** The References page's heading for each group, in its order. */
export const MAIL_GROUPS: Readonly<Record<MailGroup, string>> = {
  'normal-nc': 'The stage-2 Normal-NC series (2023-2024)',
  'cacheable-pfnmap': 'The cacheable PFNMAP series (2025)',
  pulls: 'Pull requests',
  'vfio-dmabuf': 'mmap() of VFIO dma-bufs (under review)',
};

const V1_LISTS = ['linux-arm-kernel', 'kvmarm', 'linux-kernel'] as const;
const SERIES_LISTS = ['kvmarm', 'kvm', 'linux-kernel', 'linux-arm-kernel'] as const;
const CACHEABLE_LISTS = ['linux-mm', 'kvmarm', 'linux-kernel', 'linux-arm-kernel'] as const;
const DMABUF_LISTS = ['linux-kernel', 'linux-media', 'dri-devel', 'linaro-mm-sig', 'kvm'] as const;
const V1_SUBJECT = 'Re: [PATCH v1 2/2] KVM: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory';

export const MAILS = {
  // The v1 thread, 2023.
  '20230907181459.18145-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-09-07',
    lists: V1_LISTS,
    subject: '[PATCH v1 0/2] KVM: arm64: support write combining and cachable IO memory in VMs',
    group: 'normal-nc',
  },
  '20230907181459.18145-3-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-09-07',
    lists: V1_LISTS,
    subject: '[PATCH v1 2/2] KVM: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  'ZP8q71+YXoU6O9uh@lpieralisi': { author: 'Lorenzo Pieralisi', date: '2023-09-11', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZP9MQdRYmlawNsbC@nvidia.com': { author: 'Jason Gunthorpe', date: '2023-09-11', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZRKW6uDR/+eXYMzl@lpieralisi': { author: 'Lorenzo Pieralisi', date: '2023-09-26', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZRLiDf204zCpO6Mv@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-09-26',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['I doubt is a realistic scenario'],
  },
  'ZR6IZwcFNw55asW0@lpieralisi': { author: 'Lorenzo Pieralisi', date: '2023-10-05', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  '20231012123541.GB11824@willie-the-truck': { author: 'Will Deacon', date: '2023-10-12', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZSf6Ue09IO6QMBs1@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-10-12',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['do we need cache maintenance?', 'RAM(-like)'],
  },
  '20231012144807.GA12374@willie-the-truck': { author: 'Will Deacon', date: '2023-10-12', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZSgsKSCv-zWgtWkm@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-10-12',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['one step at a time', 'S2 cacheable allows the guest to map it as Normal Tagged.'],
  },
  '20231012183624.GN3952@nvidia.com': { author: 'Jason Gunthorpe', date: '2023-10-12', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  '20231013092934.GA13524@willie-the-truck': {
    author: 'Will Deacon',
    date: '2023-10-13',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['use Device-nGnRE!'],
  },
  'ZSlBOiebenPKXBY4@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-10-13',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: [
      "Don't we actually need Device-nGnRnE for this, coupled with a DSB for endpoint completion?",
      'may be sufficient',
      "Even this, isn't it device-specific?",
      "I'm not sure the TLBI+DSB is sufficient",
      'constrained',
    ],
  },
  '20231013134541.GP3952@nvidia.com': { author: 'Jason Gunthorpe', date: '2023-10-13', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZTEN_oe97VRWbnHb@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-10-19',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['(somewhat) safe', 'we are probably fine, we hope', 'not necessarily the device'],
  },
  // Lorenzo's Message-ID has no domain part; lore serves it as it is.
  'ZTEwnBoPLL3PE3Xo@lpieralisi': {
    author: 'Lorenzo Pieralisi',
    date: '2023-10-19',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['either it enforces PCI ordering rules or it is broken by design', 'are not architected'],
  },
  '20231019115142.GQ3952@nvidia.com': { author: 'Jason Gunthorpe', date: '2023-10-19', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  'ZTJizmxV4Gtb4g3S@arm.com': { author: 'Catalin Marinas', date: '2023-10-20', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  '20231020114719.GE3952@nvidia.com': {
    author: 'Jason Gunthorpe',
    date: '2023-10-20',
    lists: V1_LISTS,
    subject: V1_SUBJECT,
    group: 'normal-nc',
    quotes: ['a stronger barrier before reset'],
  },
  'ZTKIzZk3lGATLkGz@lpieralisi': { author: 'Lorenzo Pieralisi', date: '2023-10-20', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  '20231020142858.GH3952@nvidia.com': { author: 'Jason Gunthorpe', date: '2023-10-20', lists: V1_LISTS, subject: V1_SUBJECT, group: 'normal-nc' },
  // Versions 2 to 9, 2023-12 to 2024-02.
  '20231205033015.10044-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-12-05',
    lists: SERIES_LISTS,
    subject: '[PATCH v2 1/1] KVM: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  'ZW8OKZHpXeVjoNo6@arm.com': {
    author: 'Catalin Marinas',
    date: '2023-12-05',
    lists: SERIES_LISTS,
    subject: 'Re: [PATCH v2 1/1] KVM: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20231208164709.23101-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-12-08',
    lists: ['linux-mm', ...SERIES_LISTS],
    // The Subject: header as archived ends here.
    subject: '[PATCH v3 0/2] kvm: arm64: allow vm to select DEVICE_* and',
    group: 'normal-nc',
  },
  '20231218090719.22250-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-12-18',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v4 0/3] kvm: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20231221154002.32622-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2023-12-21',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v5 0/4] kvm: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20240207204652.22954-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-07',
    lists: SERIES_LISTS,
    subject: '[PATCH v6 0/4] kvm: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20240211174705.31992-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-11',
    lists: SERIES_LISTS,
    subject: '[PATCH v7 0/4] kvm: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20240220072926.6466-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-20',
    lists: SERIES_LISTS,
    subject: '[PATCH v8 0/4] kvm: arm64: allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20240224150546.368-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-24',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v9 0/4] KVM: arm64: Allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  // Patch 1 as posted, the text of commit c034ec84e879's message.
  '20240224150546.368-2-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-24',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v9 1/4] KVM: arm64: Introduce new flag for non-cacheable IO memory',
    group: 'normal-nc',
  },
  // Patches 2 and 4 as posted, the text of commits 5c656fcdd6c6 and a39d3a966a09.
  '20240224150546.368-3-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-24',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v9 2/4] mm: Introduce new flag to indicate wc safe',
    group: 'normal-nc',
    quotes: ['at least in common flows'],
  },
  '20240224150546.368-5-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2024-02-24',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: '[PATCH v9 4/4] vfio: Convey kvm that the vfio-pci device is wc safe',
    group: 'normal-nc',
    quotes: ['at least in common flows'],
  },
  '170899100569.1405597.5047894183843333522.b4-ty@linux.dev': {
    author: 'Oliver Upton',
    date: '2024-02-26',
    lists: ['linux-mm', ...SERIES_LISTS],
    subject: 'Re: [PATCH v9 0/4] KVM: arm64: Allow the VM to select DEVICE_* and NORMAL_NC for IO memory',
    group: 'normal-nc',
  },
  '20240305161256.09bda6c4.alex.williamson@redhat.com': {
    author: 'Alex Williamson',
    date: '2024-03-05',
    lists: ['kvm', 'linux-kernel', 'kvmarm'],
    subject: 'Re: [PATCH v2 1/1] vfio/nvgrace-gpu: Convey kvm to map device memory region as noncached',
    group: 'normal-nc',
  },
  // Pull requests to Linus and to the KVM tree.
  '20240314170157.0a6bdd52.alex.williamson@redhat.com': {
    author: 'Alex Williamson',
    date: '2024-03-14',
    lists: ['linux-kernel', 'kvm'],
    subject: '[GIT PULL] VFIO updates for v6.9-rc1',
    group: 'pulls',
  },
  '20240315174939.2530483-1-pbonzini@redhat.com': {
    author: 'Paolo Bonzini',
    date: '2024-03-15',
    lists: ['linux-kernel', 'kvm'],
    subject: '[GIT PULL] KVM changes for Linux 6.9 merge window',
    group: 'pulls',
  },
  'aIe-v1QP-VvaOONC@linux.dev': {
    author: 'Oliver Upton',
    date: '2025-07-28',
    lists: ['kvm', 'kvmarm', 'linux-arm-kernel', 'linux-kernel'],
    subject: '[GIT PULL] KVM/arm64 changes for 6.17, round #1',
    group: 'pulls',
  },
  '20251203130435.4ab658aa.alex@shazbot.org': {
    author: 'Alex Williamson',
    date: '2025-12-03',
    lists: ['linux-kernel', 'kvm'],
    subject: '[GIT PULL] VFIO updates for v6.19-rc1',
    group: 'pulls',
  },
  '20260206153345.3582574-1-maz@kernel.org': {
    author: 'Marc Zyngier',
    date: '2026-02-06',
    lists: ['kvmarm', 'linux-arm-kernel', 'kvm'],
    subject: '[GIT PULL] KVM/arm64 updates for 7.0',
    group: 'pulls',
  },
  '20260226143615.GA47200@linux.fritz.box': {
    author: 'Thomas Zimmermann',
    date: '2026-02-26',
    lists: ['dri-devel', 'intel-gfx', 'intel-xe', 'dim-tools'],
    subject: '[PULL] drm-misc-next',
    group: 'pulls',
    quotes: ['Provide revoke mechanism for shared buffers'],
  },
  // The cacheable PFNMAP series, 2025: v9, and v10 as applied.
  '20250621042111.3992-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2025-06-21',
    lists: CACHEABLE_LISTS,
    subject: '[PATCH v9 0/6] KVM: arm64: Map GPU device memory as cacheable',
    group: 'cacheable-pfnmap',
  },
  '20250705071717.5062-1-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2025-07-05',
    lists: CACHEABLE_LISTS,
    subject: '[PATCH v10 0/6] KVM: arm64: Map GPU device memory as cacheable',
    group: 'cacheable-pfnmap',
  },
  // Patch 2 as posted, applied as 216887f79d98 under another subject.
  '20250705071717.5062-3-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2025-07-05',
    lists: CACHEABLE_LISTS,
    subject: '[PATCH v10 2/6] KVM: arm64: Update the check to detect device memory',
    group: 'cacheable-pfnmap',
  },
  '20250705071717.5062-4-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2025-07-05',
    lists: CACHEABLE_LISTS,
    subject: '[PATCH v10 3/6] KVM: arm64: Block cacheable PFNMAP mapping',
    group: 'cacheable-pfnmap',
    quotes: ['This is a security risk.'],
  },
  '20250705071717.5062-7-ankita@nvidia.com': {
    author: 'Ankit Agrawal',
    date: '2025-07-05',
    lists: CACHEABLE_LISTS,
    subject: '[PATCH v10 6/6] KVM: arm64: Expose new KVM cap for cacheable PFNMAP',
    group: 'cacheable-pfnmap',
  },
  '175193253138.1687959.6241606194423745301.b4-ty@linux.dev': {
    author: 'Oliver Upton',
    date: '2025-07-07',
    lists: CACHEABLE_LISTS,
    subject: 'Re: [PATCH v10 0/6] KVM: arm64: Map GPU device memory as cacheable',
    group: 'cacheable-pfnmap',
  },
  // Matt Evans' series, 2026 (his address changed from mattev@meta.com to matt@ozlabs.org at v3).
  '20260226202211.929005-1-mattev@meta.com': {
    author: 'Matt Evans',
    date: '2026-02-26',
    lists: DMABUF_LISTS,
    subject: '[RFC PATCH 0/7] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
  },
  '20260312184613.3710705-1-mattev@meta.com': {
    author: 'Matt Evans',
    date: '2026-03-12',
    lists: DMABUF_LISTS,
    subject: '[RFC v2 PATCH 00/10] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
  },
  '20260416131815.2729131-1-mattev@meta.com': {
    author: 'Matt Evans',
    date: '2026-04-16',
    lists: DMABUF_LISTS,
    subject: '[PATCH 0/9] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
  },
  '20260527102319.100128-1-mattev@meta.com': {
    author: 'Matt Evans',
    date: '2026-05-27',
    lists: [...DMABUF_LISTS, 'linux-pci'],
    subject: '[PATCH v2 0/9] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
  },
  '20260610154327.37758-1-matt@ozlabs.org': {
    author: 'Matt Evans',
    date: '2026-06-10',
    lists: [...DMABUF_LISTS, 'linux-pci'],
    subject: '[PATCH v3 0/9] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
  },
  '20260701171245.90111-1-matt@ozlabs.org': {
    author: 'Matt Evans',
    date: '2026-07-01',
    lists: [...DMABUF_LISTS, 'linux-pci'],
    subject: '[PATCH v4 00/10] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
    quotes: ['This is based on v7.1.'],
  },
  '20260707151621.6bb023d0@shazbot.org': {
    author: 'Alex Williamson',
    date: '2026-07-07',
    lists: [...DMABUF_LISTS, 'linux-pci'],
    subject: 'Re: [PATCH v4 00/10] vfio/pci: Add mmap() for DMABUFs',
    group: 'vfio-dmabuf',
    quotes: ['This needs to be rebased.'],
  },
} as const satisfies Readonly<Record<string, Mail>>;

export type MailId = keyof typeof MAILS;

/** Where a problem report sends the reader to add or correct a message. */
export const MAILS_TABLE = 'src/sources/mails.ts';

/** The message with this Message-ID (without angle brackets), or undefined. */
export function findMail(id: string): Mail | undefined {
  return Object.hasOwn(MAILS, id) ? (MAILS as Readonly<Record<string, Mail>>)[id] : undefined;
}

/** The message, or an error that names the table to add it to. */
export function mail(id: string): Mail {
  const found = findMail(id);
  if (found === undefined) throw new Error(`Message-ID ${id} is not in ${MAILS_TABLE}`);
  return found;
}

/**
 * The lore address of a message, the form kernel documents and Link: tags
 * use. A slash in a Message-ID (`ZRKW6uDR/+eXYMzl@lpieralisi`) is written
 * %2F, as lore writes it.
 */
export function loreUrl(id: string): string {
  return `https://lore.kernel.org/all/${id.replaceAll('/', '%2F')}/`;
}

/** The Message-ID a lore address names, or undefined for any other URL. */
export function mailOfUrl(url: string): string | undefined {
  const match = /^https?:\/\/lore\.kernel\.org\/[\w.-]+\/([^/?#\s]+@[^/?#\s]+?)\/?(?:[?#].*)?$/.exec(url);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** Whether `text` quotes one of the message's recorded quotes exactly, whitespace aside. */
export function isQuoteOf(id: string, text: string): boolean {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const quotes: readonly string[] = findMail(id)?.quotes ?? [];
  return quotes.some((q) => squash(q) === squash(text));
}
