/**
 * The MAIR decoder's state as a URL query (`/play/mair/?v=2&mair=0xf0`),
 * shared by the widget and `cli link`.
 */
import { hexByte } from '../attrs/memtype.ts';
import { parseS1 } from '../attrs/parse.ts';
import { writeQuery, type Params } from './query.ts';

export interface MairState {
  readonly mair: number;
}

/** The decoder's opening byte: Normal-NC, the write-combining type of the thread. */
export const MAIR_DEFAULTS: MairState = { mair: 0x44 };

export const MAIR_PARAMS: Params<MairState> = { mair: { parse: parseS1, format: hexByte } };

/** The path of the decoder, relative to the site root. */
export const MAIR_PATH = '/play/mair/';

export function mairLink(site: string, state: MairState, model?: number): string {
  return `${site.replace(/\/$/, '')}${MAIR_PATH}${writeQuery(MAIR_PARAMS, state, MAIR_DEFAULTS, model)}`;
}
