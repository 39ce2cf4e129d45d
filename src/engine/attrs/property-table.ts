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
  ['unalignedAccess', 'Unaligned, no fault'],
  ['cacheable', 'Cacheable'],
];

/**
 * A property's cell. An unaligned access to a Device location is not
 * simply refused: it takes an Alignment fault if the location cannot
 * support unaligned accesses, and where it can, whether it faults is
 * IMPLEMENTATION DEFINED (DDI0487 M.a.a B2.10.2;
 * AArch64.S2HasAlignmentFaultDueToMemType() in J1.1), so `may fault`.
 */
function cell(key: keyof AccessProperties, value: boolean): string {
  if (key === 'unalignedAccess' && !value) return 'may fault';
  return value ? 'yes' : 'no';
}

export interface PropertyTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** `types` are stage-1 names or MAIR bytes as parseS1 reads them; throws AttrInputError for an unknown one. */
export function propertyTable(types: readonly string[]): PropertyTable {
  const properties = types.map((t) => accessProperties(decodeS1(parseS1(t)).memType));
  return {
    header: ['Property', ...types],
    rows: PROPERTY_LABELS.map(([key, label]) => [label, ...properties.map((p) => cell(key, p[key]))]),
  };
}
