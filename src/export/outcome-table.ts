/**
 * The kernel document's stage 1 x stage 2 table: for each stage-2 type
 * KVM picks for device memory, what a guest access gets with a typical
 * stage-1 type. The rows name the inputs; every result comes from the
 * combining engine when the document is built.
 */
import { combine } from '../engine/attrs/combine.ts';
import { S1_NAMES, S2_FWB_NAMES, S2_NAMES } from '../engine/attrs/parse.ts';
import { rstTable } from '../engine/format/rst-table.ts';

interface OutcomeRow {
  /** The guest's stage-1 type, a name of S1_NAMES. */
  readonly s1: string;
  /** The stage-2 type, a name of S2_NAMES / S2_FWB_NAMES. */
  readonly s2: string;
  /** 'both': KVM uses this type with and without FEAT_S2FWB; true: only with it. */
  readonly fwb: 'both' | true;
  /** When KVM picks this stage-2 type (user_mem_abort(), Linux 6.17). */
  readonly when: string;
}

const ROWS: readonly OutcomeRow[] = [
  { s1: 'Normal-NC', s2: 'Device-nGnRE', fwb: 'both', when: 'flag clear' },
  { s1: 'Device-nGnRE', s2: 'Normal-NC', fwb: 'both', when: 'VM_ALLOW_ANY_UNCACHED' },
  { s1: 'Normal-NC', s2: 'Normal-NC', fwb: 'both', when: 'VM_ALLOW_ANY_UNCACHED' },
  { s1: 'Normal-WB', s2: 'Normal-NC', fwb: 'both', when: 'VM_ALLOW_ANY_UNCACHED' },
  { s1: 'Device-nGnRE', s2: 'Normal-WB', fwb: true, when: 'cacheable VMA' },
  { s1: 'Normal-NC', s2: 'Normal-WB', fwb: true, when: 'cacheable VMA' },
];

function encoding(names: ReadonlyMap<string, number>, name: string): number {
  const value = names.get(name);
  if (value === undefined) throw new Error(`outcome table: '${name}' is not a named attribute`);
  return value;
}

/** One row's cells: the result must not depend on FWB where KVM uses the type either way. */
function outcome(row: OutcomeRow): string[] {
  const s1 = encoding(S1_NAMES, row.s1);
  const settings = row.fwb === 'both' ? [false, true] : [true];
  const results = settings.map((fwb) =>
    combine({ s1, s2: encoding(fwb ? S2_FWB_NAMES : S2_NAMES, row.s2), fwb, s1sh: 3, s2sh: 3 }),
  );
  const [first] = results;
  if (first === undefined || results.some((r) => r.typeName !== first.typeName || r.s2.hex !== first.s2.hex)) {
    throw new Error(`outcome table: ${row.s1} over ${row.s2} differs with and without FWB; give it one row per setting`);
  }
  const s2 = `${first.s2.hex} ${first.s2.name}`;
  return [row.when, s2, row.fwb === 'both' ? 'any' : 'on', row.s1, first.typeName];
}

/** The table as a ReST simple table, as the combining engine computes it now. */
export function outcomeTable(): string {
  const header = ['KVM case', 'Stage 2 (MemAttr)', 'FWB', 'Stage 1', 'Access'];
  return rstTable(header, ROWS.map(outcome)).trimEnd();
}
