/**
 * Stage-1 attribute decoding: a MAIR_ELx.Attr<n> byte to a memory type,
 * mirroring the shared pseudocode of DDI0487 M.a.a J1.3.5 (DecodeDevice,
 * DecodeLDFAttr, S1ConstrainUnpredictableRESMAIR, S1DecodeMemAttrs) and the
 * MAIR_EL1 field description (D24.2.127).
 *
 * The PE modelled implements FEAT_XS and FEAT_MTE2 (so 0x01-style Device
 * encodings, 0x40, 0xa0 and 0xf0 are allocated) and stage 1 uses AArch64.
 */
import { MAY_DIFFER, RESERVED_ALLOWED } from './reserved.ts';
import { allocating, describeMemType, device, hexByte, memTypeName, NON_CACHEABLE, normal } from './memtype.ts';
import { linuxS1Names } from './linux.ts';
import type { CacheAttrs, DeviceType, MemType, ReservedNote, S1Decoding } from './types.ts';

const deviceTypes: readonly DeviceType[] = ['nGnRnE', 'nGnRE', 'nGRE', 'GRE'];

/** DecodeDevice (J1.3.5.6): the two Device-type bits, 0b00 nGnRnE .. 0b11 GRE. DDI0487 M.a.a. */
export function decodeDevice(bits: number): DeviceType {
  return deviceTypes[bits & 0b11] ?? 'nGnRnE';
}

/**
 * DecodeLDFAttr (J1.3.5.7), one MAIR nibble: 0b0100 Non-cacheable, 0bx0xx
 * Write-Through, 0bx1xx Write-Back; bits[1:0] are the Read/Write-Allocate
 * hints and bit[3]=0 marks a cacheable, allocating level Transient.
 * A 0b0000 nibble (only reachable through a reserved byte) decodes as
 * Write-Through with no allocation, as the pattern match does. DDI0487 M.a.a.
 */
export function decodeLdfAttr(nibble: number): CacheAttrs {
  if (nibble === 0b0100) return NON_CACHEABLE;
  const readAllocate = (nibble & 0b10) !== 0;
  const writeAllocate = (nibble & 0b01) !== 0;
  return {
    cacheability: (nibble & 0b0100) !== 0 ? 'WB' : 'WT',
    readAllocate,
    writeAllocate,
    // The Transient hint applies only to cacheable memory with some allocation hint.
    transient: (readAllocate || writeAllocate) && (nibble & 0b1000) === 0,
  };
}

/**
 * S1ConstrainUnpredictableRESMAIR (J1.3.5.14) for an AArch64 stage 1 on a PE
 * with FEAT_XS and FEAT_MTE2: why the byte is reserved, or null. The case
 * order matters: 0b0000xx01 (XS=0 Device) is allocated before 0b0000xxxx
 * rejects nonzero low bits, and 0x40, 0xa0, 0xf0 before 0bxxxx0000. DDI0487 M.a.a.
 */
export function s1ReservedMair(attr: number): string | null {
  if ((attr & 0xf0) === 0) {
    return (attr & 0b11) === 0b01 || (attr & 0b11) === 0 ? null : 'a Device encoding needs Attr[1:0] = 0b00 (or 0b01, XS=0, with FEAT_XS)';
  }
  if (attr === 0x40 || attr === 0xa0 || attr === 0xf0) return null;
  if ((attr & 0x0f) === 0) return 'Attr[3:0] = 0b0000 with a Normal Attr[7:4] is allocated only for 0x40 and 0xa0 (FEAT_XS) and 0xf0 (FEAT_MTE2)';
  return null;
}

/**
 * The case statement of S1DecodeMemAttrs (J1.3.5.15) applied to the bits as
 * given, together with the Tagged attribute its AArch64 overload adds for
 * 0xf0. For a reserved byte the ASL first substitutes an UNKNOWN allocated
 * value; we decode the bits themselves, which gives an allocated type
 * (Device bits[3:2] with XS from bit[0]; or inner Write-Through no-allocate
 * for a 0b0000 inner nibble), and report it as a choice. DDI0487 M.a.a.
 */
export function s1DecodeMemAttrs(attr: number): MemType {
  if ((attr & 0xf0) === 0) return device(decodeDevice(attr >> 2), (attr & 1) === 0);
  // FEAT_XS encodings: the XS=0 forms of Normal-NC and Write-Through Read-Allocate.
  if (attr === 0x40) return normal(NON_CACHEABLE, NON_CACHEABLE, false);
  if (attr === 0xa0) {
    const wtRa: CacheAttrs = { cacheability: 'WT', readAllocate: true, writeAllocate: false, transient: false };
    return normal(wtRa, wtRa, false);
  }
  // FEAT_MTE2: Normal Inner/Outer Write-Back RWA Non-transient, Allocation Tagged.
  if (attr === 0xf0) return normal(allocating('WB'), allocating('WB'), false, true);
  const outer = decodeLdfAttr(attr >> 4);
  const inner = decodeLdfAttr(attr & 0x0f);
  // S1DecodeMemAttrs gives inner and outer Write-Back XS=0, every other Normal type XS=1.
  return normal(inner, outer, !(inner.cacheability === 'WB' && outer.cacheability === 'WB'));
}

function reservedNote(attr: number, why: string, type: MemType): ReservedNote {
  return {
    what: `MAIR attribute ${hexByte(attr)} is reserved: ${why} (S1ConstrainUnpredictableRESMAIR, D24.2.127)`,
    allowed: RESERVED_ALLOWED,
    chosen: `decoded bit by bit as S1DecodeMemAttrs's case statement does: ${memTypeName(type)}`,
  };
}

function featureNote(attr: number): string {
  if ((attr & 0xf0) === 0 && (attr & 1) === 1) return ' (FEAT_XS encoding)';
  if (attr === 0x40 || attr === 0xa0) return ' (FEAT_XS encoding)';
  if (attr === 0xf0) return ' (FEAT_MTE2 encoding)';
  return '';
}

function decode(attr: number): S1Decoding {
  const memType = s1DecodeMemAttrs(attr);
  const why = s1ReservedMair(attr);
  const reserved = why === null ? null : reservedNote(attr, why, memType);
  return {
    byte: attr,
    hex: hexByte(attr),
    memType,
    name: memTypeName(memType),
    description: describeMemType(memType) + featureNote(attr),
    reserved,
    warnings: reserved === null ? [] : [`MAIR attribute ${hexByte(attr)} is reserved; computed as ${memTypeName(memType)} (${MAY_DIFFER})`],
    linux: linuxS1Names(attr),
  };
}

/** Every byte decoded once: results are shared, immutable by convention. */
const table: readonly S1Decoding[] = Array.from({ length: 256 }, (_, attr) => decode(attr));

/** Decode a MAIR attribute byte (0x00..0xff) for an AArch64 stage 1 (S1DecodeMemAttrs, DDI0487 M.a.a J1.3.5.15). */
export function decodeS1(byte: number): S1Decoding {
  const decoding = table[byte];
  if (!Number.isInteger(byte) || decoding === undefined) throw new RangeError(`stage-1 attribute ${byte} is not a byte (0x00..0xff)`);
  return decoding;
}
