/**
 * Shareability: decoding SH[1:0], combining the two stages, and the rule that
 * Device and Normal Non-cacheable memory is Outer Shareable. Mirrors
 * DecodeShareability, S2CombineS1Shareability and EffectiveShareability
 * (DDI0487 M.a.a J1.3.5.9, J1.3.5.19, J1.3.5.10).
 */
import { RESERVED_ALLOWED } from './reserved.ts';
import type { MemType, ReservedNote, ShEncoding, ShResult, Shareability } from './types.ts';

/**
 * DecodeShareability (J1.3.5.9): 0b00 Non-shareable, 0b10 Outer, 0b11 Inner;
 * 0b01 is reserved (Tables D8-95/D8-102) and the ASL asks
 * ConstrainUnpredictable(Unpredictable_Shareability) for one of the three.
 * We take Non-shareable: of the permitted results it is the one under which
 * the reserved field has no effect on the combination (it is the identity of
 * S2CombineS1Shareability), which K1.2.19 also allows. DDI0487 M.a.a.
 */
export function decodeShareability(sh: ShEncoding): Shareability {
  if (sh === 2) return 'OSH';
  if (sh === 3) return 'ISH';
  return 'NSH';
}

/** The reserved-value note for SH=0b01 of the given stage, or null. */
export function reservedShareability(sh: ShEncoding, stage: 1 | 2): ReservedNote | null {
  if (sh !== 1) return null;
  return {
    what: `stage-${stage} SH=0b01 is reserved (Table ${stage === 1 ? 'D8-95' : 'D8-102'}, CONSTRAINED UNPREDICTABLE)`,
    allowed: `DecodeShareability lets an implementation treat it as Non-, Inner or Outer Shareable. ${RESERVED_ALLOWED}`,
    chosen: 'Non-shareable, so that the reserved field has no effect on the combined shareability',
  };
}

/**
 * S2CombineS1Shareability (J1.3.5.19, Table D8-103): the more shareable of
 * the two stages wins, Outer over Inner over Non-shareable. DDI0487 M.a.a.
 */
export function s2CombineS1Shareability(s1: Shareability, s2: Shareability): Shareability {
  if (s1 === 'OSH' || s2 === 'OSH') return 'OSH';
  if (s1 === 'ISH' || s2 === 'ISH') return 'ISH';
  return 'NSH';
}

/**
 * EffectiveShareability (J1.3.5.10, R_PYFVQ, D8.6.7.1): any Device type and
 * Normal Inner and Outer Non-cacheable are Outer Shareable whatever the
 * descriptors say. DDI0487 M.a.a.
 */
export function effectiveShareability(type: MemType, shareability: Shareability): Shareability {
  if (type.kind === 'Device' || (type.inner.cacheability === 'NC' && type.outer.cacheability === 'NC')) return 'OSH';
  return shareability;
}

/** The SH[1:0] encoding of a decoded shareability (as PAREncodeShareability writes it). */
export function encodeShareability(shareability: Shareability): ShResult {
  return shareability === 'OSH' ? 2 : shareability === 'ISH' ? 3 : 0;
}
