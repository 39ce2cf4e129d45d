/**
 * Tables in ReST. A grid table reads best in a terminal, so it is the
 * first choice; when the columns cannot fit the width (a cell holds a long
 * URI, say), each row becomes a list item of `Header: cell` pairs, which
 * reads as plain text (the kernel's doc guide asks to avoid list-table).
 */
import { fill, indent, longestWord, softSpaces } from './rst-text.ts';

/** Cells are joined inline ReST (see joinPieces); the first row is the header. */
export type Rows = readonly (readonly string[])[];

export function renderTable(rows: Rows, width: number): string {
  const widths = gridWidths(rows, width);
  return widths === undefined ? rowList(rows, width) : gridTable(rows, widths);
}

const length = (cell: string): number => softSpaces(cell).length;

/**
 * Column widths that fit `width`, shrinking the widest column first but no
 * column below its longest word; undefined when that is not enough.
 */
function gridWidths(rows: Rows, width: number): number[] | undefined {
  const columns = rows[0]?.length ?? 0;
  const column = (c: number) => rows.map((row) => row[c] ?? '');
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...column(c).map(length)));
  const minimum = Array.from({ length: columns }, (_, c) => Math.max(1, ...column(c).map(longestWord)));
  // "| " before each cell, " " after it, and the closing "|".
  const total = () => widths.reduce((sum, w) => sum + w + 3, 1);
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, c) => {
      if (w > (minimum[c] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0))) widest = c;
    });
    if (widest < 0) return undefined;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

function gridTable(rows: Rows, widths: readonly number[]): string {
  const rule = (char: string) => '+' + widths.map((w) => char.repeat(w + 2)).join('+') + '+';
  const out = [rule('-')];
  rows.forEach((row, r) => {
    const cells = widths.map((w, c) => fill(row[c] ?? '', w));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      out.push('| ' + cells.map((lines, c) => (lines[i] ?? '').padEnd(widths[c] ?? 0)).join(' | ') + ' |');
    }
    out.push(rule(r === 0 ? '=' : '-'));
  });
  return out.join('\n');
}

function rowList(rows: Rows, width: number): string {
  const [header = [], ...body] = rows;
  return body
    .map((row) => {
      const pairs = row.map((cell, c) => (header[c] ? `${header[c]}: ${cell}` : cell)).join('; ');
      const [first = '', ...rest] = fill(pairs, width - 2);
      return [`- ${first}`, ...rest.map((line) => indent(line, '  '))].join('\n');
    })
    .join('\n');
}
