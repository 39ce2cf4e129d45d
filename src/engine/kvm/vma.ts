/**
 * What KVM reads from the VMA and the CPU before it maps device memory
 * cacheable.
 */
import type { KvmInput, Pgprot } from './types.ts';

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

/**
 * kvm_vma_is_cacheable() in arch/arm64/kvm/mmu.c, added by 2a8dfab26677
 * (read at 6.17 and in the 7.1 helpers): the VMA is cacheable unless its
 * AttrIndx is MT_NORMAL_NC, MT_DEVICE_nGnRnE or MT_DEVICE_nGnRE (so
 * MT_NORMAL and MT_NORMAL_TAGGED are cacheable).
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

/**
 * kvm_supports_cacheable_pfnmap() in arch/arm64/include/asm/kvm_mmu.h,
 * added by 0c67288e0c8b: ARM64_HAS_STAGE2_FWB and ARM64_HAS_CACHE_DIC.
 * KVM does its cache maintenance through the kernel's linear map, which a
 * PFNMAP region need not be in: with FWB it needs no data-cache
 * maintenance, with DIC no instruction-cache invalidation.
 * KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED (f55ce5a6cd33) reports the same.
 */
export function kvmSupportsCacheablePfnmap(input: Pick<KvmInput, 'fwb' | 'dic'>): boolean {
  return input.fwb && input.dic;
}
