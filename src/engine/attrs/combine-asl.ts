/**
 * The combining pseudocode of DDI0487 M.a.a, one function per ASL function,
 * on decoded attributes. Kept free of names, warnings and rules so that it
 * can be read beside the ASL line by line; combine.ts explains the result.
 */
import { decodeDevice } from './decode-s1.ts';
import { allocating, NON_CACHEABLE, normal } from './memtype.ts';
import { effectiveShareability, s2CombineS1Shareability } from './shareability.ts';
import type { CacheAttrs, DeviceType, MemType, Shareability } from './types.ts';

/** The part of the ASL MemoryAttributes record this engine models. */
export interface MemoryAttributes {
  readonly type: MemType;
  readonly shareability: Shareability;
}

/**
 * S2CombineS1Device (J1.3.5.17, Table D8-97): the more restrictive Device
 * type; nGnRnE over nGnRE over nGRE over GRE. DDI0487 M.a.a.
 */
export function s2CombineS1Device(s1: DeviceType, s2: DeviceType): DeviceType {
  for (const type of ['nGnRnE', 'nGnRE', 'nGRE'] as const) if (s1 === type || s2 === type) return type;
  return 'GRE';
}

/**
 * S2CombineS1AttrHints (J1.3.5.16, Table D8-98): Non-cacheable if either
 * stage is, else Write-Through if either is, else Write-Back; stage 2 assigns
 * no hints, so a cacheable result keeps stage 1's allocation and transient
 * hints. DDI0487 M.a.a.
 */
export function s2CombineS1AttrHints(s1: CacheAttrs, s2: CacheAttrs): CacheAttrs {
  if (s1.cacheability === 'NC' || s2.cacheability === 'NC') return NON_CACHEABLE;
  const cacheability = s1.cacheability === 'WT' || s2.cacheability === 'WT' ? 'WT' : 'WB';
  return { ...s1, cacheability };
}

/**
 * IsTaggableMemAttr (J1.3.5.11): Normal, inner and outer Write-Back,
 * Read/Write-Allocate, Non-transient. DDI0487 M.a.a.
 */
export function isTaggableMemAttr(type: MemType): boolean {
  if (type.kind !== 'Normal') return false;
  const taggable = (level: CacheAttrs): boolean => level.cacheability === 'WB' && level.readAllocate && level.writeAllocate && !level.transient;
  return taggable(type.inner) && taggable(type.outer);
}

/**
 * S2MemTagType (J1.3.5.22), FEAT_MTE2 implemented: the result is Allocation
 * Tagged only if stage 1 asked for it and the combined type is taggable.
 * DDI0487 M.a.a.
 */
export function s2MemTagType(combined: MemType, s1Tagged: boolean): boolean {
  return s1Tagged && isTaggableMemAttr(combined);
}

function withTags(type: MemType, tagged: boolean): MemType {
  return type.kind === 'Normal' ? { ...type, tagged } : type;
}

function withXs(type: MemType, xs: boolean): MemType {
  return { ...type, xs };
}

/**
 * How both S2CombineS1MemAttrs and AArch64.S2ApplyFWBMemAttrs end: the
 * stages' shareability combined (S2CombineS1Shareability), then forced to
 * Outer Shareable for Device and Normal-NC (EffectiveShareability). It
 * depends only on the final type, so callers may apply it to a type they
 * already have. DDI0487 M.a.a J1.3.5.18, J1.1.4.45.
 */
export function combinedShareability(type: MemType, s1: Shareability, s2: Shareability): Shareability {
  return effectiveShareability(type, s2CombineS1Shareability(s1, s2));
}

const isIwbOwb = (type: MemType): boolean => type.kind === 'Normal' && type.inner.cacheability === 'WB' && type.outer.cacheability === 'WB';

/**
 * S2CombineS1MemAttrs (J1.3.5.18), FWB off, stage 2 AArch64: Device has
 * precedence over Normal (D8.6.5.1), Normal cacheability combines level by
 * level (D8.6.5.2), shareability combines (D8.6.7.1) and is then forced to
 * Outer Shareable for Device and Normal-NC results (EffectiveShareability).
 * XS is 0 for inner and outer Write-Back, else stage 1 AND stage 2. R_QPHXK.
 * DDI0487 M.a.a.
 */
export function s2CombineS1MemAttrs(s1: MemoryAttributes, s2: MemoryAttributes): MemoryAttributes {
  let type: MemType;
  if (s1.type.kind === 'Device' && s2.type.kind === 'Device') {
    type = { kind: 'Device', device: s2CombineS1Device(s1.type.device, s2.type.device), xs: true };
  } else if (s1.type.kind === 'Device') {
    type = s1.type; // S2 Normal, S1 Device
  } else if (s2.type.kind === 'Device') {
    type = s2.type; // S2 Device, S1 Normal
  } else {
    const combined = normal(s2CombineS1AttrHints(s1.type.inner, s2.type.inner), s2CombineS1AttrHints(s1.type.outer, s2.type.outer), true);
    type = withTags(combined, s2MemTagType(combined, s1.type.tagged));
  }
  type = withXs(type, isIwbOwb(type) ? false : s2.type.xs && s1.type.xs);
  return { type, shareability: combinedShareability(type, s1.shareability, s2.shareability) };
}

/** Force-Write-Back hints (R_THYXB, R_TBQKG): stage 1's where that level is cacheable, else RWA Non-transient. */
function forcedWbLevel(s1: MemType, level: 'inner' | 'outer'): CacheAttrs {
  if (s1.kind === 'Normal' && s1[level].cacheability !== 'NC') return { ...s1[level], cacheability: 'WB' };
  return allocating('WB');
}

/**
 * AArch64.S2ApplyFWBMemAttrs (J1.1.4.45), FWB on, on MemAttr[2:0] (Tables
 * D8-100, D8-101; R_RHWZM, R_GSDKZ):
 * - 0b0dd: Device dd, combined with a stage-1 Device type; XS from stage 1;
 * - 0b111: the stage-1 attributes;
 * - 0b110: Normal Write-Back, hints per forcedWbLevel, XS=0;
 * - 0b101 (and the reserved 0b100): stage-1 Device kept, else Normal-NC.
 * Then shareability combines, tags are re-derived (S2MemTagType) and
 * EffectiveShareability applies. FnXS is taken as 0. DDI0487 M.a.a.
 */
export function s2ApplyFwbMemAttrs(s1: MemoryAttributes, memAttr: number, s2Shareability: Shareability): MemoryAttributes {
  let type: MemType;
  const s1Type = s1.type;
  if ((memAttr & 0b100) === 0) {
    const s2Device = decodeDevice(memAttr);
    const combined = s1Type.kind === 'Device' ? s2CombineS1Device(s1Type.device, s2Device) : s2Device;
    type = { kind: 'Device', device: combined, xs: s1Type.xs };
  } else if ((memAttr & 0b11) === 0b11) {
    type = s1Type;
  } else if ((memAttr & 0b11) === 0b10) {
    type = normal(forcedWbLevel(s1Type, 'inner'), forcedWbLevel(s1Type, 'outer'), false);
  } else {
    type = s1Type.kind === 'Device' ? s1Type : normal(NON_CACHEABLE, NON_CACHEABLE, s1Type.xs);
  }
  type = withTags(type, s2MemTagType(type, s1Type.kind === 'Normal' && s1Type.tagged));
  return { type, shareability: combinedShareability(type, s1.shareability, s2Shareability) };
}

/**
 * NormalNCMemAttr (J1.3.5.13) as AArch64.S2TreatAsNormalNC (J1.1.4.58) uses
 * it for HCR_EL2.CD: Normal Non-cacheable, Outer Shareable, untagged, keeping
 * XS. DDI0487 M.a.a.
 */
export function normalNcMemAttr(xs: boolean): MemoryAttributes {
  return { type: normal(NON_CACHEABLE, NON_CACHEABLE, xs), shareability: 'OSH' };
}

/**
 * AArch64.S2TreatAsNormalNC (J1.1.4.58) for a data access: with HCR_EL2.CD=1
 * (stage-2 data cache disabled) a Normal stage-2 result is treated as
 * Normal-NC. Without FWB it applies to the stage-2 attributes before they are
 * combined, with FWB to the already forced attributes. DDI0487 M.a.a.
 */
export function s2TreatAsNormalNc(attrs: MemoryAttributes, cd: boolean): MemoryAttributes {
  return cd && attrs.type.kind === 'Normal' ? normalNcMemAttr(attrs.type.xs) : attrs;
}
