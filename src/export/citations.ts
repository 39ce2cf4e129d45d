/**
 * The citation components of the pages (src/components/sources/) as the
 * ReST export renders them: `<Mail id>`, `<Commit id>` and `<Quote mail
 * words>` become the same text and link the site shows, and
 * `<SourceList kind>` the same lists, all from the tables.
 */
import type { Link, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { commitCitation, mailCitation, type Citation } from '../sources/cite.ts';
import { commitGroups, mailGroups } from '../sources/listing.ts';
import { isQuoteOf } from '../sources/mails.ts';
import { parseMarkdown } from './pages.ts';

type JsxText = Extract<PhrasingContent, { type: 'mdxJsxTextElement' }>;

/** A string attribute of a JSX element, or an error naming the element. */
export function attribute(element: { name: string | null; attributes: readonly unknown[] }, name: string): string {
  for (const a of element.attributes) {
    const attr = a as { type?: string; name?: string; value?: unknown };
    if (attr.type === 'mdxJsxAttribute' && attr.name === name && typeof attr.value === 'string') return attr.value;
  }
  throw new Error(`<${element.name ?? ''}> needs ${name}="..."`);
}

const text = (value: string): Text => ({ type: 'text', value });
const link = ({ text: label, url }: Citation): Link => ({ type: 'link', url, children: [text(label)] });

/** The mdast a citation component stands for, or undefined for any other element. */
export function citationNodes(element: JsxText): PhrasingContent[] | undefined {
  switch (element.name) {
    case 'Mail':
      return [link(mailCitation(attribute(element, 'id')))];
    case 'Commit':
      return [link(commitCitation(attribute(element, 'id')))];
    case 'Quote': {
      const mail = attribute(element, 'mail');
      const words = attribute(element, 'words');
      if (!isQuoteOf(mail, words)) throw new Error(`<Quote>: "${words}" is not a recorded quote of ${mail}`);
      return [text(`“${words}” (`), link(mailCitation(mail)), text(')')];
    }
    // A glossary term (src/components/Term.astro) keeps its words; the glossary is a chapter of its own.
    case 'Term':
      return element.children;
    default:
      return undefined;
  }
}

/** The node with its citation components replaced; the same object when it has none (heading ids are keyed by node). */
function replaceInline(node: RootContent | PhrasingContent): RootContent | PhrasingContent {
  if (node.type === 'mdxJsxTextElement' || !('children' in node)) return node;
  const before = node.children as (RootContent | PhrasingContent)[];
  const children = before.flatMap((child) => (child.type === 'mdxJsxTextElement' ? (citationNodes(child) ?? [child]) : [replaceInline(child)]));
  const same = children.length === before.length && children.every((child, i) => child === before[i]);
  return same ? node : ({ ...node, children } as RootContent);
}

/**
 * The tree with every inline citation component replaced by its text and
 * link, and every `<SourceList>` by its lists.
 */
export function withCitations(tree: Root): Root {
  const children = tree.children.flatMap((node): RootContent[] =>
    node.type === 'mdxJsxFlowElement' && node.name === 'SourceList'
      ? parseMarkdown(sourceListMarkdown(attribute(node, 'kind'))).children
      : [replaceInline(node) as RootContent],
  );
  return { ...tree, children };
}

const escape = (s: string): string => s.replace(/[\\`*_[\]<>{}]/g, '\\$&');

/** `<SourceList kind="mails" | "commits" />` as Markdown. */
export function sourceListMarkdown(kind: string): string {
  const groups = kind === 'mails' ? mailGroups() : kind === 'commits' ? commitGroups() : undefined;
  if (groups === undefined) throw new Error(`<SourceList> needs kind="mails" or kind="commits", not '${kind}'`);
  return groups
    .map((g) => `**${escape(g.heading)}**\n\n${g.items.map((i) => `- [${escape(i.link.text)}](${i.link.url})${escape(i.rest)}`).join('\n')}`)
    .join('\n\n');
}
