/**
 * The memslot check: kvm_arch_prepare_memory_region() in
 * arch/arm64/kvm/mmu.c walks the VMAs under a new memslot before KVM
 * accepts it (KVM_SET_USER_MEMORY_REGION). Read at 6.8 (a VM_PFNMAP VMA
 * refused only with dirty logging, which this model leaves out), at 6.17
 * and in 7.1. MTE (kvm_has_mte()) is not modelled: the guest has no MTE.
 */
import { releasesWhere } from './behaviours.ts';
import type { KvmCode } from './code.ts';
import { commitCitation, STAGE2_COMMITS } from './kernel-commits.ts';
import { kvmSupportsCacheablePfnmap, kvmVmaIsCacheable } from './vma.ts';
import type { KvmInput, Refusal, Source, Step } from './types.ts';

const PREPARE = { file: 'arch/arm64/kvm/mmu.c', function: 'kvm_arch_prepare_memory_region()' } as const;

const SOURCE_BEFORE: Source = {
  ...PREPARE,
  releases: releasesWhere((code) => code.cacheablePfnmap === 'ignored'),
  commit: 'no cacheability check before 2a8dfab26677',
};

// 2a8dfab26677's refusal was replaced by 0c67288e0c8b's within the same merge: no release has it.
const SOURCE_REFUSED: Source = {
  ...PREPARE,
  releases: `${STAGE2_COMMITS['2a8dfab26677'].release} (within the series only)`,
  commit: commitCitation('2a8dfab26677'),
};

const SOURCE_FWB_DIC: Source = {
  ...PREPARE,
  releases: releasesWhere((code) => code.cacheablePfnmap === 'if-fwb-and-dic'),
  commit: commitCitation('0c67288e0c8b'),
};

export interface MemslotCheck {
  readonly refusal?: Refusal;
  readonly step: Step;
}

const refusedMemslot: Refusal = {
  where: 'memslot',
  errno: 'EINVAL',
  effect: 'KVM_SET_USER_MEMORY_REGION fails with -EINVAL: the VMM cannot create the memslot',
};

/** Only VM_PFNMAP VMAs are checked: a VM_MIXEDMAP memslot is accepted and the question is left to the fault. */
export function prepareMemoryRegion(code: KvmCode, input: KvmInput): MemslotCheck {
  if (code.cacheablePfnmap === 'ignored') {
    return { step: { source: SOURCE_BEFORE, said: 'accepts the memslot: the VMA\'s protection is not consulted' } };
  }
  const source = code.cacheablePfnmap === 'refused' ? SOURCE_REFUSED : SOURCE_FWB_DIC;
  if (input.backing !== 'pfnmap') {
    return { step: { source, said: `accepts the memslot: only VM_PFNMAP VMAs are checked, and this one is ${input.backing === 'ram' ? 'ordinary memory' : 'VM_MIXEDMAP'}` } };
  }
  if (!kvmVmaIsCacheable(input.pgprot)) {
    return { step: { source, said: 'accepts the memslot: the VM_PFNMAP VMA is not cacheable (kvm_vma_is_cacheable() is false)' } };
  }
  if (code.cacheablePfnmap === 'if-fwb-and-dic' && kvmSupportsCacheablePfnmap(input)) {
    return { step: { source, said: 'accepts the cacheable VM_PFNMAP memslot: kvm_supports_cacheable_pfnmap() is true (FWB and DIC)' } };
  }
  const why = code.cacheablePfnmap === 'refused' ? 'cacheable PFNMAP is not allowed' : `kvm_supports_cacheable_pfnmap() is false (${missing(input)})`;
  return { refusal: refusedMemslot, step: { source, said: `refuses the cacheable VM_PFNMAP memslot with -EINVAL: ${why}` } };
}

/** `no FWB`, `no DIC` or `no FWB and no DIC`. */
export function missing(input: Pick<KvmInput, 'fwb' | 'dic'>): string {
  const lacking = [input.fwb ? '' : 'no FWB', input.dic ? '' : 'no DIC'].filter((s) => s !== '');
  return lacking.join(' and ');
}
