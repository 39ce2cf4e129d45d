/**
 * Stage-2 MemAttr[3:0] decoding, without FWB (S2ResMemAttr,
 * S2DecodeCacheability, S2DecodeMemAttrs; DDI0487 M.a.a J1.3.5.20-23,
 * Table D8-96) and with FWB (the encodings AArch64.S2ApplyFWBMemAttrs reads,
 * J1.1.4.45, Tables D8-100 and D8-101).
 *
 * The PE modelled does not implement FEAT_MTE_PERM: MemAttr 0b0100 is then
 * reserved without FWB and MemAttr[3] is RES0 with it. The descriptor's FnXS
 * bit is taken as 0, so stage 2 never clears XS.
 */
import { decodeDevice } from './decode-s1.ts';
import { linuxS2Names } from './linux.ts';
import { allocating, describeMemType, device, hexNibble, memTypeName, NON_CACHEABLE, normal } from './memtype.ts';
import { MAY_DIFFER, RESERVED_ALLOWED } from './reserved.ts';
import type { CacheAttrs, MemType, ReservedNote, S2Decoding, S2Effect } from './types.ts';

/**
 * S2ResMemAttr (J1.3.5.23) without FEAT_MTE_PERM: 0b0100 and 0b1x00 are
 * reserved, i.e. a Normal encoding whose inner field is 0b00. DDI0487 M.a.a.
 */
export function s2ResMemAttr(attr: number): boolean {
  return attr === 0b0100 || (attr & 0b1011) === 0b1000;
}

/**
 * S2DecodeCacheability (J1.3.5.20): 0b01 Non-cacheable, 0b10 Write-Through,
 * 0b11 Write-Back. Stage 2 assigns no allocation hints (D8.6.3); a cacheable
 * level is shown as Read/Write-Allocate, what the result gets when stage 1
 * is not cacheable (R_TBQKG). The reserved 0b00 (only from a reserved
 * MemAttr) is taken as Non-cacheable, the least cacheable allocated value.
 * DDI0487 M.a.a.
 */
export function s2DecodeCacheability(bits: number): CacheAttrs {
  if (bits === 0b10) return allocating('WT');
  if (bits === 0b11) return allocating('WB');
  return NON_CACHEABLE;
}

/**
 * S2DecodeMemAttrs (J1.3.5.21), FWB off: 0b00dd Device, otherwise Normal with
 * outer cacheability from MemAttr[3:2] and inner from MemAttr[1:0]. XS is
 * NOT FnXS = 1 (AArch64.S2NextWalkStateLeaf). DDI0487 M.a.a.
 */
export function s2DecodeMemAttrs(attr: number): MemType {
  if ((attr & 0b1100) === 0) return device(decodeDevice(attr));
  return normal(s2DecodeCacheability(attr & 0b11), s2DecodeCacheability(attr >> 2), true);
}

function fwbReserved(attr: number): ReservedNote | null {
  const reasons: string[] = [];
  const chosen: string[] = [];
  if ((attr & 0b111) === 0b100) {
    reasons.push('Table D8-101 lists MemAttr[2:0] = 0b100 as Reserved');
    chosen.push('AArch64.S2ApplyFWBMemAttrs still computes it like 0b101: Normal Non-cacheable unless stage 1 is Device');
  }
  if ((attr & 0b1000) !== 0) {
    reasons.push('MemAttr[3] is RES0 without FEAT_MTE_PERM (D8.6.6)');
    chosen.push(`AArch64.S2ApplyFWBMemAttrs takes the memory type from MemAttr[2:0] only, so it is computed as ${hexNibble(attr & 0b111)}`);
  }
  if (reasons.length === 0) return null;
  return {
    what: `stage-2 MemAttr ${hexNibble(attr)} with FWB: ${reasons.join('; ')}`,
    allowed: `With FEAT_MTE_PERM, MemAttr[3:2] = 0b10 is Reserved and 0b111x adds NoTagAccess. ${RESERVED_ALLOWED}`,
    chosen: chosen.join('; '),
  };
}

interface FwbForm {
  readonly effect: S2Effect;
  readonly memType: MemType | null;
  readonly name: string;
  readonly description: string;
}

/** The branches of AArch64.S2ApplyFWBMemAttrs (J1.1.4.45), on MemAttr[2:0], as a reader sees them. */
function fwbForm(attr: number): FwbForm {
  if ((attr & 0b100) === 0) {
    const type = decodeDevice(attr);
    return {
      effect: 'device',
      memType: device(type),
      name: `Device-${type}`,
      description: `Device-${type}, combined with a stage-1 Device type (the more restrictive wins); a stage-1 Normal type becomes Device-${type}`,
    };
  }
  if ((attr & 0b11) === 0b11) return { effect: 'fwb-as-s1', memType: null, name: 'AS-S1', description: 'the stage-1 attributes, unchanged' };
  if ((attr & 0b11) === 0b10) {
    return {
      effect: 'fwb-wb',
      memType: normal(allocating('WB'), allocating('WB'), false),
      name: 'Normal-WB (forced)',
      description: 'Normal Write-Back whatever stage 1 says, even over a stage-1 Device type; allocation hints come from stage 1 where it is cacheable',
    };
  }
  return {
    effect: 'fwb-nc',
    memType: normal(NON_CACHEABLE, NON_CACHEABLE, true),
    name: 'Normal-NC',
    description: 'Normal Non-cacheable unless stage 1 is Device, in which case the stage-1 Device type is kept',
  };
}

function decodeFwb(attr: number): S2Decoding {
  const reserved = fwbReserved(attr);
  return {
    memAttr: attr,
    hex: hexNibble(attr),
    fwb: true,
    ...fwbForm(attr),
    reserved,
    warnings: reserved === null ? [] : [`FWB MemAttr ${hexNibble(attr)} is reserved; computed as ${hexNibble(attr & 0b111)} (${MAY_DIFFER})`],
    linux: linuxS2Names(attr, true),
  };
}

function decodeNoFwb(attr: number): S2Decoding {
  const memType = s2DecodeMemAttrs(attr);
  const reserved: ReservedNote | null = s2ResMemAttr(attr)
    ? {
        what: `stage-2 MemAttr ${hexNibble(attr)} is reserved without FWB (Table D8-96, S2ResMemAttr${attr === 0b0100 ? '; Normal NoTagAccess with FEAT_MTE_PERM' : ''})`,
        allowed: `S2DecodeMemAttrs replaces it with an UNKNOWN allocated value (Unpredictable_S2RESMEMATTR). ${RESERVED_ALLOWED}`,
        chosen: `the inner field 0b00 taken as Non-cacheable: ${memTypeName(memType)}`,
      }
    : null;
  return {
    memAttr: attr,
    hex: hexNibble(attr),
    fwb: false,
    effect: memType.kind === 'Device' ? 'device' : 'normal',
    memType,
    name: memTypeName(memType),
    description: describeMemType(memType),
    reserved,
    warnings: reserved === null ? [] : [`stage-2 MemAttr ${hexNibble(attr)} is reserved without FWB; computed as ${memTypeName(memType)} (${MAY_DIFFER})`],
    linux: linuxS2Names(attr, false),
  };
}

const tables: readonly (readonly S2Decoding[])[] = [
  Array.from({ length: 16 }, (_, attr) => decodeNoFwb(attr)),
  Array.from({ length: 16 }, (_, attr) => decodeFwb(attr)),
];

/** Decode a stage-2 MemAttr[3:0] (0x0..0xf) under the given HCR_EL2.FWB. DDI0487 M.a.a D8.6.5, D8.6.6. */
export function decodeS2(memAttr: number, fwb: boolean): S2Decoding {
  const decoding = tables[fwb ? 1 : 0]?.[memAttr];
  if (!Number.isInteger(memAttr) || decoding === undefined) throw new RangeError(`stage-2 MemAttr ${memAttr} is not in 0x0..0xf`);
  return decoding;
}
