import { describe, expect, it } from 'vitest';
import { combine, parseS1, parseS2 } from './index.ts';
import type { CombineInput, DeviceType } from './types.ts';

const run = (s1: string, s2: string, more: Partial<CombineInput> = {}) =>
  combine({ s1: parseS1(s1), s2: parseS2(s2, more.fwb ?? false), fwb: false, s1sh: 3, s2sh: 3, ...more });

const devices: readonly DeviceType[] = ['nGnRnE', 'nGnRE', 'nGRE', 'GRE'];

describe('Linux commit c034ec84e879: stage 2 Normal-NC (D8.6.5)', () => {
  it.each(['Normal-WB', 'Normal-WT', 'Normal-NC'])('S1 %s + S2 Normal-NC gives Normal-NC', (s1) => {
    const r = run(s1, 'Normal-NC');
    expect(r.typeName).toBe('Normal-NC');
    expect(r.mairHex).toBe('0x44');
  });
  it.each(devices)('S1 Device-%s + S2 Normal-NC keeps Device-%s (D8.6.5.1, Device has precedence)', (d) => {
    const r = run(`Device-${d}`, 'Normal-NC');
    expect(r.typeName).toBe(`Device-${d}`);
    expect(r.rule.id).toBe('s1-device');
    expect(r.decidedBy).toBe('s1');
  });
  it('S1 Device-nGRE + S2 Normal-NC keeps nGRE (D8.6.5.1)', () => {
    expect(run('Device-nGRE', 'Normal-NC').mairHex).toBe('0x08');
  });
});

describe('Table D8-97: Device x Device takes the more restrictive type (S2CombineS1Device)', () => {
  for (const [i, a] of devices.entries()) {
    for (const [j, b] of devices.entries()) {
      it(`S1 Device-${a} + S2 Device-${b} gives Device-${devices[Math.min(i, j)]} (D8.6.5.1)`, () => {
        const r = run(`Device-${a}`, `Device-${b}`);
        expect(r.typeName).toBe(`Device-${devices[Math.min(i, j)]}`);
        expect(r.rule.id).toBe('device-device');
        expect(r.decidedBy).toBe(i === j ? 'both' : i < j ? 's1' : 's2');
      });
    }
  }
  it.each(['Normal-NC', 'Normal-WT', 'Normal-WB', 'Normal-WB-Tagged'])('S1 %s + S2 Device-nGnRE gives Device-nGnRE (D8.6.5.1, Device has precedence over Normal)', (s1) => {
    const r = run(s1, 'Device-nGnRE');
    expect(r.typeName).toBe('Device-nGnRE');
    expect(r.rule.id).toBe('s2-device');
  });
});

describe('Table D8-98: Normal cacheability, the less cacheable wins per level (S2CombineS1AttrHints)', () => {
  const rank = { NC: 0, WT: 1, WB: 2 } as const;
  const s1Of = { NC: 0x44, WT: 0xbb, WB: 0xff } as const;
  const s2Of = { NC: 0x5, WT: 0xa, WB: 0xf } as const;
  for (const a of ['NC', 'WT', 'WB'] as const) {
    for (const b of ['NC', 'WT', 'WB'] as const) {
      const want = rank[a] <= rank[b] ? a : b;
      it(`S1 ${a} + S2 ${b} gives ${want} at both levels (D8.6.5.2)`, () => {
        const r = combine({ s1: s1Of[a], s2: s2Of[b], fwb: false, s1sh: 3, s2sh: 3 });
        expect(r.type.kind === 'Normal' && [r.type.inner.cacheability, r.type.outer.cacheability]).toEqual([want, want]);
      });
    }
  }
  it('mixed levels: S1 iWB oWT + S2 oWB iNC gives iNC oWT (D8.6.5.2, each level separately)', () => {
    const r = combine({ s1: 0xbf, s2: 0b1101, fwb: false, s1sh: 3, s2sh: 3 });
    expect(r.typeName).toBe('Normal iNC oWT-RWA');
    expect(r.decidedBy).toBe('both');
  });
  it('allocation and transient hints come from stage 1 (D8.6.3, S2CombineS1AttrHints)', () => {
    expect(combine({ s1: 0x77, s2: 0xa, fwb: false, s1sh: 3, s2sh: 3 }).mairHex).toBe('0x33');
  });
  it('S2 MemAttr 0b1111 imposes nothing: the stage-1 type is the result (I_MCQKW)', () => {
    const r = run('Normal-WB-Tagged', 'Normal-WB');
    expect(r.rule.id).toBe('s2-imposes-nothing');
    expect(r.mairHex).toBe('0xf0');
  });
});

describe('Tagged memory (S2MemTagType, IsTaggableMemAttr)', () => {
  it('S1 Tagged + S2 Write-Back stays Tagged (0xf0)', () => expect(run('Normal-WB-Tagged', 'Normal-WB').type).toMatchObject({ tagged: true }));
  it('S1 Tagged + S2 Write-Through loses the tag', () => {
    const r = run('Normal-WB-Tagged', 'Normal-WT');
    expect(r.type).toMatchObject({ tagged: false });
    expect(r.mairHex).toBe('0xbb');
  });
  it('S1 Tagged + FWB force Write-Back stays Tagged', () => expect(run('Normal-WB-Tagged', 'Normal-WB', { fwb: true }).mairHex).toBe('0xf0'));
  it('S1 Tagged + FWB Normal-NC is Normal-NC (Table D8-101)', () => expect(run('Normal-WB-Tagged', 'Normal-NC', { fwb: true }).mairHex).toBe('0x44'));
});

describe('Table D8-101: FWB (AArch64.S2ApplyFWBMemAttrs)', () => {
  it.each(devices)('S1 Device-%s + FWB 0b101 keeps the stage-1 Device type', (d) => {
    const r = run(`Device-${d}`, 'Normal-NC', { fwb: true });
    expect(r.typeName).toBe(`Device-${d}`);
    expect(r.rule.id).toBe('fwb-nc-keeps-s1-device');
  });
  it.each(['Normal-NC', 'Normal-WT', 'Normal-WB', 'Normal-WB-Tagged'])('S1 %s + FWB 0b101 gives Normal-NC', (s1) => {
    expect(run(s1, 'Normal-NC', { fwb: true }).typeName).toBe('Normal-NC');
  });
  it.each(['Device-nGnRnE', 'Device-GRE', 'Normal-NC', 'Normal-WT'])('S1 %s + FWB 0b110 is forced to Normal-WB (R_RHWZM, R_TBQKG hints)', (s1) => {
    const r = run(s1, 'Normal-WB', { fwb: true });
    expect(r.typeName).toBe('Normal-WB');
    expect(r.rule.id).toBe('fwb-force-wb');
  });
  it('FWB 0b110 over S1 Device warns about atomics and alignment (R_RMTWN)', () => {
    expect(run('Device-nGnRE', 'Normal-WB', { fwb: true }).warnings.join(' ')).toMatch(/R_RMTWN/);
  });
  it.each(['Device-nGnRE', 'Normal-NC', 'Normal-WT', 'Normal-WB'])('S1 %s + FWB 0b111 is the stage-1 type', (s1) => {
    expect(run(s1, 'AS-S1', { fwb: true }).typeName).toBe(s1);
  });
  it('S1 Device-nGnRnE + FWB Device-nGnRE gives nGnRnE: FWB Device combines with a stage-1 Device (R_GSDKZ)', () => {
    expect(run('Device-nGnRnE', 'Device-nGnRE', { fwb: true }).typeName).toBe('Device-nGnRnE');
  });
  it('S1 Normal-WB + FWB Device-nGnRE gives Device-nGnRE', () => expect(run('Normal-WB', 'Device-nGnRE', { fwb: true }).decidedBy).toBe('s2'));
  it('FWB 0b100 is Reserved but computed like 0b101, with a warning', () => {
    const r = combine({ s1: 0xff, s2: 0x4, fwb: true, s1sh: 3, s2sh: 3 });
    expect(r.typeName).toBe('Normal-NC');
    expect(r.s2.reserved).not.toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
  });
  it('FWB MemAttr[3] is RES0: 0xd computes as 0x5 and warns', () => {
    const r = combine({ s1: 0xff, s2: 0xd, fwb: true, s1sh: 3, s2sh: 3 });
    expect(r.typeName).toBe('Normal-NC');
    expect(r.warnings.join(' ')).toMatch(/reserved/);
  });
});

describe('Shareability (D8.6.7.1, S2CombineS1Shareability, EffectiveShareability)', () => {
  it('Device results are Outer Shareable whatever SH says (R_PYFVQ)', () => expect(run('Device-nGnRE', 'Normal-WB', { s1sh: 0, s2sh: 0 }).sh).toBe(2));
  it('Normal-NC results are Outer Shareable (R_PYFVQ)', () => expect(run('Normal-WB', 'Normal-NC', { s1sh: 3, s2sh: 0 }).sh).toBe(2));
  it('Normal iNC oWB is not forced: the more shareable stage wins', () => expect(combine({ s1: 0xf4, s2: 0xf, fwb: false, s1sh: 0, s2sh: 3 }).sh).toBe(3));
  it.each([
    [0, 0, 0],
    [0, 3, 3],
    [3, 0, 3],
    [3, 2, 2],
    [2, 3, 2],
    [0, 2, 2],
  ] as const)('Write-Back with S1 SH=%s and S2 SH=%s gives SH=%s (Table D8-103)', (a, b, want) => {
    expect(run('Normal-WB', 'Normal-WB', { s1sh: a, s2sh: b }).sh).toBe(want);
  });
  it('reserved SH=0b01 warns and has no effect on the combination', () => {
    const r = run('Normal-WB', 'Normal-WB', { s1sh: 1, s2sh: 3 });
    expect(r.sh).toBe(3);
    expect(r.warnings.join(' ')).toMatch(/SH=0b01 is reserved/);
  });
  it('FWB force Write-Back over S1 Device: IMPLEMENTATION DEFINED stage-1 SH input is warned (R_NSCNC)', () => {
    const r = run('Device-nGnRE', 'Normal-WB', { fwb: true, s1sh: 0, s2sh: 0 });
    expect(r.sh).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/R_NSCNC/);
  });
});

describe('HCR_EL2.CD (AArch64.S2TreatAsNormalNC)', () => {
  it('makes S1 Normal-WB + S2 Normal-WB Normal-NC', () => {
    const r = run('Normal-WB', 'Normal-WB', { cd: true });
    expect(r.typeName).toBe('Normal-NC');
    expect(r.rule.id).toBe('cd-forces-nc');
    expect(r.decidedBy).toBe('hcr');
  });
  it('applies to FWB results too', () => expect(run('Normal-WB', 'Normal-WB', { fwb: true, cd: true }).typeName).toBe('Normal-NC'));
  it('leaves a stage-1 Device type alone', () => expect(run('Device-nGnRE', 'Normal-WB', { cd: true }).typeName).toBe('Device-nGnRE'));
});

describe('FEAT_XS and reserved stage-1 encodings', () => {
  it('S1 0x40 (Normal-NC, XS=0) gives Normal-NC: MAIR 0x44, PAR_EL1 0x40', () => {
    const r = combine({ s1: 0x40, s2: 0xf, fwb: false, s1sh: 3, s2sh: 3 });
    expect([r.typeName, r.mairHex, r.parAttr, r.sh, r.type.xs]).toEqual(['Normal-NC', '0x44', 0x40, 2, false]);
  });
  it('S1 0x01 (Device-nGnRnE, XS=0) + S2 Device-GRE gives nGnRnE', () => {
    expect(combine({ s1: 0x01, s2: 0x3, fwb: false, s1sh: 3, s2sh: 3 }).mairHex).toBe('0x00');
  });
  it('a reserved stage-1 byte warns in the combination', () => {
    expect(combine({ s1: 0x03, s2: 0x5, fwb: false, s1sh: 3, s2sh: 3 }).warnings.join(' ')).toMatch(/0x03 is reserved/);
  });
  it('reserved stage-2 MemAttr 0b1000 without FWB warns', () => {
    expect(combine({ s1: 0xff, s2: 0x8, fwb: false, s1sh: 3, s2sh: 3 }).warnings.length).toBeGreaterThan(0);
  });
});

describe('results', () => {
  it('carry properties of the combined type (B2.10)', () => {
    expect(run('Normal-WB', 'Normal-NC').properties).toEqual({
      gathering: true,
      reordering: true,
      earlyWriteAck: true,
      speculativeReads: true,
      unalignedAccess: true,
      cacheable: false,
    });
    expect(run('Device-nGRE', 'Normal-NC').properties).toEqual({
      gathering: false,
      reordering: true,
      earlyWriteAck: true,
      speculativeReads: false,
      unalignedAccess: false,
      cacheable: false,
    });
  });
  it('carry Linux names of inputs and result', () => {
    const r = run('Normal-NC', 'Normal-NC');
    expect(r.linux.s1).toContain('ioremap_wc()');
    expect(r.linux.s2).toContain('KVM_PGTABLE_PROT_NORMAL_NC');
    expect(r.linux.result).toContain('MT_NORMAL_NC');
    expect(run('Device-nGnRE', 'Device-nGnRE').linux.s2).toContain('MT_S2_DEVICE_nGnRE');
    expect(run('Normal-NC', 'Normal-NC', { fwb: true }).linux.s2).toContain('MT_S2_FWB_NORMAL_NC');
  });
  it('are JSON-serialisable plain data', () => {
    const r = run('Device-nGnRE', 'Normal-WB', { fwb: true, s1sh: 1 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('reject out-of-range encodings', () => {
    expect(() => combine({ s1: 0x100, s2: 0, fwb: false, s1sh: 3, s2sh: 3 })).toThrow(RangeError);
    expect(() => combine({ s1: 0, s2: 16, fwb: false, s1sh: 3, s2sh: 3 })).toThrow(RangeError);
    expect(() => combine({ s1: 0, s2: 0, fwb: false, s1sh: 4 as 3, s2sh: 3 })).toThrow(RangeError);
  });
});
