/**
 * The named stage-1 x stage-2 matrix as data, computed by combine(): the
 * CLI `table` command and the site's build-time tables render this one
 * source, so no table is typed by hand.
 */
import { combine } from './combine.ts';
import { S1_NAMES, S2_FWB_NAMES, S2_NAMES } from './parse.ts';
import type { CombineResult, ShEncoding } from './types.ts';

export interface MatrixAxis {
  readonly name: string;
  /** The encoding: a MAIR byte for rows, a stage-2 MemAttr for columns. */
  readonly value: number;
}

export interface CombineMatrix {
  readonly fwb: boolean;
  readonly s1sh: ShEncoding;
  readonly s2sh: ShEncoding;
  /** Named stage-1 attributes. */
  readonly rows: readonly MatrixAxis[];
  /** Named stage-2 attributes for this FWB setting. */
  readonly cols: readonly MatrixAxis[];
  /** cells[row][col]: the result, which carries its own combine input. */
  readonly cells: readonly (readonly CombineResult[])[];
}

const axis = (names: ReadonlyMap<string, number>): MatrixAxis[] => [...names].map(([name, value]) => ({ name, value }));

/** Every named stage-1 attribute combined with every named stage-2 attribute (default SH: Inner Shareable at both stages). */
export function combineMatrix(fwb: boolean, s1sh: ShEncoding = 3, s2sh: ShEncoding = 3): CombineMatrix {
  const rows = axis(S1_NAMES);
  const cols = axis(fwb ? S2_FWB_NAMES : S2_NAMES);
  const cells = rows.map((row) => cols.map((col) => combine({ s1: row.value, s2: col.value, fwb, s1sh, s2sh })));
  return { fwb, s1sh, s2sh, rows, cols, cells };
}

/** The matrix as table rows, one per combination, as in commit c034ec84e879's message: S1, S2, result, MAIR, SH. */
export function matrixRows(matrix: CombineMatrix): { header: string[]; rows: string[][] } {
  const rows = matrix.rows.flatMap((row, r) =>
    matrix.cols.map((col, c) => {
      const cell = matrix.cells[r]?.[c];
      return [row.name, `${col.name} (${cell?.s2.hex ?? ''})`, cell?.typeName ?? '', cell?.mairHex ?? '', `0b${(cell?.sh ?? 0).toString(2).padStart(2, '0')}`];
    }),
  );
  return { header: ['S1', matrix.fwb ? 'S2 (FWB)' : 'S2', 'Result', 'MAIR', 'SH'], rows };
}
