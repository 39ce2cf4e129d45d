/**
 * The long form: the guide and the reference pages as one
 * reStructuredText document for offline reading, generated from the MDX
 * sources whenever the site is built (src/pages/documentation-long.rst.ts).
 * The kernel document is a separate, shorter text (kernel-doc.ts).
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
import { withCitations } from './citations.ts';
import { questionFigure } from './question-figure.ts';
import { commitExpressionText } from './kernel-doc.ts';
import { releaseExpressionText } from './release-expressions.ts';
import { renderBlocks, sectionTitle, targetLabel, type RenderContext } from './mdast-to-rst.ts';
import { loadGroup, loadPage, parseMarkdown, type SourcePage } from './pages.ts';

/** Where the site serves this long form, and the kernel document and patch beside it. */
export const EXPORT_PATH = '/documentation-long.rst';
const DOWNLOADS = new Set([EXPORT_PATH, '/documentation.rst', '/documentation.patch']);

/** The kernel's habit for prose; code and tables may use up to 80 columns. */
const WIDTH = 72;

const DOCS = 'src/content/docs';
// The discussion, checklist and glossary belong with the guide; the CLI
// guide is about this site's tools, so it stays out.
const REFERENCE_PAGES = ['reference/discussion', 'reference/checklist', 'reference/glossary'];
const REFERENCES_PAGE = 'reference/sources';

const TITLE = 'KVM/arm64 device memory: the whole guide';

const INTRO = `
The guide and reference pages of the KVM/arm64 device memory site in one
file, for reading offline. It is not the proposed kernel document: that
is \`documentation.rst\`, a shorter text for \`Documentation/virt/kvm/arm/\`,
and \`documentation.patch\` adds it to the kernel tree.

The figures of the web version are interactive; here the tables and the
race verdicts are the ones the engines computed when this file was
generated. The last chapter gathers every source cited.
`;

export interface DocumentationOptions {
  /** The project root: the docs collection and scenarios/ are read from here. */
  readonly root: string;
}

export async function buildDocumentation({ root }: DocumentationOptions): Promise<string> {
  const docs = join(root, DOCS);
  const chapters = [
    ...(await loadGroup(docs, 'guide')),
    ...(await Promise.all(REFERENCE_PAGES.map((slug) => loadPage(docs, slug)))),
  ].map(citing);
  const references = citing(await loadPage(docs, REFERENCES_PAGE));
  const alsoCited = citedElsewhere(chapters, references);
  const pages = [...chapters.map(forExport), { ...references, tree: withAlsoCited(references.tree, alsoCited) }];
  const map = documentMap(pages);
  return [
    sectionTitle(TITLE, 0),
    renderBlocks(parseMarkdown(INTRO).children, context(map, root, 'the introduction')),
    ...pages.map((page) => renderChapter(page, context(map, root, page.slug))),
  ].join('\n\n') + '\n';
}

/** A page with its citation components as the text and links they render. */
const citing = (page: SourcePage): SourcePage => ({ ...page, tree: withCitations(page.tree) });

/** `url` names the page in error messages. */
function context(map: DocumentMap, root: string, url: string): RenderContext {
  const ctx: RenderContext = {
    width: WIDTH,
    ...map,
    expression: (value) => {
      const marked = figureOfComment(value);
      return marked === undefined ? undefined : figure(marked, root, url, ctx);
    },
    component: (element) => figure(figureOfElement(element), root, url, ctx),
    // `{commit('<sha12>')}` as the kernel document writes it (a page that
    // imports commitReference as `commit` renders the same reference), and
    // the release words of the release table; anything else would vanish
    // from the export, so it stops the build.
    inlineExpression: (value) => {
      const text = commitExpressionText(value) ?? releaseExpressionText(value);
      if (text === undefined) throw new Error(`${url}: no ReST rendering for the expression {${value}}`);
      return text;
    },
  };
  return ctx;
}

// Boolean parameters as markers (`fwb=on`) and as JSX (`fwb={true}`) write them.
const SWITCH: Readonly<Record<string, boolean>> = { on: true, true: true, off: false, false: false };

function figure({ name, params }: Figure, root: string, url: string, ctx: RenderContext): string {
  if (name === 'RaceFigure') {
    // A shipped scenario's name, as the attribute `what` gives it.
    const shippedName = (value: string, what: string): string => {
      if (!/^[\w-]+$/.test(value)) throw new Error(`${url}: RaceFigure needs ${what}="<name in scenarios/>" for the export, not '${value}'`);
      return value;
    };
    const scenario = shippedName(params.get('scenario') ?? '', 'scenario');
    // The figure's one control switches to another shipped scenario (RaceFigure.astro): show that one too.
    const control = params.get('control');
    const state = params.has('on') ? 'on' : 'off';
    const other = params.get(state);
    if (control === undefined || other === undefined) return renderMarkdown(raceFigure(root, scenario), ctx);
    return renderMarkdown(`${raceFigure(root, scenario)}\n\nWith the figure's control ${state} (“${control}”):\n\n${raceFigure(root, shippedName(other, state))}`, ctx);
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
  if (name === 'QuestionFigure') return renderMarkdown(questionFigure(params, url), ctx);
  // A figure asked first (src/components/AskFirst.astro): its question, then the note for the figure.
  const question = name === 'AskFirst' ? params.get('question') : undefined;
  return renderMarkdown(question === undefined ? interactiveNote() : `${question}\n\n${interactiveNote()}`, ctx);
}

function renderMarkdown(markdown: string, ctx: RenderContext): string {
  return renderBlocks(parseMarkdown(markdown).children, ctx);
}

function renderChapter(page: SourcePage, ctx: RenderContext): string {
  const label = chapterLabel(page.slug);
  return [targetLabel(label), sectionTitle(page.title, 1), renderBlocks(page.tree.children, ctx)].join('\n\n');
}

/** A page as the export shows it: without its Sources list and without pointers to the downloads. */
function forExport(page: SourcePage): SourcePage {
  const children: RootContent[] = [];
  let skipping = false;
  for (const node of page.tree.children) {
    if (node.type === 'heading' && node.depth <= 2) skipping = toString(node) === 'Sources';
    const pointsHere = node.type === 'paragraph' && linksOf(node).some((link) => DOWNLOADS.has(link.url));
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
