/**
 * The named stage-1 x stage-2 matrix as a reviewer pastes it into a mail:
 * the 70-column table (as in commit c034ec84e879's message) and the link
 * to the explorer showing it. `table` prints exactly this, and so does the
 * matrix's "Copy as plain text".
 */
import { combineMatrix, matrixRows } from '../attrs/matrix.ts';
import { COMBINE_DEFAULTS, combineLink } from './combine-query.ts';
import { linkLines } from './link-line.ts';
import { textTable } from '../format/text-table.ts';

export function matrixReport(fwb: boolean, site: string): string {
  const { header, rows } = matrixRows(combineMatrix(fwb));
  return `${textTable(header, rows)}${linkLines(combineLink(site, { ...COMBINE_DEFAULTS, fwb }))}`;
}
