/**
 * The MAIR decoder's state as a URL query (`/play/mair/?mair=0x44`, or a
 * whole register, `?mair=0x000000ff440c0400`), shared by the widget and the
 * CLI's link.
 */
import { mairHex, parseMair, type MairValue } from '../attrs/mair.ts';
import { writeQuery, type Params } from './query.ts';

export interface MairState {
  readonly mair: MairValue;
}

export const MAIR_PARAMS: Params<MairState> = { mair: { parse: parseMair, format: mairHex } };

/** The decoder's opening state: Normal-NC, the byte of the site's question. */
export const MAIR_DEFAULTS: MairState = { mair: { value: 0x44n, width: 8 } };

/** The path of the playground, relative to the site root. */
export const MAIR_PATH = '/play/mair/';

export function mairLink(site: string, state: MairState, model?: number): string {
  return `${site.replace(/\/$/, '')}${MAIR_PATH}${writeQuery(MAIR_PARAMS, state, MAIR_DEFAULTS, model)}`;
}
