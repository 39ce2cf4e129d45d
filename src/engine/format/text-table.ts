/**
 * Plain-text tables for mail and terminals: columns separated by ` | `, a
 * dashed rule under the header, at most 72 columns wide (like the table in
 * commit c034ec84e879's message).
 */
import { EMAIL_WIDTH } from './wrap.ts';

/** Render a table; throws if it would be wider than `width` (a caller's bug, not an input error). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], width = EMAIL_WIDTH): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  if (rule.length > width) throw new Error(`table is ${rule.length} columns wide, more than ${width}`);
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
