/**
 * The combining explorer's state as a URL query (`/play/combine/?v=2&s1=0x04&fwb=on`),
 * shared by the widget (which reads and writes it) and the CLI (which
 * prints the same link under a result). Attribute values are written as
 * raw encodings, so a link means the same whatever names the site adopts.
 */
import { hexByte, hexNibble, parseS1, parseS2 } from '../attrs/index.ts';
import type { CombineInput, ShEncoding } from '../attrs/types.ts';
import { clip, onOff, writeQuery, type Param, type Params } from './query.ts';

export type CombineState = Required<CombineInput>;

/** The page's opening state: a guest's write-combining mapping over KVM's stage-2 Normal-NC (Linux 6.9). */
export const COMBINE_DEFAULTS: CombineState = { s1: 0x44, s2: 0x5, fwb: false, s1sh: 3, s2sh: 3, cd: false };

const shareability: Param<ShEncoding> = {
  parse: (raw) => {
    const value = Number(raw);
    if (raw.trim() !== '' && (value === 0 || value === 1 || value === 2 || value === 3)) return value;
    throw new Error(`'${clip(raw)}' is not an SH[1:0] value (0, 1, 2 or 3)`);
  },
  format: String,
};

export const COMBINE_PARAMS: Params<CombineState> = {
  s1: { parse: parseS1, format: hexByte },
  s1sh: shareability,
  // Stage-2 names mean different encodings with and without FWB, and one
  // query parameter cannot see the other: links carry the raw MemAttr.
  s2: {
    parse: (raw) => {
      if (!/^\s*(0x[0-9a-f]+|0b[01]+|[0-9]+)\s*$/i.test(raw)) throw new Error(`'${clip(raw)}' is not a MemAttr value such as 0x5`);
      return parseS2(raw, false);
    },
    format: hexNibble,
  },
  s2sh: shareability,
  fwb: onOff,
  cd: onOff,
};

/** The path of the combining playground, relative to the site root. */
export const COMBINE_PATH = '/play/combine/';

/** A link to the playground showing this combination as model version `model` computes it. */
export function combineLink(site: string, state: CombineState, model?: number): string {
  return `${site.replace(/\/$/, '')}${COMBINE_PATH}${writeQuery(COMBINE_PARAMS, state, COMBINE_DEFAULTS, model)}`;
}
