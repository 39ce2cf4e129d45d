/**
 * Plain-text tables for mail and terminals: columns separated by ` | `, a
 * dashed rule under the header (like the table in commit c034ec84e879's
 * message), at most 70 columns wide; a table too wide for that separates
 * its columns by two spaces instead.
 */
import { EMAIL_WIDTH } from './wrap.ts';

/** Render a table; throws if it would be wider than `width` even so (a caller's bug, not an input error). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], width = EMAIL_WIDTH): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const ruled = widths.reduce((sum, w) => sum + w, 0) + 3 * (widths.length - 1) <= width;
  const [gap, cross] = ruled ? [' | ', '-+-'] : ['  ', '  '];
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(gap).trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join(cross);
  if (rule.length > width) throw new Error(`table is ${rule.length} columns wide, more than ${width}`);
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
