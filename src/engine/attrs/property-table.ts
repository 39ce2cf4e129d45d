/**
 * What named memory types permit, as a table (properties down, types
 * across; short labels, so the ReST fits 72 columns), computed by accessProperties() from each type's MAIR decoding.
 * The memory types page renders it at build time and the ReST export
 * prints it, so neither types a property by hand.
 */
import { decodeS1 } from './decode-s1.ts';
import { parseS1 } from './parse.ts';
import { accessProperties } from './properties.ts';
import type { AccessProperties } from './types.ts';

const PROPERTY_LABELS: readonly (readonly [keyof AccessProperties, string])[] = [
  ['gathering', 'Gathering'],
  ['reordering', 'Reordering'],
  ['earlyWriteAck', 'Early write ack'],
  ['speculativeReads', 'Speculative reads'],
  ['unalignedAccess', 'Unaligned access'],
  ['cacheable', 'Cacheable'],
];

export interface PropertyTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** `types` are stage-1 names or MAIR bytes as parseS1 reads them; throws AttrInputError for an unknown one. */
export function propertyTable(types: readonly string[]): PropertyTable {
  const properties = types.map((t) => accessProperties(decodeS1(parseS1(t)).memType));
  return {
    header: ['Property', ...types],
    rows: PROPERTY_LABELS.map(([key, label]) => [label, ...properties.map((p) => (p[key] ? 'yes' : 'no'))]),
  };
}
