/**
 * The Linux names for memory attributes, checked against the kernel sources
 * named in each comment (torvalds/linux; mainline unless a version is given).
 * Names only, no kernel code.
 */

/**
 * Stage-1 MAIR attribute bytes Linux programs, with the index macro and the
 * helpers that select them.
 * - arch/arm64/include/asm/sysreg.h: MAIR_ATTR_DEVICE_nGnRnE 0x00,
 *   MAIR_ATTR_DEVICE_nGnRE 0x04, MAIR_ATTR_NORMAL_NC 0x44,
 *   MAIR_ATTR_NORMAL_TAGGED 0xf0, MAIR_ATTR_NORMAL 0xff; Linux 5.13 and
 *   older also had MAIR_ATTR_DEVICE_GRE 0x0c and MAIR_ATTR_NORMAL_WT 0xbb
 *   (5.14 removed them: commits 58cc6b72a212 and 21cfe6edbadb, "arm64: mm:
 *   Remove unused support for Device-GRE/Normal-WT memory type").
 * - arch/arm64/include/asm/memory.h: MT_NORMAL, MT_NORMAL_TAGGED,
 *   MT_NORMAL_NC, MT_DEVICE_nGnRnE, MT_DEVICE_nGnRE (MT_NORMAL_WT and
 *   MT_DEVICE_GRE only in older kernels).
 * - arch/arm64/include/asm/pgtable.h: pgprot_noncached() -> MT_DEVICE_nGnRnE,
 *   pgprot_writecombine() -> MT_NORMAL_NC, pgprot_device() -> MT_DEVICE_nGnRE,
 *   pgprot_tagged() -> MT_NORMAL_TAGGED; pgprot_dmacoherent() is Normal-NC
 *   per the comment beside it.
 * - arch/arm64/include/asm/io.h: ioremap() uses PROT_DEVICE_nGnRE
 *   (_PAGE_IOREMAP), ioremap_wc() PROT_NORMAL_NC, ioremap_np()
 *   PROT_DEVICE_nGnRnE.
 * - drivers/vfio/pci/vfio_pci_core.c vfio_pci_core_mmap(): the VMM's BAR
 *   mapping uses pgprot_noncached() and sets VM_ALLOW_ANY_UNCACHED.
 */
const s1Names: ReadonlyMap<number, readonly string[]> = new Map([
  [0x00, ['MT_DEVICE_nGnRnE', 'MAIR_ATTR_DEVICE_nGnRnE', 'pgprot_noncached()', 'ioremap_np()', 'vfio-pci user mapping of a BAR']],
  [0x04, ['MT_DEVICE_nGnRE', 'MAIR_ATTR_DEVICE_nGnRE', 'pgprot_device()', 'ioremap()']],
  [0x0c, ['MT_DEVICE_GRE (Linux 5.13 and older)', 'MAIR_ATTR_DEVICE_GRE (Linux 5.13 and older)']],
  [0x44, ['MT_NORMAL_NC', 'MAIR_ATTR_NORMAL_NC', 'pgprot_writecombine()', 'pgprot_dmacoherent()', 'ioremap_wc()', "a guest driver's ioremap_wc()"]],
  [0xbb, ['MT_NORMAL_WT (Linux 5.13 and older)', 'MAIR_ATTR_NORMAL_WT (Linux 5.13 and older)']],
  [0xf0, ['MT_NORMAL_TAGGED', 'MAIR_ATTR_NORMAL_TAGGED', 'pgprot_tagged()']],
  [0xff, ['MT_NORMAL', 'MAIR_ATTR_NORMAL', 'PAGE_KERNEL']],
]);

/**
 * Stage-2 MemAttr values KVM writes, FWB off.
 * - arch/arm64/include/asm/memory.h: MT_S2_NORMAL 0xf, MT_S2_NORMAL_NC 0x5
 *   (added by commit c034ec84e879, Linux 6.9), MT_S2_DEVICE_nGnRE 0x1,
 *   MT_S2_NORMAL_NOTAGACCESS 0b0100 (FEAT_MTE_PERM, later kernels).
 * - arch/arm64/kvm/hyp/pgtable.c stage2_set_prot_attr(): KVM_PGTABLE_PROT_DEVICE
 *   -> DEVICE_nGnRE, KVM_PGTABLE_PROT_NORMAL_NC -> NORMAL_NC, both -> -EINVAL,
 *   neither -> NORMAL; the encoding follows stage2_has_fwb().
 * - arch/arm64/kvm/mmu.c user_mem_abort(): a non-cacheable PFNMAP gets
 *   KVM_PGTABLE_PROT_NORMAL_NC when the VMA has VM_ALLOW_ANY_UNCACHED (set by
 *   vfio-pci since Linux 6.9), else KVM_PGTABLE_PROT_DEVICE (all device
 *   memory before 6.9; still GICv2 and drivers without the flag).
 */
const s2Names: ReadonlyMap<number, readonly string[]> = new Map([
  [0x1, ['MT_S2_DEVICE_nGnRE', 'KVM_PGTABLE_PROT_DEVICE', 'KVM stage 2 for vfio-pci BARs before Linux 6.9']],
  [0x4, ['MT_S2_NORMAL_NOTAGACCESS (needs FEAT_MTE_PERM)']],
  [0x5, ['MT_S2_NORMAL_NC', 'KVM_PGTABLE_PROT_NORMAL_NC', 'KVM stage 2 for vfio-pci BARs since Linux 6.9 (VM_ALLOW_ANY_UNCACHED)']],
  [0xf, ['MT_S2_NORMAL', 'KVM stage 2 for guest RAM']],
]);

/**
 * Stage-2 MemAttr values KVM writes, FWB on (arch/arm64/include/asm/memory.h:
 * MT_S2_FWB_NORMAL 6, MT_S2_FWB_NORMAL_NC 5, MT_S2_FWB_DEVICE_nGnRE 1, later
 * MT_S2_FWB_AS_S1 7 and MT_S2_FWB_NORMAL_NOTAGACCESS 0b1110).
 */
const s2FwbNames: ReadonlyMap<number, readonly string[]> = new Map([
  [0x1, ['MT_S2_FWB_DEVICE_nGnRE', 'KVM_PGTABLE_PROT_DEVICE', 'KVM stage 2 for vfio-pci BARs before Linux 6.9']],
  [0x5, ['MT_S2_FWB_NORMAL_NC', 'KVM_PGTABLE_PROT_NORMAL_NC', 'KVM stage 2 for vfio-pci BARs since Linux 6.9 (VM_ALLOW_ANY_UNCACHED)']],
  [0x6, ['MT_S2_FWB_NORMAL', 'KVM stage 2 for guest RAM']],
  [0x7, ['MT_S2_FWB_AS_S1 (later kernels)']],
  [0xe, ['MT_S2_FWB_NORMAL_NOTAGACCESS (needs FEAT_MTE_PERM)']],
]);

const none: readonly string[] = [];

/** Linux names of a stage-1 attribute byte, or of a combined result written as one. */
export function linuxS1Names(byte: number): readonly string[] {
  return s1Names.get(byte) ?? none;
}

/** Linux names of a stage-2 MemAttr value under the given FWB setting. */
export function linuxS2Names(memAttr: number, fwb: boolean): readonly string[] {
  return (fwb ? s2FwbNames : s2Names).get(memAttr) ?? none;
}

/** The Linux memory-type names for a combined result written as a MAIR byte (MT_*, MAIR_ATTR_*). */
export function linuxResultNames(mair: number): readonly string[] {
  return linuxS1Names(mair).filter((name) => name.startsWith('MT_') || name.startsWith('MAIR_'));
}
