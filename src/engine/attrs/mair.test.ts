import { describe, expect, it } from 'vitest';
import { decodeMair, LINUX_MAIR, matchesLinux, mairHex, parseMair } from './mair.ts';
import { decodeS1 } from './decode-s1.ts';
import { AttrInputError } from './parse.ts';

const parsed = (text: string): string => mairHex(parseMair(text));
const refused = (text: string): string => {
  try {
    parseMair(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AttrInputError);
    return (error as Error).message;
  }
  throw new Error(`'${text}' was not refused`);
};

describe('reading a MAIR value as kernel people write it', () => {
  it('reads hex with or without 0x, a byte from one or two digits', () => {
    expect(parseMair('44')).toEqual({ value: 0x44n, width: 8 });
    expect(parseMair('ff')).toEqual({ value: 0xffn, width: 8 });
    expect(parseMair('0x04')).toEqual({ value: 0x04n, width: 8 });
    expect(parseMair(' 0XF0 ')).toEqual({ value: 0xf0n, width: 8 });
    expect(parsed('c')).toBe('0x0c');
  });

  it('reads a register from a dump: more than two digits, grouped or not', () => {
    expect(parsed('0x000000ff440c0400')).toBe('0x000000ff440c0400');
    expect(parsed('000000ff_440c0400')).toBe('0x000000ff440c0400');
    expect(parsed('0x040044ffff')).toBe('0x000000040044ffff');
    expect(parseMair('0x044').width).toBe(64);
  });

  it('reads decimal only in the explicit #N form, and names', () => {
    expect(parseMair('#68')).toEqual({ value: 0x44n, width: 8 });
    expect(parseMair('#256')).toEqual({ value: 256n, width: 64 });
    expect(parseMair('Normal-NC')).toEqual({ value: 0x44n, width: 8 });
  });

  it('refuses anything else, saying what and where', () => {
    expect(refused('')).toMatch(/^empty input/);
    expect(refused('0x1g')).toBe("'0x1g': 'g' at character 4 is not a hex digit (input is hex, with or without 0x; write #68 for a decimal number)");
    expect(refused('#6x')).toMatch(/after '#' a decimal number/);
    expect(refused('0x1_0000_0000_0000_0000')).toMatch(/more than 16 hex digits/);
    expect(refused(`#${2n ** 64n}`)).toMatch(/more than 64 bits/);
    expect(refused('0x')).toMatch(/no hex digits/);
  });
});

describe('decoding a MAIR value', () => {
  it('gives one attribute for a byte, decoded as decodeS1 does', () => {
    const d = decodeMair(parseMair('44'));
    expect(d.hex).toBe('0x44');
    expect(d.attrs).toHaveLength(1);
    expect(d.attrs[0]?.decoding).toEqual(decodeS1(0x44));
    expect(d.attrs[0]?.linux).toBeUndefined();
  });

  it('splits a register into Attr0..Attr7, Attr<n> at bits [8n+7:8n]', () => {
    const d = decodeMair(parseMair('0x000000ff440c0400'));
    expect(d.attrs.map((a) => a.byte)).toEqual([0x00, 0x04, 0x0c, 0x44, 0xff, 0x00, 0x00, 0x00]);
    expect(d.attrs.map((a) => a.decoding.name)).toEqual([0x00, 0x04, 0x0c, 0x44, 0xff, 0, 0, 0].map((b) => decodeS1(b).name));
  });

  it("matches Linux's boot value at every index it uses, MTE's byte included, and flags other bytes", () => {
    const boot = LINUX_MAIR.indices.reduce((value, entry) => value | (BigInt(entry.byte) << BigInt(8 * entry.index)), 0n);
    expect(mairHex({ value: boot, width: 64 })).toBe('0x000000040044ffff');
    expect(decodeMair({ value: boot, width: 64 }).attrs.map(matchesLinux)).toEqual([true, true, true, true, true, undefined, undefined, undefined]);
    expect(decodeMair(parseMair('0x040044f0ff')).attrs.map(matchesLinux).slice(0, 5)).toEqual([true, true, true, true, true]);
    expect(decodeMair(parseMair('0x000000ff440c0400')).attrs.map(matchesLinux).slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(LINUX_MAIR.indices.map((e) => e.name)).toEqual(['MT_NORMAL', 'MT_NORMAL_TAGGED', 'MT_NORMAL_NC', 'MT_DEVICE_nGnRnE', 'MT_DEVICE_nGnRE']);
  });
});
