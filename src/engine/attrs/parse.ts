/**
 * Reading attribute inputs as people type them: names (`Normal-NC`,
 * `MT_DEVICE_nGnRE`), hex (`0x44`), binary (`0b0101`) or decimal, case
 * insensitive. Decoding happens elsewhere; this only turns text into the
 * raw encoding or says clearly what was wrong.
 */

/** Bad attribute input: the message names the value and the accepted forms. */
export class AttrInputError extends Error {
  override readonly name = 'AttrInputError';
}

/** The named stage-1 attributes, as MAIR bytes (Normal-WT and -WB as Linux programs them). */
export const S1_NAMES: ReadonlyMap<string, number> = new Map([
  ['Device-nGnRnE', 0x00],
  ['Device-nGnRE', 0x04],
  ['Device-nGRE', 0x08],
  ['Device-GRE', 0x0c],
  ['Normal-NC', 0x44],
  ['Normal-WT', 0xbb],
  ['Normal-WB', 0xff],
  ['Normal-WB-Tagged', 0xf0],
]);

/** Linux aliases (arch/arm64/include/asm/memory.h), accepted but not advertised. */
const s1Aliases: ReadonlyMap<string, number> = new Map([
  ['MT_DEVICE_nGnRnE', 0x00],
  ['MT_DEVICE_nGnRE', 0x04],
  ['MT_NORMAL_NC', 0x44],
  ['MT_NORMAL', 0xff],
  ['MT_NORMAL_TAGGED', 0xf0],
]);

const s2DeviceNames: readonly (readonly [string, number])[] = [
  ['Device-nGnRnE', 0x0],
  ['Device-nGnRE', 0x1],
  ['Device-nGRE', 0x2],
  ['Device-GRE', 0x3],
];

/** The named stage-2 MemAttr values without FWB (Table D8-96). */
export const S2_NAMES: ReadonlyMap<string, number> = new Map([
  ...s2DeviceNames,
  ['Normal-NC', 0x5],
  ['Normal-WT', 0xa],
  ['Normal-WB', 0xf],
]);

/** The named stage-2 MemAttr values with FWB (Table D8-101). */
export const S2_FWB_NAMES: ReadonlyMap<string, number> = new Map([
  ...s2DeviceNames,
  ['Normal-NC', 0x5],
  ['Normal-WB', 0x6],
  ['AS-S1', 0x7],
]);

const s2Aliases: ReadonlyMap<string, number> = new Map([
  ['MT_S2_DEVICE_nGnRE', 0x1],
  ['MT_S2_NORMAL_NC', 0x5],
  ['MT_S2_NORMAL', 0xf],
]);

const s2FwbAliases: ReadonlyMap<string, number> = new Map([
  ['MT_S2_FWB_DEVICE_nGnRE', 0x1],
  ['MT_S2_FWB_NORMAL_NC', 0x5],
  ['MT_S2_FWB_NORMAL', 0x6],
  ['MT_S2_FWB_AS_S1', 0x7],
  ['Normal-WB-forced', 0x6],
  ['as-s1', 0x7],
]);

/** Names keyed by their lower-case form, so that lookups are case-insensitive and cheap. */
function lowerCased(...maps: readonly ReadonlyMap<string, number>[]): ReadonlyMap<string, number> {
  return new Map(maps.flatMap((map) => [...map].map(([name, value]) => [name.toLowerCase(), value] as const)));
}

/** `0x1f`, `0b0101` or decimal digits; undefined if the text is not a number at all. */
function parseNumber(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0b[01]+$/i.test(text)) return Number.parseInt(text.slice(2), 2);
  if (/^[0-9]+$/.test(text)) return Number.parseInt(text, 10);
  return undefined;
}

interface Grammar {
  readonly what: string;
  readonly max: number;
  readonly expected: string;
  readonly names: ReadonlyMap<string, number>;
  /** Successful parses: batch input repeats the same few spellings many times. */
  readonly seen: Map<string, number>;
}

function grammar(what: string, max: number, minHex: string, names: ReadonlyMap<string, number>, aliases: ReadonlyMap<string, number>): Grammar {
  const expected = `expected ${minHex}..0x${max.toString(16)} or one of: ${[...names.keys()].join(', ')}`;
  return { what, max, expected, names: lowerCased(names, aliases), seen: new Map() };
}

function parse(raw: string, g: Grammar): number {
  const known = g.seen.get(raw);
  if (known !== undefined) return known;
  const text = raw.trim();
  const value = g.names.get(text.toLowerCase()) ?? parseNumber(text);
  if (value === undefined) throw new AttrInputError(`unknown ${g.what} '${raw}' (${g.expected})`);
  if (value > g.max) throw new AttrInputError(`${g.what} '${raw}' is out of range (${g.expected})`);
  g.seen.set(raw, value);
  return value;
}

const s1Grammar = grammar('stage-1 attribute', 0xff, '0x00', S1_NAMES, s1Aliases);
const s2Grammar = grammar('stage-2 attribute (FWB off)', 0xf, '0x0', S2_NAMES, s2Aliases);
const s2FwbGrammar = grammar('stage-2 attribute (FWB on)', 0xf, '0x0', S2_FWB_NAMES, s2FwbAliases);

/** A stage-1 attribute: a name or a MAIR byte 0x00..0xff. Throws AttrInputError. */
export function parseS1(text: string): number {
  return parse(text, s1Grammar);
}

/** A stage-2 MemAttr: a name (which depends on FWB) or a value 0x0..0xf. Throws AttrInputError. */
export function parseS2(text: string, fwb: boolean): number {
  return parse(text, fwb ? s2FwbGrammar : s2Grammar);
}
