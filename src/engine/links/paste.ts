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

/** The pasted lines without mail quoting (any run of `>` with or without spaces) or trailing spaces. */
export function unquote(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.replace(/^[ \t]*(?:>[ \t]?)+/, '').trimEnd());
}

export interface PastedLink {
  readonly playground?: Playground;
  readonly path: string;
  readonly search: string;
}

/**
 * The first link in the lines, put back together where a mail client broke
 * it: inside `<...>` up to the closing `>`; otherwise a line that ends the
 * link continues it while the next line is one unbroken token (a wrapped
 * URL has no spaces).
 */
export function findLink(lines: readonly string[]): PastedLink | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = line.search(/https?:\/\//);
    if (start < 0) continue;
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

/** The model version the text's link line names (`Link (model version N):`), even when the link itself is lost. */
export function pastedModelVersion(lines: readonly string[]): number | undefined {
  const joined = lines.join(' ').replace(/\s+/g, ' ');
  const match = new RegExp(`${LINK_LABEL.replace(/[()]/g, '\\$&')} ([0-9]+)\\)`).exec(joined);
  return match ? Number(match[1]) : undefined;
}
