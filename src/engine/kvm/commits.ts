/**
 * What each commit a release brings (releases.ts) did to KVM's stage-2
 * choice: a change to the code switches (code.ts) and a changelog line
 * that says which inputs answer differently afterwards. Its id, subject
 * and author are in kernel-commits.ts. A release's code is the one before
 * with its commits applied in merge order (behaviours.ts), and a property
 * test checks that no release answers differently from the one before
 * except where a line says so.
 */
import type { KvmCode } from './code.ts';
import type { ReleaseCommit } from './releases.ts';
import type { KvmInput } from './types.ts';

export interface CommitEffect {
  readonly apply: (code: KvmCode) => KvmCode;
  /** What changed for the inputs this engine takes; `no change` when none do. */
  readonly changelog: string;
  /** The inputs whose answer the commit may change (none for a refactoring). */
  readonly changes: (input: KvmInput) => boolean;
}

const none = (): boolean => false;
const deviceMemory = (i: KvmInput): boolean => i.backing !== 'ram';

/** Every commit some release brings must be here: the compiler asks for a new release's commits. */
export const COMMIT_EFFECTS: Readonly<Record<ReleaseCommit, CommitEffect>> = {
  // Linux 6.9
  'c034ec84e879': {
    apply: (code) => ({ ...code, normalNcAttr: true }),
    changelog: 'no change on its own: adds KVM_PGTABLE_PROT_NORMAL_NC and MT_S2{,_FWB}_NORMAL_NC, which nothing selects yet',
    changes: none,
  },
  '5c656fcdd6c6': {
    apply: (code) => code,
    changelog: 'no change on its own: defines VM_ALLOW_ANY_UNCACHED, which KVM does not read yet',
    changes: none,
  },
  '8c47ce3e1d2c': {
    apply: (code) => ({ ...code, readsAllowAnyUncached: true }),
    changelog: 'device memory whose VMA has VM_ALLOW_ANY_UNCACHED is mapped Normal-NC instead of Device-nGnRE (instruction fetches are still refused)',
    changes: (i) => deviceMemory(i) && i.allowAnyUncached && !i.exec,
  },
  'a39d3a966a09': {
    apply: (code) => code,
    changelog: 'no change in KVM: vfio_pci_core_mmap() now sets VM_ALLOW_ANY_UNCACHED on BAR mappings, so a vfio-pci BAR is the input above',
    changes: none,
  },
  // Linux 6.17
  '8cc9dc1ae4fb': {
    apply: (code) => ({ ...code, noncacheableVariable: 's2_force_noncacheable' }),
    changelog: 'no change: a rename',
    changes: none,
  },
  '216887f79d98': {
    apply: (code) => ({ ...code, noncacheableTest: 'vma-and-pfn' }),
    changelog: 'no change for these inputs: only a PFN outside the linear map under a VMA without VM_PFNMAP/VM_MIXEDMAP is affected',
    changes: none,
  },
  '2a8dfab26677': {
    apply: (code) => ({ ...code, cacheablePfnmap: 'refused' }),
    changelog: 'a cacheable VMA over device memory is refused with -EINVAL (memslot creation for VM_PFNMAP, the fault for VM_MIXEDMAP) instead of being mapped non-cacheable',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  '0c67288e0c8b': {
    apply: (code) => ({ ...code, cacheablePfnmap: 'if-fwb-and-dic' }),
    changelog: 'with FWB and DIC a cacheable VMA over device memory is mapped Normal-WB; without them the VM_PFNMAP memslot is still refused (-EINVAL) and the fault fails with -EFAULT',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  'f55ce5a6cd33': {
    apply: (code) => code,
    changelog: 'no change: KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED reports kvm_supports_cacheable_pfnmap() to the VMM',
    changes: none,
  },
  // Linux 7.0
  'd4236f1ef270': {
    apply: (code) => code,
    changelog: 'no change for guests: MT_S2_AS_S1 (0xf) and MT_S2_FWB_AS_S1 (7) serve the pKVM host stage 2 only',
    changes: none,
  },
  '17d7b15131f3': {
    apply: (code) => code,
    changelog: 'no change for guests: a guest stage 2 never has KVM_PGTABLE_S2_AS_S1',
    changes: none,
  },
  'a373930ec940': {
    apply: (code) => code,
    changelog: 'no change for guests: the pKVM host stage 2 only',
    changes: none,
  },
  '4f27fe82aa30': {
    apply: (code) => ({ ...code, noFwbFlag: false }),
    changelog: 'no change for guests: stage2_has_fwb() is now the CPU capability alone, which it already was for every guest stage 2',
    changes: none,
  },
  '65d00e37b17f': {
    apply: (code) => code,
    changelog: 'no change: the same MT_S2_* / MT_S2_FWB_* values are selected',
    changes: none,
  },
  // Linux 7.1
  'a6e11bd6e1bd': {
    apply: (code) => ({ ...code, faultFunction: 'kvm_s2_fault_compute_prot' }),
    changelog: 'no change: the Device/Normal-NC protection, the cacheable branch, the -EFAULT and the -ENOEXEC checks move to kvm_s2_fault_compute_prot()',
    changes: none,
  },
  'e314a4dbdb8b': {
    apply: (code) => ({ ...code, pinFunction: 'kvm_s2_fault_pin_pfn' }),
    changelog: 'no change: the cacheable-or-not decision and the cacheable PFNMAP -EFAULT move on to kvm_s2_fault_pin_pfn()',
    changes: none,
  },
};

