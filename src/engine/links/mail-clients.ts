/**
 * Test support: what mail clients do to a plain-text report on its way to
 * a reader, as the paste-back tests replay it. Quoting one to three levels
 * deep (`> `, `>> `, `> > `); re-wrapping at a width, by breaking long
 * lines (the continuation quoted again, or not) or by reflowing whole
 * paragraphs (before or after quoting, the latter leaving `>` marks inside
 * the text); CRLF line ends; spaces turned into non-breaking ones.
 */
import fc from 'fast-check';
import { wrap } from '../format/wrap.ts';

export type Rewrap = 'break-quoted' | 'break-bare' | 'reflow-quoted' | 'reflow-then-quote' | 'quote-then-reflow';
export type Nbsp = 'none' | 'runs' | 'all';

export interface MailClient {
  /** The quoting prefix of each level, innermost first. */
  readonly levels: readonly ('> ' | '>' | '>> ' | '> > ')[];
  readonly rewrap: Rewrap;
  readonly crlf: boolean;
  readonly nbsp: Nbsp;
}

export const mailClient: fc.Arbitrary<MailClient> = fc.record({
  levels: fc.array(fc.constantFrom('> ' as const, '>' as const, '>> ' as const, '> > ' as const), { minLength: 1, maxLength: 3 }),
  rewrap: fc.constantFrom<Rewrap>('break-quoted', 'break-bare', 'reflow-quoted', 'reflow-then-quote', 'quote-then-reflow'),
  crlf: fc.boolean(),
  nbsp: fc.constantFrom<Nbsp>('none', 'runs', 'all'),
});

const quote = (lines: readonly string[], prefix: string): string[] => lines.map((line) => prefix + line);

/** Paragraphs (split at empty lines) each joined and wrapped to `width`. */
function reflow(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) out.push(...wrap(paragraph.join(' '), '', '', width));
    paragraph = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      out.push('');
    } else paragraph.push(line);
  }
  flush();
  return out;
}

/** Lines longer than `width` broken at their last fitting space; the continuation gets the quoting again when `requote`. */
function breakLong(lines: readonly string[], width: number, requote: boolean): string[] {
  return lines.flatMap((line) => {
    const prefix = /^(?:>\s?)*/.exec(line)?.[0] ?? '';
    const out: string[] = [];
    let rest = line;
    while (rest.length > width) {
      // Never inside the quoting this line starts with.
      const lead = out.length === 0 || requote ? prefix.length : 0;
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= lead) break;
      out.push(rest.slice(0, cut));
      rest = (requote ? prefix : '') + rest.slice(cut + 1);
    }
    return [...out, rest];
  });
}

/** Every second space of a run, and leading spaces, as non-breaking (as HTML mail renders them); or every space. */
function nbsp(line: string, how: Nbsp): string {
  if (how === 'all') return line.replaceAll(' ', '\u00a0');
  if (how === 'runs') return line.replace(/^ +/, (lead) => '\u00a0'.repeat(lead.length)).replace(/ {2}/g, '\u00a0 ');
  return line;
}

/** The report as the reader's mail shows it after `client` handled it, re-wrapped at `width`. */
export function throughMail(text: string, client: MailClient, width: number): string {
  let lines = text.replace(/\n$/, '').split('\n');
  const quoteAll = (ls: string[]): string[] => client.levels.reduce((acc, prefix) => quote(acc, prefix), ls);
  const prefixLength = client.levels.reduce((n, p) => n + p.length, 0);
  switch (client.rewrap) {
    case 'break-quoted':
      lines = breakLong(quoteAll(lines), width, true);
      break;
    case 'break-bare':
      lines = breakLong(quoteAll(lines), width, false);
      break;
    case 'reflow-quoted':
      lines = quoteAll(reflow(lines, Math.max(width - prefixLength, 20)));
      break;
    case 'reflow-then-quote':
      lines = quoteAll(reflow(lines, width));
      break;
    case 'quote-then-reflow':
      lines = reflow(quoteAll(lines), width);
  }
  return lines.map((line) => nbsp(line, client.nbsp)).join(client.crlf ? '\r\n' : '\n');
}

/** The report with its link (the last URL) gone: a list archive stripped it, a client broke it beyond repair. */
export const withoutLink = (text: string): string => text.replace(/https?:\/\/\S+(?![\s\S]*https?:\/\/)/, '');
