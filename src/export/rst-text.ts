/**
 * Inline reStructuredText: escaping, joining inline markup to its
 * neighbours, and filling paragraphs to a width. The rules are those of
 * the docutils spec, "Inline markup recognition rules".
 */
import { wrap } from '../engine/format/wrap.ts';

/**
 * A space that filling must not break, because it sits inside an inline
 * literal, a URI or an escape. It is turned back into a space by fill().
 */
export const HARD_SPACE = '\uE000';

/** One piece of a paragraph: plain text (already escaped) or inline markup. */
export interface Piece {
  readonly text: string;
  readonly markup: boolean;
}

export function plain(text: string): Piece {
  return { text, markup: false };
}

export function markup(text: string): Piece {
  return { text, markup: true };
}

/**
 * Escapes the characters that would start inline markup in running text.
 * A `_` ending a word would make the word a hyperlink reference.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\`*|]/g, '\\$&').replace(/_(?=$|[^\p{L}\p{N}_])/gu, '\\_');
}

/** Spaces inside `text` that must survive filling (literals, URIs). */
export function hardSpaces(text: string): string {
  return text.replace(/ /g, HARD_SPACE);
}

// Markup must follow whitespace or one of these and be followed by
// whitespace or one of the second set; elsewhere an escaped space
// (removed from the output by docutils) separates it from its neighbour.
const MAY_PRECEDE_MARKUP = /[\s\-:/'"<([{]/;
const MAY_FOLLOW_MARKUP = /[\s\-.,:;!?\\/'")\]}>]/;
const ESCAPED_SPACE = `\\${HARD_SPACE}`;

/** Joins pieces into one line of ReST, whitespace collapsed to single spaces. */
export function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  let previousWasMarkup = false;
  for (const piece of pieces) {
    const text = piece.markup ? piece.text : piece.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const last = out.at(-1);
    const needsSeparator =
      last !== undefined &&
      ((piece.markup && !MAY_PRECEDE_MARKUP.test(last)) ||
        (previousWasMarkup && !MAY_FOLLOW_MARKUP.test(text[0] ?? ' ')));
    if (needsSeparator) out += ESCAPED_SPACE;
    out += text;
    previousWasMarkup = piece.markup;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * Fills a joined paragraph to `width` columns with the engine's email
 * wrapper; hard spaces are not whitespace to it, so literals and URIs stay
 * whole (a word longer than the width gets a line of its own).
 */
export function fill(text: string, width: number): string[] {
  return text === '' ? [] : wrap(text, '', '', width).map(softSpaces);
}

export function softSpaces(text: string): string {
  return text.replaceAll(HARD_SPACE, ' ');
}

/** Display length of a joined string once its hard spaces are spaces. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(' ').map((word) => word.length));
}

/** Prefixes every non-empty line with `prefix`. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
