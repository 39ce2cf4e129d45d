/**
 * Word wrapping for plain text meant for email: lines of at most 70
 * columns, so that a reply's first level of quoting (`> `) still fits the
 * 72 of the kernel's Documentation/process/email-clients.rst habit and no
 * mail client re-wraps it.
 */

export const EMAIL_WIDTH = 70;

/**
 * Wrap `text` to `width` columns, prefixing the first line with `first` and
 * the others with `rest` (a hanging indent). Words longer than a line are
 * kept whole rather than broken.
 */
export function wrap(text: string, first = '', rest = first, width = EMAIL_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/** A labelled paragraph: `Label:    text...` with continuation lines under the text. */
export function field(label: string, text: string, labelWidth = 14, width = EMAIL_WIDTH): string[] {
  const head = (label === '' ? '' : `${label}:`).padEnd(labelWidth);
  return wrap(text, head, ' '.repeat(labelWidth), width);
}
