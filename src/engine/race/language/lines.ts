/**
 * The lexical layer of the scenario language: one directive per
 * line, `#` starts a comment, words are separated by blanks, ops by `;`.
 * Every word keeps its 1-based column so errors can point at it.
 */

export interface Word {
  readonly text: string;
  /** 1-based column of the first character. */
  readonly col: number;
}

/** The line without its comment (a `#` anywhere starts one). */
export function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return hash < 0 ? line : line.slice(0, hash);
}

/** The blank-separated words of `text`, whose first character is at column `col`. */
export function splitWords(text: string, col = 1): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\S+/g)) words.push({ text: match[0], col: col + match.index });
  return words;
}

/** Splits `text` (starting at column `col`) at each `;` into the words of each segment. */
export function splitOps(text: string, col: number): { readonly words: Word[]; readonly col: number }[] {
  const segments: { words: Word[]; col: number }[] = [];
  let start = 0;
  for (;;) {
    const semi = text.indexOf(';', start);
    const end = semi < 0 ? text.length : semi;
    segments.push({ words: splitWords(text.slice(start, end), col + start), col: col + end });
    if (semi < 0) return segments;
    start = semi + 1;
  }
}

/** A number as scenarios write offsets: `0x` hexadecimal or decimal, below 2^32. */
export function parseNumber(text: string): number | undefined {
  if (!/^(?:0x[0-9a-f]+|[0-9]+)$/i.test(text)) return undefined;
  const value = Number(text);
  return value < 2 ** 32 ? value : undefined;
}

/** `yes`/`no` (also `on`/`off`, as `fwb` is written). */
export function parseSwitch(text: string): boolean | undefined {
  if (text === 'yes' || text === 'on') return true;
  if (text === 'no' || text === 'off') return false;
  return undefined;
}
