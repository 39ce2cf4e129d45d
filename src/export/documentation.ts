/**
 * The Documentation/ export: the guide and the reference pages that a
 * kernel reviewer needs, as one reStructuredText document, generated from
 * the MDX sources whenever the site is built (src/pages/documentation.rst.ts).
 *
 * Per-page "Sources" lists are left out: the References chapter at the
 * end holds them all, and lists every other link the chapters cite.
 */
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { propertyTable } from '../engine/attrs/property-table.ts';
import { rstTable } from '../engine/format/rst-table.ts';
import { chapterLabel, documentMap, linksOf, type DocumentMap } from './document-map.ts';
import {
  figureOfComment,
  figureOfElement,
  interactiveNote,
  matrixCaption,
  matrixTable,
  raceFigure,
  type Figure,
} from './figures.ts';
import { renderBlocks, sectionTitle, targetLabel, type RenderContext } from './mdast-to-rst.ts';
import { loadGroup, loadPage, parseMarkdown, type SourcePage } from './pages.ts';

/** Where the site serves the export; the Overview links to it. */
export const EXPORT_PATH = '/documentation.rst';

/** The kernel's habit for prose; code and tables may use up to 80 columns. */
const WIDTH = 72;

const DOCS = 'src/content/docs';
// The discussion, checklist and glossary belong in a kernel document; the
// CLI guide is about this site's tools, so it stays a link.
const REFERENCE_PAGES = ['reference/discussion', 'reference/checklist', 'reference/glossary'];
const REFERENCES_PAGE = 'reference/sources';

const TITLE = 'KVM/arm64: Normal-NC stage 2 for VFIO device memory';

const intro = (siteUrl: string) => `
This is a draft for \`Documentation/virt/kvm/arm/\`. It explains why,
since Linux 6.9, KVM/arm64 maps the BARs of a vfio-pci device into the
guest at stage 2 as Normal-NC instead of Device-nGnRE; what memory type a
guest access then gets, with and without FEAT_S2FWB; whether the guest's
last writes can reach the device after VFIO has reset it; and what a VFIO
driver promises when it sets \`VM_ALLOW_ANY_UNCACHED\`.

The document is generated from the pages of the
[web version](${new URL('/guide/overview/', siteUrl).href}), where the
figures are interactive. The tables and the race verdicts below were
computed by the same engines when this file was generated. The last
chapter gathers every source cited.
`;

export interface DocumentationOptions {
  /** The project root: the docs collection and scenarios/ are read from here. */
  readonly root: string;
  /** The site's origin, for links to pages that are not part of the export. */
  readonly siteUrl: string;
}

export async function buildDocumentation({ root, siteUrl }: DocumentationOptions): Promise<string> {
  const docs = join(root, DOCS);
  const chapters = [
    ...(await loadGroup(docs, 'guide')),
    ...(await Promise.all(REFERENCE_PAGES.map((slug) => loadPage(docs, slug)))),
  ];
  const references = await loadPage(docs, REFERENCES_PAGE);
  const alsoCited = citedElsewhere(chapters, references);
  const pages = [...chapters.map(forExport), { ...references, tree: withAlsoCited(references.tree, alsoCited) }];
  const map = documentMap(pages, siteUrl);
  const introCtx = context(map, root, pageUrl(siteUrl, 'guide/overview'));
  return [
    sectionTitle(TITLE, 0),
    renderBlocks(parseMarkdown(intro(siteUrl)).children, introCtx),
    ...pages.map((page) => renderChapter(page, context(map, root, pageUrl(siteUrl, page.slug)))),
  ].join('\n\n') + '\n';
}

const pageUrl = (siteUrl: string, slug: string) => new URL(`/${slug}/`, siteUrl).href;

function context(map: DocumentMap, root: string, url: string): RenderContext {
  const ctx: RenderContext = {
    width: WIDTH,
    ...map,
    expression: (value) => {
      const marked = figureOfComment(value);
      return marked === undefined ? undefined : figure(marked, root, url, ctx);
    },
    component: (element) => figure(figureOfElement(element), root, url, ctx),
  };
  return ctx;
}

// Boolean parameters as markers (`fwb=on`) and as JSX (`fwb={true}`) write them.
const SWITCH: Readonly<Record<string, boolean>> = { on: true, true: true, off: false, false: false };

function figure({ name, params }: Figure, root: string, url: string, ctx: RenderContext): string {
  if (name === 'RaceFigure') {
    const scenario = params.get('scenario') ?? '';
    if (!/^[\w-]+$/.test(scenario)) {
      throw new Error(`${url}: RaceFigure needs scenario="<name in scenarios/>" for the export, not '${scenario}'`);
    }
    return renderMarkdown(raceFigure(root, scenario, url), ctx);
  }
  if (name === 'CombineMatrix') {
    const fwb = SWITCH[params.get('fwb') ?? ''];
    if (fwb === undefined) throw new Error(`${url}: CombineMatrix needs fwb on or off for the export`);
    return `${renderMarkdown(matrixCaption(fwb), ctx)}\n\n${matrixTable(fwb)}`;
  }
  if (name === 'PropertiesTable') {
    // `types={['Device-nGnRE', 'Normal-NC']}`: the array's string literals, in order.
    const types = [...(params.get('types') ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
    if (types.length === 0) throw new Error(`${url}: PropertiesTable needs types={['<name>', ...]} for the export`);
    const { header, rows } = propertyTable(types);
    return rstTable(header, rows).trimEnd();
  }
  return renderMarkdown(interactiveNote(url), ctx);
}

function renderMarkdown(markdown: string, ctx: RenderContext): string {
  return renderBlocks(parseMarkdown(markdown).children, ctx);
}

function renderChapter(page: SourcePage, ctx: RenderContext): string {
  const label = chapterLabel(page.slug);
  return [targetLabel(label), sectionTitle(page.title, 1), renderBlocks(page.tree.children, ctx)].join('\n\n');
}

/** A page as the export shows it: without its Sources list and without the pointer to the export itself. */
function forExport(page: SourcePage): SourcePage {
  const children: RootContent[] = [];
  let skipping = false;
  for (const node of page.tree.children) {
    if (node.type === 'heading' && node.depth <= 2) skipping = toString(node) === 'Sources';
    const pointsHere = node.type === 'paragraph' && linksOf(node).some((link) => link.url === EXPORT_PATH);
    if (!skipping && !pointsHere) children.push(node);
  }
  return { ...page, tree: { ...page.tree, children } };
}

/** External links of the chapters that the References page does not list, each with where it is first cited. */
function citedElsewhere(chapters: readonly SourcePage[], references: SourcePage): Map<string, string> {
  const listed = new Set(linksOf(references.tree).map((link) => link.url));
  const cited = new Map<string, string>();
  for (const page of chapters) {
    for (const { url } of linksOf(page.tree)) {
      if (/^https?:/.test(url) && !listed.has(url) && !cited.has(url)) cited.set(url, page.title);
    }
  }
  return cited;
}

function withAlsoCited(tree: Root, cited: ReadonlyMap<string, string>): Root {
  if (cited.size === 0) return tree;
  const items = [...cited].map(([url, where]) => `- ${where}: ${url}`);
  const section = parseMarkdown(
    `## Also cited\n\nLinks in the chapters above that the lists above leave out, each with the first chapter citing it:\n\n${items.join('\n')}\n`,
  );
  return { ...tree, children: [...tree.children, ...section.children] };
}
