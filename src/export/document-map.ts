/**
 * Where links point once the pages are one document: a link to an
 * exported page or one of its headings becomes a reference to that
 * chapter or section; a link to any other site page keeps its text and
 * loses its target, since the file is read offline and the site's origin
 * is only known where it is deployed. Only headings that something links
 * to get an explicit target, so the ReST source stays uncluttered.
 */
import type { Heading, Link, Nodes } from 'mdast';
import type { LinkTarget } from './mdast-to-rst.ts';
import type { SourcePage } from './pages.ts';

export function* nodesOf(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodesOf(child);
}

export function linksOf(node: Nodes): Link[] {
  return [...nodesOf(node)].filter((n): n is Link => n.type === 'link');
}

/** Target names start with the file's name, as the kernel asks of labels (they are global in Sphinx). */
export const LABEL_PREFIX = 'documentation-long';

/** The chapter's target name, e.g. `documentation-long-guide-reset-race`. */
export function chapterLabel(slug: string): string {
  return `${LABEL_PREFIX}-${slug.replaceAll('/', '-')}`;
}

// `.. _label:` must fit in 80 columns.
const LABEL_LENGTH = 76;

/** `chapter-id`, with the id cut after a whole word where the label would be too long. */
function sectionLabel(chapter: string, id: string): string {
  const full = `${chapter}-${id}`;
  if (full.length <= LABEL_LENGTH) return full;
  const cut = full.slice(0, LABEL_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-'));
}

export interface DocumentMap {
  readonly linkTarget: (url: string) => LinkTarget;
  readonly headingLabel: (heading: Heading) => string | undefined;
}

export function documentMap(pages: readonly SourcePage[]): DocumentMap {
  // The ids each exported page still has (a dropped section has none).
  const sections = new Map<string, Map<string, Heading>>();
  for (const page of pages) {
    const ids = new Map<string, Heading>();
    for (const node of nodesOf(page.tree)) {
      const id = node.type === 'heading' ? page.headingIds.get(node) : undefined;
      if (node.type === 'heading' && id !== undefined) ids.set(id, node);
    }
    sections.set(page.slug, ids);
  }

  const labels = new Map<Heading, string>();
  const linkTarget = (url: string): LinkTarget => {
    if (/^https?:\/\//.test(url)) return { uri: url };
    if (!url.startsWith('/')) throw new Error(`link '${url}': the export handles site paths and http(s) URLs only`);
    const { pathname, hash } = new URL(url, 'file:');
    const slug = pathname.replace(/^\/|\/$/g, '');
    const ids = sections.get(slug);
    if (ids === undefined) return { textOnly: true };
    if (hash === '') return { section: chapterLabel(slug) };
    const id = decodeURIComponent(hash.slice(1));
    const heading = ids.get(id);
    if (heading === undefined) throw new Error(`link '${url}': the exported page ${slug} has no section '${id}'`);
    const label = sectionLabel(chapterLabel(slug), id);
    const holder = [...labels].find(([other, name]) => name === label && other !== heading);
    if (holder !== undefined) throw new Error(`link '${url}': label '${label}' would name two sections`);
    labels.set(heading, label);
    return { section: label };
  };

  // Resolve every link up front, so a heading knows it needs a label
  // before the chapter holding it is rendered.
  for (const page of pages) for (const link of linksOf(page.tree)) linkTarget(link.url);
  return { linkTarget, headingLabel: (heading) => labels.get(heading) };
}
