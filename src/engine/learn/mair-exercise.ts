/**
 * Memory types and MAIR: which type a stage-1 attribute byte encodes
 * (DDI0487 M.a.a, D24.2.127 MAIR_EL1 and B2.10), asked either of the byte itself or of
 * a Linux name that selects it (arch/arm64/include/asm/pgtable.h, io.h and
 * memory.h, as the combining engine's Linux names record them). The answer
 * is the combining engine's decoding; the link opens the MAIR decoder on
 * the byte.
 */
import { decodeS1, hexByte } from '../attrs/index.ts';
import { mairLink } from '../links/mair-query.ts';
import type { ByLevel, ChoiceInstance, PoseContext } from './instance.ts';
import { TYPE_CHOICES } from './type-choices.ts';

export type MairFamily = 'byte' | 'helper';

/** A byte to decode, or a Linux name whose byte to decode. */
export type MairState = { readonly byte: number } | { readonly helper: string };

/** Bytes Linux programs (or programmed up to 5.x) first; then the other Device type, and the XS=0 forms of FEAT_XS. */
const BYTES: ByLevel<number> = [[0x00, 0x04, 0x44, 0xff], [0x0c, 0xbb], [0x08, 0x40, 0x05]];
/** The helpers a driver calls, then the kernel's own mappings, then the index macros behind both. */
const HELPERS: ByLevel<string> = [
  ['pgprot_noncached()', 'pgprot_device()', 'pgprot_writecombine()'],
  ['ioremap()', 'ioremap_wc()', 'ioremap_np()'],
  ['MT_NORMAL', 'MT_NORMAL_NC', 'MT_DEVICE_nGnRnE', 'MT_DEVICE_nGnRE'],
];

export const mairKey = (state: MairState): string => ('byte' in state ? hexByte(state.byte) : state.helper);

export function mairPool(family: MairFamily, level: number): MairState[] {
  return family === 'byte' ? (BYTES[level] ?? []).map((byte) => ({ byte })) : (HELPERS[level] ?? []).map((helper) => ({ helper }));
}

/** The attribute byte a Linux name selects, as the engine's Linux names record it. */
export function byteOfName(name: string): number {
  for (let byte = 0; byte < 0x100; byte += 1) if (decodeS1(byte).linux.includes(name)) return byte;
  throw new Error(`no MAIR attribute byte is named ${name}`);
}

export function poseMair(state: MairState, ctx: PoseContext): ChoiceInstance {
  const byte = 'byte' in state ? state.byte : byteOfName(state.helper);
  const decoded = decodeS1(byte);
  // Linux's identifiers for the byte, with the releases that had them when they are gone (attrs/linux.ts); not its prose descriptions.
  const names = decoded.linux.flatMap((name) => {
    const m = /^([\w()]+)( \(Linux [^)]*\))?$/.exec(name);
    return m === null ? [] : [`\`${m[1]}\`${m[2] ?? ''}`];
  });
  const linux = names.length === 0 ? 'Linux has no name for it' : `Linux names: ${names.join(', ')}`;
  const common = {
    kind: 'mair' as const,
    key: mairKey(state),
    choices: TYPE_CHOICES,
    answer: decoded.name,
    link: mairLink(ctx.site, { mair: { value: BigInt(byte), width: 8 } }),
  };
  if ('byte' in state) {
    return {
      ...common,
      question: 'Which memory type does this MAIR attribute byte encode?',
      facts: [{ label: 'Attribute byte', value: `\`${decoded.hex}\`` }],
      because: `\`${decoded.hex}\` encodes ${decoded.description} (DDI0487 M.a.a, D24.2.127 MAIR_EL1; B2.10). ${linux}.`,
    };
  }
  return {
    ...common,
    question: `On arm64, which memory type does \`${state.helper}\` give a mapping?`,
    facts: [{ label: 'Linux name', value: `\`${state.helper}\`` }],
    because:
      `\`${state.helper}\` selects the attribute byte \`${decoded.hex}\`, which encodes ${decoded.description} ` +
      '(arch/arm64/include/asm/pgtable.h, io.h and memory.h, v6.9; DDI0487 M.a.a, D8.6.1).',
  };
}
