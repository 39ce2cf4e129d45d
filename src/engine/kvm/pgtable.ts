/**
 * The page-table code: stage2_set_prot_attr() in
 * arch/arm64/kvm/hyp/pgtable.c turns the kvm_pgtable_prot into the
 * descriptor's MemAttr, through KVM_S2_MEMATTR() and PAGE_S2_MEMATTR(),
 * which pick the MT_S2_* or MT_S2_FWB_* constant of
 * arch/arm64/include/asm/memory.h by stage2_has_fwb(). Read at 6.8, at 6.9
 * (the switch added by c034ec84e879) and at 7.0.
 */
import { releasesWhere } from './behaviours.ts';
import type { KvmCode } from './code.ts';
import { commitCitation } from './kernel-commits.ts';
import { OLDEST } from './releases.ts';
import type { FaultProt, KvmInput, S2Attr, S2TypeName, Source } from './types.ts';

/** The memory.h suffixes KVM uses for guests. */
type MemAttrName = 'DEVICE_nGnRE' | 'NORMAL_NC' | 'NORMAL';

/**
 * arch/arm64/include/asm/memory.h: the stage-2 MemAttr[3:0] values
 * without FWB (MT_S2_*) and with it (MT_S2_FWB_*). MT_S2_NORMAL_NC and
 * MT_S2_FWB_NORMAL_NC came with c034ec84e879 (6.9); the MT_S2{,_FWB}_AS_S1
 * values of d4236f1ef270 (7.0) serve the pKVM host only.
 */
export const MT_S2: Readonly<Record<MemAttrName, number>> = { DEVICE_nGnRE: 0x1, NORMAL_NC: 0x5, NORMAL: 0xf };
export const MT_S2_FWB: Readonly<Record<MemAttrName, number>> = { DEVICE_nGnRE: 0x1, NORMAL_NC: 0x5, NORMAL: 0x6 };

const TYPE_NAMES: Readonly<Record<MemAttrName, S2TypeName>> = { DEVICE_nGnRE: 'Device-nGnRE', NORMAL_NC: 'Normal-NC', NORMAL: 'Normal-WB' };

/** stage2_set_prot_attr() as c034ec84e879 made it (a switch over the new flag). */
export const SET_PROT_ATTR: Source = {
  file: 'arch/arm64/kvm/hyp/pgtable.c',
  function: 'stage2_set_prot_attr()',
  releases: releasesWhere((code) => code.normalNcAttr),
  commit: commitCitation('c034ec84e879'),
};

/** stage2_set_prot_attr() before it. */
export const SET_PROT_ATTR_BEFORE: Source = {
  ...SET_PROT_ATTR,
  releases: releasesWhere((code) => !code.normalNcAttr),
  commit: `present before ${OLDEST}: the generic stage-2 page-table code of Linux 5.10`,
};

/**
 * stage2_has_fwb(): ARM64_HAS_STAGE2_FWB, and before 7.0 also no
 * KVM_PGTABLE_S2_NOFWB in the page table's flags; only the pKVM host's
 * stage 2 ever had that flag, so for a guest it is the CPU capability in
 * every release.
 */
export function stage2HasFwb(input: Pick<KvmInput, 'fwb'>): boolean {
  return input.fwb;
}

/** KVM_S2_MEMATTR(pgt, attr): the MT_S2_FWB_ constant when the stage 2 uses FWB, else the MT_S2_ one. */
export function s2MemAttr(name: MemAttrName, fwb: boolean): Pick<S2Attr, 'constant' | 'memAttr' | 'fwb' | 'type'> {
  return { constant: fwb ? `MT_S2_FWB_${name}` : `MT_S2_${name}`, memAttr: (fwb ? MT_S2_FWB : MT_S2)[name], fwb, type: TYPE_NAMES[name] };
}

export type SetProtResult = { readonly attr: S2Attr } | { readonly einval: string };

/** The kvm_pgtable_prot bits stage2_set_prot_attr() looks at. */
export interface ProtBits {
  readonly device: boolean;
  readonly normalNc: boolean;
  readonly exec: boolean;
}

export function protBits(prot: FaultProt): ProtBits {
  return { device: prot.attr === 'KVM_PGTABLE_PROT_DEVICE', normalNc: prot.attr === 'KVM_PGTABLE_PROT_NORMAL_NC', exec: prot.exec };
}

/**
 * stage2_set_prot_attr(). 6.8: DEVICE selects Device-nGnRE and is refused
 * with -EINVAL when executable, anything else Normal. Since c034ec84e879
 * (6.9) a switch: DEVICE together with NORMAL_NC is -EINVAL, DEVICE or
 * NORMAL_NC with KVM_PGTABLE_PROT_X is -EINVAL, otherwise Normal. The
 * fault path never asks for those combinations (it refuses instruction
 * fetches from non-cacheable memory first), so the -EINVAL branches guard
 * against bugs in KVM itself.
 */
export function stage2SetProtAttr(code: KvmCode, prot: ProtBits, fwb: boolean): SetProtResult {
  if (!code.normalNcAttr) {
    if (prot.device && prot.exec) return { einval: 'an executable KVM_PGTABLE_PROT_DEVICE mapping' };
    return { attr: { ...s2MemAttr(prot.device ? 'DEVICE_nGnRE' : 'NORMAL', fwb), exec: prot.exec } };
  }
  if (prot.device && prot.normalNc) return { einval: 'KVM_PGTABLE_PROT_DEVICE together with KVM_PGTABLE_PROT_NORMAL_NC' };
  if (prot.device) {
    if (prot.exec) return { einval: 'an executable KVM_PGTABLE_PROT_DEVICE mapping' };
    return { attr: { ...s2MemAttr('DEVICE_nGnRE', fwb), exec: false } };
  }
  if (prot.normalNc) {
    if (prot.exec) return { einval: 'an executable KVM_PGTABLE_PROT_NORMAL_NC mapping' };
    return { attr: { ...s2MemAttr('NORMAL_NC', fwb), exec: false } };
  }
  return { attr: { ...s2MemAttr('NORMAL', fwb), exec: prot.exec } };
}
