import { describe, expect, it } from 'vitest';
import { decodeS1, memTypeName, parseS1 } from './index.ts';
import type { CacheAttrs } from './types.ts';

const level = (cacheability: CacheAttrs['cacheability'], ra: boolean, wa: boolean, transient: boolean): CacheAttrs => ({
  cacheability,
  readAllocate: ra,
  writeAllocate: wa,
  transient,
});
const nc = level('NC', false, false, false);

/**
 * An independent reading of the MAIR_EL1.Attr<n> encoding table (D24.2.127),
 * written from the register description rather than from the pseudocode.
 */
function expectedNibble(n: number): CacheAttrs {
  if (n === 0b0100) return nc;
  const kind = n >> 2; // 00 WT transient, 01 WB transient, 10 WT, 11 WB
  const ra = (n & 2) !== 0;
  const wa = (n & 1) !== 0;
  return level(kind === 0b00 || kind === 0b10 ? 'WT' : 'WB', ra, wa, kind < 0b10 && (ra || wa));
}

describe('decodeS1: every MAIR attribute byte (D24.2.127, S1DecodeMemAttrs J1.3.5.15)', () => {
  for (let byte = 0; byte < 256; byte++) {
    const hex = `0x${byte.toString(16).padStart(2, '0')}`;
    const hi = byte >> 4;
    const lo = byte & 0xf;
    it(`${hex} decodes per the MAIR encoding table`, () => {
      const d = decodeS1(byte);
      expect(d.byte).toBe(byte);
      expect(d.hex).toBe(hex);
      expect(d.name).toBe(memTypeName(d.memType));
      expect(d.description.length).toBeGreaterThan(10);
      if (hi === 0) {
        // 0b0000ddxx: Device; dd = nGnRnE, nGnRE, nGRE, GRE; xx = 00 (XS=1), 01 (FEAT_XS, XS=0), else reserved.
        expect(d.memType).toEqual({ kind: 'Device', device: ['nGnRnE', 'nGnRE', 'nGRE', 'GRE'][lo >> 2], xs: (lo & 1) === 0 });
        expect(d.reserved !== null).toBe((lo & 3) >= 2);
      } else if (lo === 0) {
        if (byte === 0x40) expect(d.memType).toEqual({ kind: 'Normal', inner: nc, outer: nc, tagged: false, xs: false });
        else if (byte === 0xa0) {
          const wtRa = level('WT', true, false, false);
          expect(d.memType).toEqual({ kind: 'Normal', inner: wtRa, outer: wtRa, tagged: false, xs: false });
        } else if (byte === 0xf0) {
          const wb = level('WB', true, true, false);
          expect(d.memType).toEqual({ kind: 'Normal', inner: wb, outer: wb, tagged: true, xs: false });
        }
        expect(d.reserved !== null).toBe(![0x40, 0xa0, 0xf0].includes(byte));
      } else {
        const inner = expectedNibble(lo);
        const outer = expectedNibble(hi);
        const xs = !(inner.cacheability === 'WB' && outer.cacheability === 'WB');
        expect(d.memType).toEqual({ kind: 'Normal', inner, outer, tagged: false, xs });
        expect(d.reserved).toBeNull();
      }
      // A reserved byte always says so; an allocated one never warns.
      expect(d.warnings.length > 0).toBe(d.reserved !== null);
    });
  }
});

describe('decodeS1: names and reserved encodings', () => {
  it.each([
    [0x00, 'Device-nGnRnE'],
    [0x04, 'Device-nGnRE'],
    [0x08, 'Device-nGRE'],
    [0x0c, 'Device-GRE'],
    [0x44, 'Normal-NC'],
    [0xbb, 'Normal-WT'],
    [0xff, 'Normal-WB'],
    [0xf0, 'Normal-WB-Tagged'],
    [0xf4, 'Normal iNC oWB-RWA'],
    [0x4a, 'Normal iWT-RA oNC'],
    [0x77, 'Normal iWB-RWA-T oWB-RWA-T'],
    [0xcc, 'Normal iWB-nA oWB-nA'],
  ])('%s is called %s', (byte, name) => {
    expect(decodeS1(byte).name).toBe(name);
  });

  it('named bytes round-trip through parseS1', () => {
    for (const name of ['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-WT', 'Normal-WB', 'Normal-WB-Tagged']) {
      expect(decodeS1(parseS1(name)).name).toBe(name);
    }
  });

  it('0x02 (Device with Attr[1] set) is reserved and computed as Device-nGnRnE (S1ConstrainUnpredictableRESMAIR)', () => {
    const d = decodeS1(0x02);
    expect(d.reserved?.what).toMatch(/reserved/);
    expect(d.reserved?.allowed).toMatch(/K1\.2\.19/);
    expect(d.memType).toEqual({ kind: 'Device', device: 'nGnRnE', xs: true });
  });

  it('0x10 (inner 0b0000, outer Normal) is reserved and computed with inner Write-Through no-allocate', () => {
    const d = decodeS1(0x10);
    expect(d.reserved).not.toBeNull();
    expect(d.name).toBe('Normal iWT-nA oWT-WA-T');
  });

  it('Linux names: 0x44 is what pgprot_writecombine() and ioremap_wc() give', () => {
    expect(decodeS1(0x44).linux).toEqual(expect.arrayContaining(['MT_NORMAL_NC', 'pgprot_writecombine()', 'ioremap_wc()']));
    expect(decodeS1(0x00).linux).toEqual(expect.arrayContaining(['pgprot_noncached()', 'ioremap_np()']));
    expect(decodeS1(0x04).linux).toEqual(expect.arrayContaining(['pgprot_device()', 'ioremap()']));
  });

  it('rejects values that are not bytes', () => {
    expect(() => decodeS1(256)).toThrow(RangeError);
    expect(() => decodeS1(-1)).toThrow(RangeError);
    expect(() => decodeS1(1.5)).toThrow(RangeError);
  });

  it('results are JSON-serialisable plain data', () => {
    const d = decodeS1(0x02);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
