/**
 * The kernel document: src/kernel-doc/device-memory.mdx rendered as the
 * Documentation/ file it proposes, by the same converter as the long form
 * but under the kernel's rules: the page is the whole document (its `##`
 * headings are chapters), it links only to its own sections and to https
 * URLs, commits are cited from the commits table, and its one table comes
 * from the combining engine. Anything else in the MDX stops the build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { commitReference } from '../engine/kvm/kernel-commits.ts';
import { findMail, MAILS_TABLE } from '../sources/mails.ts';
import { commitOfExpression } from './commit-citations.ts';
import { nodesOf, linksOf } from './document-map.ts';
import { figureOfComment } from './figures.ts';
import type { Heading } from 'mdast';
import { renderBlocks, sectionTitle, type RenderContext } from './mdast-to-rst.ts';
import { outcomeTable } from './outcome-table.ts';
import { parsePage } from './pages.ts';
import { escapeText, HARD_SPACE } from './rst-text.ts';

export const KERNEL_DOC_SOURCE = 'src/kernel-doc/device-memory.mdx';

/** What the patch needs besides the document: from the MDX front matter. */
export interface PatchMeta {
  /** ISO date of the patch's commit. */
  readonly date: string;
  readonly subject: string;
  /** The commit message body, without the Link: tags. */
  readonly message: string;
  /** Message-ids of the threads, one `Link:` tag each. */
  readonly threads: readonly string[];
}

export interface KernelDocument {
  /** Path in the kernel tree, e.g. `Documentation/virt/kvm/arm/device-memory.rst`. */
  readonly path: string;
  readonly title: string;
  readonly rst: string;
  readonly patch: PatchMeta;
}

function field(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (value instanceof Date) return value.toISOString();
  throw new Error(`${KERNEL_DOC_SOURCE}: front matter needs '${name}'`);
}

function frontMatter(source: string): { path: string; patch: PatchMeta } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  const data: unknown = match === null ? undefined : parseYaml(match[1] ?? '');
  if (typeof data !== 'object' || data === null) throw new Error(`${KERNEL_DOC_SOURCE}: no front matter`);
  const record = data as Record<string, unknown>;
  const threads = record.threads;
  if (!Array.isArray(threads) || threads.length === 0 || !threads.every((t) => typeof t === 'string' && /^\S+@\S+$/.test(t))) {
    throw new Error(`${KERNEL_DOC_SOURCE}: front matter needs 'threads', a list of message-ids`);
  }
  const unknown = (threads as string[]).filter((t) => findMail(t) === undefined);
  if (unknown.length > 0) throw new Error(`${KERNEL_DOC_SOURCE}: threads ${unknown.join(', ')} are not in ${MAILS_TABLE}`);
  return {
    path: field(record, 'file'),
    patch: {
      date: field(record, 'date'),
      subject: field(record, 'subject'),
      message: field(record, 'message').trimEnd(),
      threads: threads as string[],
    },
  };
}

/**
 * The ReST for an inline `{commit('c034ec84e879')}`: `commit c034ec84e879
 * ("subject")` from the commits table, the id kept on the line of the word
 * `commit`; undefined for any other expression.
 */
export function commitExpressionText(expression: string): string | undefined {
  const sha = commitOfExpression(expression);
  return sha === undefined ? undefined : escapeText(commitReference(sha)).replace(' ', HARD_SPACE);
}

export function renderKernelDocument(source: string): KernelDocument {
  const { path, patch } = frontMatter(source);
  const name = path.replace(/^.*\//, '').replace(/\.rst$/, '');
  const page = parsePage(name, source);
  const where = (what: string) => `${KERNEL_DOC_SOURCE}: ${what}`;

  // Labels only where a `#id` link points, each prefixed with the file's name.
  const byId = new Map([...page.headingIds].map(([heading, id]) => [id, heading]));
  const labels = new Map<Heading, string>();
  for (const { url } of linksOf(page.tree)) {
    if (!url.startsWith('#')) continue;
    const heading = byId.get(url.slice(1));
    if (heading === undefined) throw new Error(where(`link '${url}' names no heading`));
    labels.set(heading, `${name}-${url.slice(1)}`);
  }

  const ctx: RenderContext = {
    width: 72,
    headingShift: -1,
    linkTarget: (url) => {
      if (url.startsWith('#')) return { section: `${name}-${url.slice(1)}` };
      if (url.startsWith('https://')) return { uri: url };
      throw new Error(where(`link '${url}': a kernel document links to its own sections and to https URLs only`));
    },
    headingLabel: (heading) => labels.get(heading),
    expression: (value) => {
      const figure = figureOfComment(value);
      if (figure?.name === 'KvmOutcome') return outcomeTable();
      if (figure !== undefined) throw new Error(where(`'${figure.name}' has no rendering in a kernel document`));
      return undefined;
    },
    component: (element) => {
      throw new Error(where(`component <${element.name ?? ''}> has no place in a kernel document`));
    },
    inlineExpression: (value) => {
      const text = commitExpressionText(value);
      if (text === undefined) throw new Error(where(`inline expression {${value}} is not {commit('<12-digit id>')}`));
      return text;
    },
  };

  const deepest = Math.max(0, ...[...nodesOf(page.tree)].map((n) => (n.type === 'heading' ? n.depth : 0)));
  if (deepest > 4) throw new Error(where(`heading '${toString(page.tree)}' is deeper than a kernel subsection`));
  const rst = [
    '.. SPDX-License-Identifier: GPL-2.0',
    sectionTitle(page.title, 0),
    renderBlocks(page.tree.children, ctx),
  ].join('\n\n');
  return { path, title: page.title, rst: rst + '\n', patch };
}

/** The kernel document of the project at `root`. */
export async function buildKernelDocument(root: string): Promise<KernelDocument> {
  return renderKernelDocument(await readFile(join(root, KERNEL_DOC_SOURCE), 'utf8'));
}
