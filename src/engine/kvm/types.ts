/**
 * The kvm engine's data: what the VMM and the hardware give KVM/arm64 when
 * a guest first touches a page of a memslot, and what KVM does about it.
 * Names follow the kernel's spelling (arch/arm64/kvm/mmu.c,
 * arch/arm64/kvm/hyp/pgtable.c, arch/arm64/include/asm/memory.h).
 */
import type { Behaviour } from './releases.ts';

/** The first release of each behaviour the engine tells apart: a key of the release table. */
export type { Behaviour };

/**
 * What backs the memslot at the faulting address.
 * - `ram`: ordinary memory of the kernel's linear map (anonymous, shmem,
 *   hugetlbfs, ...), a VMA without VM_PFNMAP or VM_MIXEDMAP, so
 *   pfn_is_map_memory() is true.
 * - `pfnmap`: a VM_PFNMAP VMA over PFNs outside the linear map, such as a
 *   vfio-pci BAR mapped by vfio_pci_core_mmap() or nvgrace-gpu's device
 *   memory (remap_pfn_range()).
 * - `mixedmap`: a VM_MIXEDMAP VMA, at a PFN outside the linear map.
 */
export type Backing = 'ram' | 'pfnmap' | 'mixedmap';

/**
 * The VMA's vm_page_prot, named by the helper that built it
 * (arch/arm64/include/asm/pgtable.h): pgprot_noncached() is
 * MT_DEVICE_nGnRnE, pgprot_device() MT_DEVICE_nGnRE,
 * pgprot_writecombine() MT_NORMAL_NC; a cacheable protection (the default
 * PAGE_SHARED and friends) is MT_NORMAL.
 */
export type Pgprot = 'noncached' | 'device' | 'writecombine' | 'cacheable';

export interface KvmInput {
  /** A release `X.Y` (the oldest modelled or later), answered with the behaviour of that release. */
  readonly kernel: string;
  readonly backing: Backing;
  readonly pgprot: Pgprot;
  /** VM_ALLOW_ANY_UNCACHED in the VMA's vm_flags (introduced by 5c656fcdd6c6, Linux 6.9). */
  readonly allowAnyUncached: boolean;
  /** ARM64_HAS_STAGE2_FWB: FEAT_S2FWB, so KVM sets HCR_EL2.FWB. */
  readonly fwb: boolean;
  /** ARM64_HAS_CACHE_DIC: CTR_EL0.DIC, no instruction-cache invalidation needed for coherence. */
  readonly dic: boolean;
  /** The stage-2 fault is an instruction fetch (kvm_vcpu_trap_is_exec_fault()). */
  readonly exec: boolean;
}

/** Where a kernel function is, and since when it behaves as described. */
export interface Source {
  readonly file: string;
  readonly function: string;
  /** The behaviours (first releases) whose code this describes, e.g. `6.9-6.16`. */
  readonly releases: string;
  /** The commit that introduced the behaviour: `sha12 ("subject")`. */
  readonly commit: string;
}

/** One kernel function's part in the decision, in the order the kernel runs them. */
export interface Step {
  readonly source: Source;
  /** What the function did with these inputs, in one sentence. */
  readonly said: string;
}

/** The stage-2 memory-type selector KVM passes down (enum kvm_pgtable_prot, arch/arm64/include/asm/kvm_pgtable.h). */
export type ProtAttr = 'KVM_PGTABLE_PROT_DEVICE' | 'KVM_PGTABLE_PROT_NORMAL_NC' | 'normal';

/** What user_mem_abort() (or its helper) hands to the page-table code. */
export interface FaultProt {
  readonly attr: ProtAttr;
  /** KVM_PGTABLE_PROT_X: the entry is executable. */
  readonly exec: boolean;
}

/** The stage-2 type by name, as KVM's three memory types decode. */
export type S2TypeName = 'Device-nGnRE' | 'Normal-NC' | 'Normal-WB';

/** The stage-2 descriptor's memory attribute as installed. */
export interface S2Attr {
  /** The constant of arch/arm64/include/asm/memory.h, e.g. `MT_S2_FWB_NORMAL`. */
  readonly constant: string;
  /** MemAttr[3:0], read per `fwb`. */
  readonly memAttr: number;
  /** Whether the stage 2 uses the FWB encodings (stage2_has_fwb()). */
  readonly fwb: boolean;
  readonly type: S2TypeName;
  readonly exec: boolean;
}

export type Errno = 'EINVAL' | 'EFAULT' | 'ENOEXEC';

export interface Refusal {
  readonly where: 'memslot' | 'fault';
  readonly errno: Errno;
  /** What the VMM or the guest sees. */
  readonly effect: string;
}

export type KvmAnswer = { readonly outcome: 'mapped'; readonly s2: S2Attr } | ({ readonly outcome: 'refused' } & Refusal);

export interface Rule {
  /** The decisive rule in one sentence. */
  readonly text: string;
  readonly source: Source;
}

/** Another behaviour that answers the same inputs differently. */
export interface Difference {
  readonly behaviour: Behaviour;
  /** `6.9-6.16` */
  readonly releases: string;
  readonly answer: KvmAnswer;
}

export interface KvmResult {
  readonly input: KvmInput;
  readonly behaviour: Behaviour;
  /** The releases sharing this behaviour, e.g. `6.17-6.19`. */
  readonly releases: string;
  readonly answer: KvmAnswer;
  readonly rule: Rule;
  readonly steps: readonly Step[];
  readonly differences: readonly Difference[];
}
