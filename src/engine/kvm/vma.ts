/**
 * What KVM reads from the VMA and the CPU before it maps device memory
 * cacheable.
 */
import type { KvmInput, Pgprot, Source } from './types.ts';

/** The AttrIndx (MAIR index) each protection helper puts in vm_page_prot (arch/arm64/include/asm/pgtable.h, arch/arm64/include/asm/memory.h). */
export const PGPROT_ATTRINDX: Readonly<Record<Pgprot, string>> = {
  noncached: 'MT_DEVICE_nGnRnE',
  device: 'MT_DEVICE_nGnRE',
  writecombine: 'MT_NORMAL_NC',
  cacheable: 'MT_NORMAL',
};

/** The kernel helper that builds each protection. */
export const PGPROT_HELPER: Readonly<Record<Pgprot, string>> = {
  noncached: 'pgprot_noncached()',
  device: 'pgprot_device()',
  writecombine: 'pgprot_writecombine()',
  cacheable: 'PAGE_SHARED (cacheable)',
};

export const VMA_IS_CACHEABLE: Source = {
  file: 'arch/arm64/kvm/mmu.c',
  function: 'kvm_vma_is_cacheable()',
  releases: '6.17 and later',
  commit: '2a8dfab26677 ("KVM: arm64: Block cacheable PFNMAP mapping")',
};

/**
 * kvm_vma_is_cacheable() (read at 6.17 and in the 7.1 helpers): the VMA is
 * cacheable unless its AttrIndx is MT_NORMAL_NC, MT_DEVICE_nGnRnE or
 * MT_DEVICE_nGnRE (so MT_NORMAL and MT_NORMAL_TAGGED are cacheable).
 */
export function kvmVmaIsCacheable(pgprot: Pgprot): boolean {
  switch (PGPROT_ATTRINDX[pgprot]) {
    case 'MT_NORMAL_NC':
    case 'MT_DEVICE_nGnRnE':
    case 'MT_DEVICE_nGnRE':
      return false;
    default:
      return true;
  }
}

export const SUPPORTS_CACHEABLE_PFNMAP: Source = {
  file: 'arch/arm64/include/asm/kvm_mmu.h',
  function: 'kvm_supports_cacheable_pfnmap()',
  releases: '6.17 and later',
  commit: '0c67288e0c8b ("KVM: arm64: Allow cacheable stage 2 mapping using VMA flags")',
};

/**
 * kvm_supports_cacheable_pfnmap(): ARM64_HAS_STAGE2_FWB and
 * ARM64_HAS_CACHE_DIC. KVM does its cache maintenance through the kernel's
 * linear map, which a PFNMAP region need not be in: with FWB it needs no
 * data-cache maintenance, with DIC no instruction-cache invalidation.
 * KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (f55ce5a6cd33) reports the same.
 */
export function kvmSupportsCacheablePfnmap(input: Pick<KvmInput, 'fwb' | 'dic'>): boolean {
  return input.fwb && input.dic;
}
