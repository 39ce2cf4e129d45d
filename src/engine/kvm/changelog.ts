/**
 * The changelog of the kvm engine: for each commit a release brings, what
 * it changed for the inputs this engine takes, and which inputs those are.
 * The site's changelog prints the lines, and a property test checks that
 * no release answers differently from the one before except where a line
 * says so, and that each commit replayed alone changes only what its line
 * claims. Only the build and the tests read this, so the browser's engine
 * does not carry it.
 */
import type { ReleaseCommit } from './releases.ts';
import type { KvmInput } from './types.ts';

export interface ChangelogLine {
  /** What changed for the inputs this engine takes; `no change` when none do. */
  readonly text: string;
  /** The inputs whose answer the commit may change (none for a refactoring). */
  readonly changes: (input: KvmInput) => boolean;
}

const none = (): boolean => false;
const deviceMemory = (i: KvmInput): boolean => i.backing !== 'ram';

/** A line for every commit some release brings: the compiler asks for a new release's commits. */
export const CHANGELOG: Readonly<Record<ReleaseCommit, ChangelogLine>> = {
  // Linux 6.9
  'c034ec84e879': {
    text: 'no change on its own: adds KVM_PGTABLE_PROT_NORMAL_NC and MT_S2{,_FWB}_NORMAL_NC, which nothing selects yet',
    changes: none,
  },
  '5c656fcdd6c6': {
    text: 'no change on its own: defines VM_ALLOW_ANY_UNCACHED, which KVM does not read yet',
    changes: none,
  },
  '8c47ce3e1d2c': {
    text: 'device memory whose VMA has VM_ALLOW_ANY_UNCACHED is mapped Normal-NC instead of Device-nGnRE (instruction fetches are still refused)',
    changes: (i) => deviceMemory(i) && i.allowAnyUncached && !i.exec,
  },
  'a39d3a966a09': {
    text: 'no change in KVM: vfio_pci_core_mmap() now sets VM_ALLOW_ANY_UNCACHED on BAR mappings, so a vfio-pci BAR is the input above',
    changes: none,
  },
  // Linux 6.17
  '8cc9dc1ae4fb': {
    text: 'no change: a rename',
    changes: none,
  },
  '216887f79d98': {
    text: 'no change for these inputs: only a PFN outside the linear map under a VMA without VM_PFNMAP/VM_MIXEDMAP is affected',
    changes: none,
  },
  '2a8dfab26677': {
    text: 'a cacheable VMA over device memory is refused with -EINVAL (memslot creation for VM_PFNMAP, the fault for VM_MIXEDMAP) instead of being mapped non-cacheable',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  '0c67288e0c8b': {
    text: 'with FWB and DIC a cacheable VMA over device memory is mapped Normal-WB; without them the VM_PFNMAP memslot is still refused (-EINVAL) and the fault fails with -EFAULT',
    changes: (i) => deviceMemory(i) && i.pgprot === 'cacheable',
  },
  'f55ce5a6cd33': {
    text: 'no change: KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED reports kvm_supports_cacheable_pfnmap() to the VMM',
    changes: none,
  },
  // Linux 7.0
  'd4236f1ef270': {
    text: 'no change for guests: MT_S2_AS_S1 (0xf) and MT_S2_FWB_AS_S1 (7) serve the pKVM host stage 2 only',
    changes: none,
  },
  '17d7b15131f3': {
    text: 'no change for guests: a guest stage 2 never has KVM_PGTABLE_S2_AS_S1',
    changes: none,
  },
  'a373930ec940': {
    text: 'no change for guests: the pKVM host stage 2 only',
    changes: none,
  },
  '4f27fe82aa30': {
    text: 'no change for guests: stage2_has_fwb() is now the CPU capability alone, which it already was for every guest stage 2',
    changes: none,
  },
  '65d00e37b17f': {
    text: 'no change: the same MT_S2_* / MT_S2_FWB_* values are selected',
    changes: none,
  },
  // Linux 7.1
  'a6e11bd6e1bd': {
    text: 'no change: the Device/Normal-NC protection, the cacheable branch, the -EFAULT and the -ENOEXEC checks move to kvm_s2_fault_compute_prot()',
    changes: none,
  },
  'e314a4dbdb8b': {
    text: 'no change: the detection of memory outside the linear map, the cacheable-or-not decision and the cacheable PFNMAP -EFAULT move on to kvm_s2_fault_pin_pfn(); the Normal-NC/Device choice stays in kvm_s2_fault_compute_prot()',
    changes: none,
  },
};
