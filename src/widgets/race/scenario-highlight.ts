/**
 * Token classes for the scenario editor's highlighted view, by position in
 * the line as the language defines it: the first word is the
 * directive, `#` starts a comment, guest and host ops are separated by `;`,
 * knobs are `name=value`. Presentation only: the parser decides validity.
 * Every character of the line lands in exactly one token, so the view lines
 * up with the text area over it.
 */
import { VCPU_DIRECTIVES } from '../../engine/race/types.ts';

export type TokenKind = 'directive' | 'op' | 'knob' | 'number' | 'value' | 'punct' | 'comment' | 'space';

export interface Token {
  readonly text: string;
  readonly kind: TokenKind;
}

const NUMBER = /^(?:0x[0-9a-f]+|0b[01]+|[0-9]+)$/i;

/** Directives whose words are ops separated by `;`: the vCPU programs and the host's. */
const PROGRAMS: ReadonlySet<string> = new Set([...VCPU_DIRECTIVES, 'host']);

export function highlightLine(line: string): Token[] {
  const hash = line.indexOf('#');
  const code = hash < 0 ? line : line.slice(0, hash);
  const tokens: Token[] = [];
  let directive: string | undefined;
  let segmentStart = true;
  for (const [piece] of code.matchAll(/\s+|[;=]|[^\s;=]+/g)) {
    if (/^\s/.test(piece)) {
      tokens.push({ text: piece, kind: 'space' });
      continue;
    }
    let kind: TokenKind = 'value';
    if (piece === ';' || piece === '=') kind = 'punct';
    else if (directive === undefined) kind = 'directive';
    else if (PROGRAMS.has(directive) && segmentStart) kind = 'op';
    else if (directive === 'option' && tokens.at(-1)?.text !== '=') kind = 'knob';
    else if (NUMBER.test(piece)) kind = 'number';
    if (directive === undefined) directive = piece;
    else segmentStart = piece === ';';
    tokens.push({ text: piece, kind });
  }
  if (hash >= 0) tokens.push({ text: line.slice(hash), kind: 'comment' });
  return tokens;
}
