/**
 * The glossary page (src/content/docs/reference/glossary.mdx) as data: one
 * entry per paragraph that opens with a bold title (`**PE.** ...`), its
 * names (the title's comma-separated parts, each also without a
 * parenthesised abbreviation or its backquotes), the anchor the page gives
 * it (src/markdown/glossary-anchors.ts) and its first sentence as a short
 * definition. The page is the one source: lesson and guide pages link a
 * term with <Term> (src/components/Term.astro), which shows that sentence
 * on hover, focus or a tap, and links to the entry.
 */

export interface GlossaryEntry {
  /** The anchor on the glossary page: `term-` and the first name's slug (`term-pe`). */
  readonly id: string;
  /** The title as the page writes it, without its final full stop (`Stage 1, stage 2`). */
  readonly title: string;
  /** Every name a <Term> may use for it, lower case. */
  readonly names: readonly string[];
  /** The definition's first sentence, Markdown links reduced to their text (`code` keeps its backquotes). */
  readonly short: string;
}

/** A title's anchor: `term-` and the slug of its first name, without a final `(abbreviation)`. */
export function termId(title: string): string {
  const first = (title.split(/,\s+/)[0] ?? title).replace(/\s*\([^()]*\)\.?$/, '');
  return `term-${first.toLowerCase().replace(/[`*]/g, '').replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/** The names a title gives: each comma-separated part, without backquotes, and again without a final `(abbreviation)`. */
function namesOf(title: string): string[] {
  const names = title.split(/,\s+/).flatMap((part) => {
    const bare = part.replace(/`/g, '').trim();
    const short = bare.replace(/\s*\([^()]*\)$/, '');
    return short === bare ? [bare] : [bare, short];
  });
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

/** Inline Markdown as the tooltip shows it: link texts, no emphasis, expressions rendered by `expression`. */
function plain(markdown: string, expression: (code: string) => string): string {
  return markdown
    .replace(/\{([^{}]+)\}/g, (_, code: string) => expression(code))
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence: up to a full stop before a capital letter or the end, not one inside `code`, a number or e.g. */
function firstSentence(text: string): string {
  let inCode = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '`') inCode = !inCode;
    if (c !== '.' || inCode) continue;
    const after = text.slice(i + 1);
    if (after === '' || /^\s+[A-Z`]/.test(after)) {
      if (/(?:e\.g|i\.e|\bal)$/.test(text.slice(0, i))) continue;
      return text.slice(0, i + 1);
    }
  }
  return text;
}

/** A final parenthesis that only cites a source, which the full entry gives. */
const withoutCitation = (sentence: string): string => sentence.replace(/\s*\((?:DDI0487|D\d|B\d|PCI Express|include\/|arch\/|drivers\/|Documentation\/)[^()]*(?:\([^()]*\)[^()]*)*\)\.$/, '.');

/**
 * The entries of the glossary page's text. `expression` renders a
 * `{...}` expression of the page (release ranges from the release table);
 * the default leaves it out.
 */
export function glossaryEntries(mdx: string, expression: (code: string) => string = () => ''): GlossaryEntry[] {
  const paragraphs = mdx.split(/\n\s*\n/).map((p) => p.trim());
  return paragraphs.flatMap((paragraph) => {
    const m = /^\*\*(.+?)\.\*\*\s+([\s\S]+)$/.exec(paragraph);
    if (!m) return [];
    const title = m[1]!;
    return [{ id: termId(title), title: title.replace(/`/g, ''), names: namesOf(title), short: withoutCitation(firstSentence(plain(m[2]!, expression))) }];
  });
}

/** The entry a term names (case-insensitive; a plural `s` may be dropped), if any. */
export function findTerm(entries: readonly GlossaryEntry[], name: string): GlossaryEntry | undefined {
  const wanted = name.replace(/`/g, '').trim().toLowerCase();
  const candidates = [wanted, wanted.replace(/(?<=[a-z])s$/, ''), wanted.replace(/es$/, '')];
  return candidates.map((c) => entries.find((e) => e.names.includes(c))).find((e) => e !== undefined);
}

/** Unique tooltip ids within a page, the same on every build: the entry's anchor and its count on that page. */
const counts = new Map<string, number>();
export function tipId(page: string, entry: GlossaryEntry): string {
  const key = `${page}\u0000${entry.id}`;
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return `${entry.id}-tip-${n}`;
}
