/**
 * A MAIR_EL1 or MAIR_EL2 value as kernel people paste it: one attribute
 * byte (`44`, `0x44`) or the whole 64-bit register from a dump
 * (`0x000000ff440c0400`), always hexadecimal; a decimal number only in an
 * explicit form (`#68`). The register holds eight attribute fields,
 * Attr<n> = bits [8n+7:8n] (DDI0487 M.a.a D24.2.127 MAIR_EL1, D24.2.128
 * MAIR_EL2: same layout), each decoded by decodeS1(), and beside each the
 * Linux memory type (MT_*) whose index is n, with the byte Linux programs
 * there at boot.
 */
import { AttrInputError, S1_NAMES } from './parse.ts';
import { decodeS1 } from './decode-s1.ts';
import { hexByte } from './memtype.ts';
import type { S1Decoding } from './types.ts';

/** The memory type index Linux gives one Attr<n> field, and the byte MAIR_EL1_SET puts there. */
export interface LinuxMairIndex {
  readonly index: number;
  readonly name: string;
  readonly byte: number;
  /** The byte that replaces it after boot, and what puts it there. */
  readonly later?: { readonly byte: number; readonly by: string };
}

/**
 * Linux's MAIR_EL1 at boot: MAIR_EL1_SET in arch/arm64/mm/proc.S, built
 * from the MT_* indices of arch/arm64/include/asm/memory.h and the
 * MAIR_ATTR_* bytes of arch/arm64/include/asm/sysreg.h. Read in 6.1.192,
 * 6.12.118, 7.2.13 and 7.3.4: the same in all four, so one row per index
 * covers every release this site models (6.1 to 7.3). Older kernels
 * numbered them differently (Device-nGnRnE at 0, Normal at 4, and the
 * Device-GRE and Normal-WT types Linux has since dropped); the release of
 * that change is not verified here, so the table claims nothing before 6.1.
 */
export const LINUX_MAIR: { readonly releases: string; readonly source: string; readonly indices: readonly LinuxMairIndex[] } = {
  releases: '6.1 to 7.3',
  source: 'MAIR_EL1_SET, arch/arm64/mm/proc.S; MT_* in arch/arm64/include/asm/memory.h',
  indices: [
    { index: 0, name: 'MT_NORMAL', byte: 0xff },
    {
      index: 1,
      name: 'MT_NORMAL_TAGGED',
      byte: 0xff,
      later: { byte: 0xf0, by: 'mte_cpu_setup() (arch/arm64/kernel/mte.c), when MTE is enabled' },
    },
    { index: 2, name: 'MT_NORMAL_NC', byte: 0x44 },
    { index: 3, name: 'MT_DEVICE_nGnRnE', byte: 0x00 },
    { index: 4, name: 'MT_DEVICE_nGnRE', byte: 0x04 },
  ],
};

/** A value the decoder read: one byte, or a whole register. */
export interface MairValue {
  readonly value: bigint;
  readonly width: 8 | 64;
}

/** One attribute field of the value, decoded. */
export interface MairAttr {
  readonly index: number;
  readonly byte: number;
  readonly decoding: S1Decoding;
  /** Linux's memory type at this index, when the value is a register and Linux uses the index. */
  readonly linux?: LinuxMairIndex;
}

export interface MairDecoding {
  readonly input: MairValue;
  /** `0x44` for a byte, `0x000000ff440c0400` (16 digits) for a register. */
  readonly hex: string;
  readonly attrs: readonly MairAttr[];
}

/** A byte or a register value in hex: two digits, or sixteen. */
export function mairHex(input: MairValue): string {
  return input.width === 8 ? hexByte(Number(input.value)) : `0x${input.value.toString(16).padStart(16, '0')}`;
}

const MAX64 = (1n << 64n) - 1n;

/**
 * Reads what a reader types or pastes. Hex with or without `0x` (`_` and
 * blanks between digits allowed, as dumps group them); one or two digits
 * are one attribute byte, more are the 64-bit register. `#N` is decimal:
 * up to 255 a byte, above it the register. A named attribute
 * (`Normal-NC`) is its byte. Anything else is refused, saying what and
 * where.
 */
export function parseMair(text: string): MairValue {
  const raw = text.trim();
  if (raw === '') throw new AttrInputError('empty input: type a byte such as 44, a register value such as 0x000000ff440c0400, or #68 for decimal');
  const named = S1_NAMES.get(raw);
  if (named !== undefined) return { value: BigInt(named), width: 8 };
  if (raw.startsWith('#')) {
    const digits = raw.slice(1).trim();
    if (!/^[0-9]+$/.test(digits)) throw new AttrInputError(`'${raw}': after '#' a decimal number is expected (e.g. #68)`);
    const value = BigInt(digits);
    if (value > MAX64) throw new AttrInputError(`'${raw}' is more than 64 bits`);
    return { value, width: value <= 255n ? 8 : 64 };
  }
  const hex = raw.replace(/^0x/i, '');
  const bad = /[^0-9a-f_\s]/i.exec(hex);
  if (bad) {
    const at = raw.length - hex.length + bad.index + 1;
    throw new AttrInputError(`'${raw}': '${bad[0]}' at character ${at} is not a hex digit (input is hex, with or without 0x; write #68 for a decimal number)`);
  }
  const digits = hex.replace(/[_\s]/g, '');
  if (digits === '') throw new AttrInputError(`'${raw}': no hex digits`);
  if (digits.replace(/^0+(?=.)/, '').length > 16) throw new AttrInputError(`'${raw}' has more than 16 hex digits: a MAIR register is 64 bits`);
  return { value: BigInt(`0x${digits}`), width: digits.length <= 2 ? 8 : 64 };
}

/**
 * The value's attribute fields: one for a byte, Attr0..Attr7 for a
 * register, each with Linux's type at its index. `decode` is the model
 * version's decodeS1 (the CLI's --model).
 */
export function decodeMair(input: MairValue, decode: (byte: number) => S1Decoding = decodeS1): MairDecoding {
  const count = input.width === 8 ? 1 : 8;
  const attrs = Array.from({ length: count }, (_, index): MairAttr => {
    const byte = Number((input.value >> BigInt(8 * index)) & 0xffn);
    const linux = input.width === 64 ? LINUX_MAIR.indices.find((entry) => entry.index === index) : undefined;
    return { index, byte, decoding: decode(byte), ...(linux ? { linux } : {}) };
  });
  return { input, hex: mairHex(input), attrs };
}

/** Whether an attribute holds a byte Linux programs at its index (at boot, or later, as MTE's). */
export function matchesLinux(attr: MairAttr): boolean | undefined {
  if (!attr.linux) return undefined;
  return attr.byte === attr.linux.byte || attr.byte === attr.linux.later?.byte;
}
