import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, decodeS1, decodeS2, memTypeName } from './index.ts';
import type { MemType, ShEncoding } from './types.ts';

const byte = fc.integer({ min: 0, max: 0xff });
const nibble = fc.integer({ min: 0, max: 0xf });
const sh = fc.constantFrom<ShEncoding>(0, 1, 2, 3);
const rank = { NC: 0, WT: 1, WB: 2 } as const;

/** `result` permits nothing that `stage` forbids: the order of Tables D8-97 and D8-98. */
function noWeakerThan(result: MemType, stage: MemType): boolean {
  if (stage.kind === 'Device') {
    if (result.kind !== 'Device') return false;
    const letters = (t: string): boolean[] => [t.startsWith('nG'), t.includes('nR'), t.endsWith('nE')];
    return letters(stage.device).every((strict, i) => !strict || letters(result.device)[i]);
  }
  if (result.kind === 'Device') return true;
  return rank[result.inner.cacheability] <= rank[stage.inner.cacheability] && rank[result.outer.cacheability] <= rank[stage.outer.cacheability];
}

describe('combining laws (fast-check over the whole encoding space)', () => {
  it('without FWB the result is never weaker than stage 1 or stage 2 (D8.6.5)', () => {
    fc.assert(
      fc.property(byte, nibble, sh, sh, (s1, s2, s1sh, s2sh) => {
        const r = combine({ s1, s2, fwb: false, s1sh, s2sh });
        const s2Type = decodeS2(s2, false).memType;
        return s2Type !== null && noWeakerThan(r.type, decodeS1(s1).memType) && noWeakerThan(r.type, s2Type);
      }),
      { numRuns: 2000 },
    );
  });

  it('a stage that imposes nothing returns the other: S2 Normal-WB (0b1111) or FWB 0b111 give the stage-1 type', () => {
    fc.assert(
      fc.property(byte, sh, sh, fc.boolean(), (s1, s1sh, s2sh, fwb) => {
        const r = combine({ s1, s2: fwb ? 0b0111 : 0b1111, fwb, s1sh, s2sh });
        expect(r.type).toEqual(decodeS1(s1).memType);
      }),
      { numRuns: 1000 },
    );
  });

  it('a stage-1 Normal-WB (0xff) imposes nothing: without FWB the result is the stage-2 type', () => {
    fc.assert(
      fc.property(nibble, sh, sh, (s2, s1sh, s2sh) => {
        expect(combine({ s1: 0xff, s2, fwb: false, s1sh, s2sh }).typeName).toBe(decodeS2(s2, false).name);
      }),
    );
  });

  it('FWB forced types behave as forced: 0b110 is always Write-Back, 0b101 is Normal-NC unless stage 1 is Device, 0b0xx is Device', () => {
    fc.assert(
      fc.property(byte, nibble, sh, sh, (s1, s2, s1sh, s2sh) => {
        const r = combine({ s1, s2, fwb: true, s1sh, s2sh });
        const s1Type = decodeS1(s1).memType;
        const low = s2 & 0b111;
        if (low === 0b110) return r.type.kind === 'Normal' && r.type.inner.cacheability === 'WB' && r.type.outer.cacheability === 'WB';
        if (low === 0b101 || low === 0b100) return s1Type.kind === 'Device' ? memTypeName(r.type) === memTypeName(s1Type) : r.typeName === 'Normal-NC';
        if (low < 0b100) return r.type.kind === 'Device' && noWeakerThan(r.type, decodeS2(s2, true).memType ?? r.type);
        return memTypeName(r.type) === memTypeName(s1Type);
      }),
      { numRuns: 2000 },
    );
  });

  it('shareability: Device and Normal-NC are Outer Shareable, otherwise the more shareable stage wins (D8.6.7.1)', () => {
    const decoded = (v: ShEncoding): number => (v === 1 ? 0 : v); // reserved 0b01 has no effect
    const order = [0, 3, 2]; // Non-, Inner, Outer Shareable
    fc.assert(
      fc.property(byte, nibble, sh, sh, fc.boolean(), fc.boolean(), (s1, s2, s1sh, s2sh, fwb, cd) => {
        const r = combine({ s1, s2, fwb, s1sh, s2sh, cd });
        const t = r.type;
        if (t.kind === 'Device' || (t.inner.cacheability === 'NC' && t.outer.cacheability === 'NC')) return r.sh === 2;
        const wider = Math.max(order.indexOf(decoded(s1sh)), order.indexOf(decoded(s2sh)));
        return r.sh === order[wider];
      }),
      { numRuns: 3000 },
    );
  });

  it('every result has a MAIR byte that decodes back to the same memory type (XS aside), and 0xf0 only for Tagged', () => {
    fc.assert(
      fc.property(byte, nibble, sh, sh, fc.boolean(), (s1, s2, s1sh, s2sh, fwb) => {
        const r = combine({ s1, s2, fwb, s1sh, s2sh });
        expect(decodeS1(r.mair).name).toBe(r.typeName);
        expect(r.mair === 0xf0).toBe(r.type.kind === 'Normal' && r.type.tagged);
        expect(r.mairHex).toMatch(/^0x[0-9a-f]{2}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
