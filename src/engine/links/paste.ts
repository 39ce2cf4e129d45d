/**
 * Reading back what a reviewer pasted from a mail: the plain text that
 * "Copy as plain text" or the CLI produced, after a mail client has quoted
 * it (`> `, `>> `), re-wrapped it, or put the link in `<...>`. The link,
 * when one survives, is the state; without one the text itself is read
 * (paste-text.ts). The answer is a query for the playground, or a message
 * naming what is missing.
 */
import { LINK_LABEL } from './link-line.ts';

export type Playground = 'combine' | 'race' | 'mair' | 'kvm';

/** The page path of each playground, relative to the site root (whatever base the site has). */
export const PLAYGROUND_PATHS: Readonly<Record<Playground, string>> = { combine: '/play/combine/', race: '/play/race/', mair: '/play/mair/', kvm: '/play/kvm/' };

/** The pasted lines (any line ends) without mail quoting (any run of `>` with or without spaces, non-breaking ones too) or trailing blanks. */
export function unquote(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(/^[ \t\u00a0]*(?:>[ \t\u00a0]?)+/, '').trimEnd());
}

export interface PastedLink {
  readonly playground?: Playground;
  readonly path: string;
  readonly search: string;
}

/** A fixed phrase as a pattern that matches it as it may come back: any run of blanks (spaces, non-breaking spaces, line breaks) between its words. */
export function phrase(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

const LABEL = new RegExp(`${phrase(LINK_LABEL)}\\s+([0-9]+)[);]`, 'g');

/**
 * The report's link, put back together where a mail client broke it: the
 * first link after the last `Link (model version N...` label (a title
 * quoting a URL or the label comes before it), or the first link at all in
 * a text without the label. Inside `<...>` it runs up to the closing `>`;
 * otherwise a line that ends the link continues it while the next line is
 * one unbroken token (a wrapped URL has no spaces).
 */
export function findLink(lines: readonly string[]): PastedLink | undefined {
  const text = lines.join('\n');
  const label = [...text.matchAll(LABEL)].at(-1);
  if (label === undefined) return linkFrom(lines, 0, 0);
  const before = text.slice(0, label.index + label[0].length);
  return linkFrom(lines, before.split('\n').length - 1, before.length - (before.lastIndexOf('\n') + 1));
}

/** The first link from line `first`, column `column` on. */
function linkFrom(lines: readonly string[], first: number, column: number): PastedLink | undefined {
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const from = i === first ? column : 0;
    const found = line.slice(from).search(/https?:\/\//);
    if (found < 0) continue;
    const start = from + found;
    const bracketed = line[start - 1] === '<';
    let url = line.slice(start);
    let j = i;
    if (bracketed) {
      while (!url.includes('>') && j + 1 < lines.length) url += lines[++j]!.trim();
      url = url.slice(0, url.indexOf('>') < 0 ? url.length : url.indexOf('>'));
    } else {
      url = url.split(/\s/)[0]!;
      const endsLine = start + url.length === line.length;
      while (endsLine && j + 1 < lines.length && /^\S+$/.test(lines[j + 1]!.trim()) && !lines[j + 1]!.trim().startsWith('http')) url += lines[++j]!.trim();
    }
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/[.,;)]+$/, ''));
    } catch {
      continue;
    }
    const playground = (Object.keys(PLAYGROUND_PATHS) as Playground[]).find((p) => parsed.pathname.endsWith(PLAYGROUND_PATHS[p]));
    return { ...(playground === undefined ? {} : { playground }), path: parsed.pathname, search: parsed.search };
  }
  return undefined;
}

/** The model version the text's (last) link label names (`Link (model version N...`), even when the link itself is lost. */
export function pastedModelVersion(lines: readonly string[]): number | undefined {
  const label = [...lines.join('\n').matchAll(LABEL)].at(-1);
  return label === undefined ? undefined : Number(label[1]);
}
