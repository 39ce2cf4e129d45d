/**
 * The commits that changed KVM's stage-2 choice, in merge order, each as a
 * change to the code switches (code.ts) and a changelog line that says
 * which inputs answer differently afterwards. Releases are built by
 * applying these (releases.ts), and a property test checks that no release
 * answers differently from the one before except where a line says so.
 */
import type { KvmCode } from './code.ts';
import type { KvmInput } from './types.ts';

export interface Commit {
  /** The first 12 digits of the commit id. */
  readonly id: string;
  /** The whole id, for links. */
  readonly fullId: string;
  readonly subject: string;
  readonly apply: (code: KvmCode) => KvmCode;
  /** What changed for the inputs this engine takes; `no change` when none do. */
  readonly changelog: string;
  /** The inputs whose answer the commit may change (none for a refactoring). */
  readonly changes: (input: KvmInput) => boolean;
}

const none = (): boolean => false;
const deviceMemory = (i: KvmInput): boolean => i.backing !== 'ram';

/** Linux 6.9: the stage-2 Normal-NC series (kvmarm-6.9, topic branch kvm-arm64/vfio-normal-nc). */
export const SERIES_6_9: readonly Commit[] = [
  {
    id: 'c034ec84e879',
    fullId: 'c034ec84e8795cf379bd47cc8871445f070a0110',
    subject: 'KVM: arm64: Introduce new flag for non-cacheable IO memory',
    apply: (code) => ({ ...code, normalNcAttr: true }),
    changelog: 'no change on its own: adds KVM_PGTABLE_PROT_NORMAL_NC and MT_S2{,_FWB}_NORMAL_NC, which nothing selects yet',
    changes: none,
  },
  {
    id: '5c656fcdd6c6',
    fullId: '5c656fcdd6c60f71fccb07fe7b9d8d7e6c9811ff',
    subject: 'mm: Introduce new flag to indicate wc safe',
    apply: (code) => code,
    changelog: 'no change on its own: defines VM_ALLOW_ANY_UNCACHED, which KVM does not read yet',
    changes: none,
  },
  {
    id: '8c47ce3e1d2c',
    fullId: '8c47ce3e1d2c285349edf426b98e8460ce3e2f33',
    subject: 'KVM: arm64: Set io memory s2 pte as normalnc for vfio pci device',
    apply: (code) => ({ ...code, readsAllowAnyUncached: true }),
    changelog: 'device memory whose VMA has VM_ALLOW_ANY_UNCACHED is mapped Normal-NC instead of Device-nGnRE (instruction fetches are still refused)',
    changes: (i) => deviceMemory(i) && i.allowAnyUncached && !i.exec,
  },
  {
    id: 'a39d3a966a09',
    fullId: 'a39d3a966a090989b89c0287a67cd98c85ae2f52',
    subject: 'vfio: Convey kvm that the vfio-pci device is wc safe',
    apply: (code) => code,
    changelog: 'no change in KVM: vfio_pci_core_mmap() now sets VM_ALLOW_ANY_UNCACHED on BAR mappings, so a vfio-pci BAR is the input above',
    changes: none,
  },
];

/** Linux 6.17: cacheable PFNMAP (kvmarm-6.17; cover letter 20250621042111.3992-1-ankita@nvidia.com). */
export const SERIES_6_17: readonly Commit[] = [
  {
    id: '8cc9dc1ae4fb',
    fullId: '8cc9dc1ae4fb075e29e2d5cf2386761d3497049a',
    subject: 'KVM: arm64: Rename the device variable to s2_force_noncacheable',
    apply: (code) => ({ ...code, noncacheableVariable: 's2_force_noncacheable' }),
    changelog: 'no change: a rename',
    changes: none,
  },
  {
    id: '216887f79d98',
    fullId: '216887f79d9878d9cb169729fea3bb16c56db465',
    subject: 'KVM: arm64: Assume non-PFNMAP/MIXEDMAP VMAs can be mapped cacheable',
    apply: (code) => ({ ...code, noncacheableTest: 'vma-and-pfn' }),
    changelog: 'no change for these inputs: only a PFN outside the linear map under a VMA without VM_PFNMAP/VM_MIXEDMAP is affected',
    changes: none,
  },
  {
    id: '2a8dfab26677',
    fullId: '2a8dfab26677ae37243a40d170704588f791cfd3',
    subject: 'KVM: arm64: Block cacheable PFNMAP mapping',
    apply: (code) => ({ ...code, cacheablePfnmap: 'refused' }),
    changelog: 'a cacheable VMA over device memory is refused with -EINVAL (memslot creation for VM_PFNMAP, the fault for VM_MIXEDMAP) instead of being mapped non-cacheable',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  {
    id: '0c67288e0c8b',
    fullId: '0c67288e0c8bc1e39d7057fbae65bf57ca943676',
    subject: 'KVM: arm64: Allow cacheable stage 2 mapping using VMA flags',
    apply: (code) => ({ ...code, cacheablePfnmap: 'if-fwb-and-dic' }),
    changelog: 'with FWB and DIC a cacheable VMA over device memory is mapped Normal-WB; without them the VM_PFNMAP memslot is still refused (-EINVAL) and the fault fails with -EFAULT',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  {
    id: 'f55ce5a6cd33',
    fullId: 'f55ce5a6cd33211c8cc5bce0554b6ac710a6a28b',
    subject: 'KVM: arm64: Expose new KVM cap for cacheable PFNMAP',
    apply: (code) => code,
    changelog: 'no change: KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED reports kvm_supports_cacheable_pfnmap() to the VMM',
    changes: none,
  },
];

/** Linux 7.0: stage-2 "as stage 1" encodings for the pKVM host (kvmarm-7.0). */
export const SERIES_7_0: readonly Commit[] = [
  {
    id: 'd4236f1ef270',
    fullId: 'd4236f1ef270347b26ed34bcd0eb28d285b86bcb',
    subject: 'arm64: Add MT_S2{,_FWB}_AS_S1 encodings',
    apply: (code) => code,
    changelog: 'no change for guests: MT_S2_AS_S1 (0xf) and MT_S2_FWB_AS_S1 (7) serve the pKVM host stage 2 only',
    changes: none,
  },
  {
    id: '17d7b15131f3',
    fullId: '17d7b15131f3ed7fff29f2a43b6ead547e495653',
    subject: 'KVM: arm64: Add KVM_PGTABLE_S2_AS_S1 flag',
    apply: (code) => code,
    changelog: 'no change for guests: a guest stage 2 never has KVM_PGTABLE_S2_AS_S1',
    changes: none,
  },
  {
    id: 'a373930ec940',
    fullId: 'a373930ec9406aeb9f82b5b78db56ca8d0919d99',
    subject: 'KVM: arm64: Switch pKVM host S2 over to KVM_PGTABLE_S2_AS_S1',
    apply: (code) => code,
    changelog: 'no change for guests: the pKVM host stage 2 only',
    changes: none,
  },
  {
    id: '4f27fe82aa30',
    fullId: '4f27fe82aa304c50b24f92da72b4895cf73b54ba',
    subject: 'KVM: arm64: Kill KVM_PGTABLE_S2_NOFWB',
    apply: (code) => ({ ...code, noFwbFlag: false }),
    changelog: 'no change for guests: stage2_has_fwb() is now the CPU capability alone, which it already was for every guest stage 2',
    changes: none,
  },
  {
    id: '65d00e37b17f',
    fullId: '65d00e37b17f46a21e7a25e0fb211a4c33274a83',
    subject: 'KVM: arm64: Simplify PAGE_S2_MEMATTR',
    apply: (code) => code,
    changelog: 'no change: the same MT_S2_* / MT_S2_FWB_* values are selected',
    changes: none,
  },
];

/**
 * Linux 7.1: user_mem_abort() split into helpers (Marc Zyngier's rework,
 * built on Fuad Tabba's patches, merged as 6fe2f19c03a5). a6e11bd6e1bd
 * moved the protection logic into kvm_s2_fault_compute_prot(); later in the
 * same merge e314a4dbdb8b moved the cacheable-or-not decision and the
 * cacheable PFNMAP -EFAULT into kvm_s2_fault_pin_pfn().
 */
export const SERIES_7_1: readonly Commit[] = [
  {
    id: 'a6e11bd6e1bd',
    fullId: 'a6e11bd6e1bd9ea9a42738c5a6ac12881b5fcb36',
    subject: 'KVM: arm64: Extract stage-2 permission logic in user_mem_abort()',
    apply: (code) => ({ ...code, faultFunction: 'kvm_s2_fault_compute_prot' }),
    changelog: 'no change: the Device/Normal-NC protection, the cacheable branch, the -EFAULT and the -ENOEXEC checks move to kvm_s2_fault_compute_prot()',
    changes: none,
  },
  {
    id: 'e314a4dbdb8b',
    fullId: 'e314a4dbdb8b29b7e9a69afb8831a15a6d15c1ed',
    subject: 'KVM: arm64: Move device mapping management into kvm_s2_fault_pin_pfn()',
    apply: (code) => ({ ...code, pinFunction: 'kvm_s2_fault_pin_pfn' }),
    changelog: 'no change: the cacheable-or-not decision and the cacheable PFNMAP -EFAULT move on to kvm_s2_fault_pin_pfn()',
    changes: none,
  },
];

export function applyAll(code: KvmCode, commits: readonly Commit[]): KvmCode {
  return commits.reduce((state, commit) => commit.apply(state), code);
}
