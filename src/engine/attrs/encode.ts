/**
 * Writing a memory type back as a MAIR-style attribute byte, the way
 * EncodePARAttrs (DDI0487 M.a.a J1.3.5.2) writes PAR_EL1.ATTR after an AT
 * instruction, so that a combined result can be compared with MAIR values.
 */
import type { CacheAttrs, MemType } from './types.ts';

const deviceBits = { nGnRnE: 0b0000, nGnRE: 0b0100, nGRE: 0b1000, GRE: 0b1100 } as const;

/** One MAIR nibble: Write-Through 0b00RW (transient) / 0b10RW, Write-Back 0b01RW / 0b11RW, Non-cacheable 0b0100. */
function nibble(level: CacheAttrs): number {
  if (level.cacheability === 'NC') return 0b0100;
  const hints = (level.readAllocate ? 0b10 : 0) | (level.writeAllocate ? 0b01 : 0);
  const kind = level.cacheability === 'WT' ? (level.transient ? 0b00 : 0b10) : level.transient ? 0b01 : 0b11;
  return (kind << 2) | hints;
}

/**
 * EncodePARAttrs (J1.3.5.2) with FEAT_MTE2 and FEAT_XS and without
 * FEAT_MTE_PERM: 0xf0 for Allocation Tagged; Device 0b0000dd0x with bit[0] =
 * NOT XS; Normal with XS=0 as 0xa0 (Write-Through Read-Allocate, as the ASL
 * checks the outer level) or 0x40 (Non-cacheable); otherwise outer nibble,
 * inner nibble. DDI0487 M.a.a.
 */
export function encodeParAttrs(type: MemType): number {
  if (type.kind === 'Device') return deviceBits[type.device] | (type.xs ? 0 : 1);
  if (type.tagged) return 0xf0;
  const { inner, outer } = type;
  if (!type.xs) {
    if (outer.cacheability === 'WT' && inner.cacheability === 'WT' && !outer.transient && outer.readAllocate && !outer.writeAllocate) return 0xa0;
    if (outer.cacheability === 'NC' && inner.cacheability === 'NC') return 0x40;
  }
  return (nibble(outer) << 4) | nibble(inner);
}

/**
 * The MAIR-style byte of a memory type in its XS=1 form (0x00/0x04/0x08/0x0c,
 * 0x44, 0xaa rather than the FEAT_XS 0x01.., 0x40, 0xa0), so that one type
 * has one byte whatever XS is; 0xf0 for Tagged. XS is reported separately.
 */
export function encodeMair(type: MemType): number {
  return encodeParAttrs({ ...type, xs: true });
}
