/**
 * A lesson page's address: `seed` names the set of exercises (a teacher
 * hands out `/learn/combining/?seed=week3` and every reader draws the same
 * instances), and each exercise shown at another draw than its first
 * carries `<exercise id>=<n>.<level>`, so that the address reloads, or
 * hands out, the exact question on screen. Read leniently, as every other
 * query (links/query.ts): a bad parameter is named and ignored.
 */
import { clip, readQuery, type Param, type Params } from '../links/query.ts';
import { LEVELS } from './instance.ts';
import type { Draw } from './exercises.ts';

export const SEED_PARAM = 'seed';

const seedParam: Param<string> = {
  parse: (raw) => {
    if (/^[A-Za-z0-9_-]{1,32}$/.test(raw)) return raw;
    throw new Error(`'${clip(raw)}' is not a seed (1 to 32 letters, digits, '-' or '_')`);
  },
  format: (seed) => seed,
};

const MAX_DRAW = 9999;

const drawParam: Param<Draw> = {
  parse: (raw) => {
    const m = /^(\d{1,4})\.(\d)$/.exec(raw.trim());
    const n = Number(m?.[1]);
    const level = Number(m?.[2]);
    if (m && n >= 1 && n <= MAX_DRAW && level < LEVELS) return { n, level };
    throw new Error(`'${clip(raw)}' is not a draw: <number 1-${MAX_DRAW}>.<level 0-${LEVELS - 1}>, e.g. 3.1`);
  },
  format: (draw) => `${draw.n}.${draw.level}`,
};

export interface LearnAddress {
  readonly seed?: string;
  /** The draw of each exercise named in the address. */
  readonly draws: Readonly<Record<string, Draw>>;
  /** One message per parameter that was unknown or invalid. */
  readonly problems: readonly string[];
}

/** The seed and draws a lesson's address names, for the exercises `ids` of that lesson. */
export function readLearnQuery(search: string, ids: readonly string[]): LearnAddress {
  const params: Record<string, Param<string> | Param<Draw>> = { [SEED_PARAM]: seedParam };
  for (const id of ids) params[id] = drawParam;
  const { values, problems } = readQuery(params as Params<Record<string, string | Draw>>, search);
  const draws: Record<string, Draw> = {};
  for (const id of ids) if (values[id] !== undefined) draws[id] = values[id] as Draw;
  const seed = values[SEED_PARAM] as string | undefined;
  return { ...(seed === undefined ? {} : { seed }), draws, problems };
}

/** The address's query with `seed` and exercise `id`'s draw set (draw 0 removes it), every other parameter kept. */
export function withDraw(search: string, seed: string, id: string, draw: Draw): string {
  const query = new URLSearchParams(search);
  query.set(SEED_PARAM, seedParam.format(seed));
  if (draw.n === 0) query.delete(id);
  else query.set(id, drawParam.format(draw));
  return `?${query.toString()}`;
}

/** A seed of six base-36 digits from a random 32-bit number (the widget's crypto.getRandomValues). */
export const seedOf = (random32: number): string => (random32 >>> 0).toString(36).padStart(6, '0').slice(-6);
