/**
 * reStructuredText "simple tables" (docutils), the form kernel
 * Documentation/ uses for small tables: columns under `=` rules, the header
 * between the first two rules. Empty cells are written as `-`, because an
 * empty first column would make docutils join the row to the one above.
 */

export function rstTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string | undefined): string => (text === undefined || text === '' ? '-' : text);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => cell(row[c]).length)));
  const rule = widths.map((w) => '='.repeat(w)).join('  ');
  const line = (cells: readonly string[]): string => widths.map((w, c) => cell(cells[c]).padEnd(w)).join('  ').trimEnd();
  return [rule, line(header), rule, ...rows.map(line), rule].join('\n') + '\n';
}
