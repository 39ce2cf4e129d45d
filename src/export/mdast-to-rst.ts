/**
 * Renders the mdast of one MDX page as kernel-style reStructuredText.
 * Only what the guide pages use is covered; any other node stops the
 * build with its position, so nothing is silently lost from the export.
 * Decisions that need the whole document (where a link points, which
 * headings need a label, what replaces a widget) are asked of the
 * RenderContext.
 */
import type { Heading, List, PhrasingContent, RootContent, Table } from 'mdast';
import type {} from 'remark-mdx';
import { toString } from 'mdast-util-to-string';
import { renderTable } from './rst-table.ts';
import {
  escapeText,
  fill,
  hardSpaces,
  indent,
  joinPieces,
  markup,
  plain,
  softSpaces,
  type Piece,
} from './rst-text.ts';

/** Where a link points: a URI, a labelled section, or nowhere (the text stays, the link goes). */
export type LinkTarget = { readonly uri: string } | { readonly section: string } | { readonly textOnly: true };

/** An embedded component such as `<CombineMatrix fwb={false} />`. */
export type JsxElement = Extract<RootContent, { type: 'mdxJsxFlowElement' }>;

export interface RenderContext {
  /** Maximum line length for filled text at this indentation. */
  readonly width: number;
  /** Where a link points: an absolute URI, or a labelled section of this document. */
  readonly linkTarget: (url: string) => LinkTarget;
  /** Explicit target name to put before a heading that something links to. */
  readonly headingLabel: (heading: Heading) => string | undefined;
  /** ReST standing in for an MDX expression (a `{/* widget: ... *\/}` marker); undefined drops it. */
  readonly expression: (value: string) => string | undefined;
  /** ReST standing in for an embedded component; undefined drops it. */
  readonly component: (element: JsxElement) => string | undefined;
  /**
   * Inline ReST (already escaped) standing in for an inline MDX expression
   * such as `{commit('c034ec84e879')}`; undefined, or no handler, drops it.
   */
  readonly inlineExpression?: (value: string) => string | undefined;
  /**
   * Added to a Markdown heading's depth to give its ReST level: 0 when
   * the page is a chapter of a larger document (`##` is a section), -1
   * when the page is the whole document (`##` is a chapter).
   */
  readonly headingShift?: number;
}

// Documentation/doc-guide/sphinx.rst: the document title is overlined and
// underlined with '=', then chapters use '=', sections '-', subsections '~'.
const ADORNMENTS = ['=', '=', '-', '~'] as const;

/** A section title at `level` (0: document title, 1: chapter, 2: section, 3: subsection). */
export function sectionTitle(text: string, level: number): string {
  const char = ADORNMENTS[level];
  if (char === undefined) throw new Error(`no kernel heading adornment for level ${level}: "${text}"`);
  const rule = char.repeat(text.length);
  return level === 0 ? `${rule}\n${text}\n${rule}` : `${text}\n${rule}`;
}

export function targetLabel(name: string): string {
  return `.. _${name}:`;
}

/** A literal block: shown verbatim in monospace, as kernel documents do with `::`. */
export function literalBlock(text: string): string {
  return `::\n\n${literalBody(text)}`;
}

function literalBody(text: string): string {
  return indent(text.replace(/\s+$/, ''), '    ');
}

export function renderBlocks(nodes: readonly RootContent[], ctx: RenderContext): string {
  const blocks: string[] = [];
  nodes.forEach((node, i) => {
    // A paragraph ending in a colon introduces the literal block after it
    // in the kernel's way, "text::", which docutils shows as "text:".
    if (node.type === 'code' && nodes[i - 1]?.type === 'paragraph' && blocks.at(-1)?.endsWith(':')) {
      blocks.push(`${blocks.pop() ?? ''}:\n\n${literalBody(node.value)}`);
      return;
    }
    const block = renderBlock(node, ctx);
    if (block !== undefined && block !== '') blocks.push(block);
  });
  return blocks.join('\n\n');
}

function renderBlock(node: RootContent, ctx: RenderContext): string | undefined {
  switch (node.type) {
    case 'heading': {
      const label = ctx.headingLabel(node);
      const title = sectionTitle(softSpaces(renderInline(node.children, ctx)), node.depth + (ctx.headingShift ?? 0));
      return label === undefined ? title : `${targetLabel(label)}\n\n${title}`;
    }
    case 'paragraph':
      return fill(renderInline(node.children, ctx), ctx.width).join('\n');
    case 'list':
      return renderList(node, ctx);
    case 'table':
      return renderGfmTable(node, ctx);
    case 'code':
      return literalBlock(node.value);
    case 'blockquote':
      return indent(renderBlocks(node.children, { ...ctx, width: ctx.width - 4 }), '    ');
    case 'mdxFlowExpression':
      return ctx.expression(node.value);
    case 'mdxJsxFlowElement':
      return ctx.component(node);
    case 'mdxjsEsm':
    case 'yaml':
      return undefined;
    default:
      throw new Error(`no ReST rendering for mdast '${node.type}' at line ${node.position?.start.line ?? '?'}`);
  }
}

function renderList(list: List, ctx: RenderContext): string {
  const start = list.start ?? 1;
  const items = list.children.map((item, i) => {
    const marker = list.ordered ? `${start + i}. ` : '- ';
    const body = renderBlocks(item.children, { ...ctx, width: ctx.width - marker.length });
    // The body is indented to line up with the text after the marker.
    return marker + indent(body, ' '.repeat(marker.length)).slice(marker.length);
  });
  // Items of one paragraph each stay compact; anything longer needs blank lines.
  return items.join(items.some((item) => item.includes('\n\n')) ? '\n\n' : '\n');
}

function renderGfmTable(table: Table, ctx: RenderContext): string {
  return renderTable(
    table.children.map((row) => row.children.map((cell) => renderInline(cell.children, ctx))),
    ctx.width,
  );
}

/** Inline content as one line of ReST, with hard spaces where it must not be filled. */
export function renderInline(nodes: readonly PhrasingContent[], ctx: RenderContext): string {
  return joinPieces(nodes.flatMap((node) => inlinePieces(node, ctx, undefined)));
}

type Style = '*' | '**';

function inlinePieces(node: PhrasingContent, ctx: RenderContext, style: Style | undefined): Piece[] {
  switch (node.type) {
    case 'text':
      return style === undefined ? [plain(escapeText(node.value))] : styled(node.value, style);
    case 'inlineCode':
      return [markup('``' + hardSpaces(node.value) + '``')];
    case 'emphasis':
      return node.children.flatMap((child) => inlinePieces(child, ctx, '*'));
    case 'strong':
      return node.children.flatMap((child) => inlinePieces(child, ctx, '**'));
    case 'link':
      return [linkPiece(toString(node), node.url, ctx)];
    case 'break':
      return [plain(' ')];
    case 'mdxTextExpression': {
      const text = ctx.inlineExpression?.(node.value);
      return text === undefined ? [] : [plain(text)];
    }
    default:
      throw new Error(`no ReST rendering for inline mdast '${node.type}' at line ${node.position?.start.line ?? '?'}`);
  }
}

/**
 * ReST cannot nest inline markup, so emphasis applies to the text runs
 * inside it (a literal inside bold text stays a literal), and whitespace or
 * punctuation at the edges of a run stays outside the markup.
 */
function styled(value: string, style: Style): Piece[] {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(value);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (!/[\p{L}\p{N}]/u.test(core)) return [plain(escapeText(value))];
  return [plain(lead), markup(style + escapeText(core) + style), plain(trail)];
}

/**
 * A link becomes an anonymous hyperlink, `text <target>`__, so repeated
 * link texts ("lore", "commit") never clash; a bare URL stays bare, which
 * docutils recognises as a standalone hyperlink.
 */
function linkPiece(text: string, url: string, ctx: RenderContext): Piece {
  if (text === url) return plain(url);
  const to = ctx.linkTarget(url);
  if ('textOnly' in to) return plain(escapeText(text));
  const label = text.replace(/\s+/g, ' ').trim().replace(/[\\`<]/g, '\\$&');
  // A trailing underscore inside the brackets marks an alias of a target name.
  const target = 'section' in to ? `${to.section}_` : to.uri.replace(/_$/, '\\_');
  return markup(`\`${label} <${target}>\`__`);
}
