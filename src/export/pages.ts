/**
 * Reads the MDX pages of the docs collection into mdast, with the same
 * syntax extensions the site uses (MDX, GFM tables and autolinks, YAML
 * front matter), so the export renders exactly what the site renders.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

export interface SourcePage {
  /** The page's path on the site without slashes, e.g. `guide/contract`. */
  readonly slug: string;
  readonly title: string;
  /** Starlight's `sidebar.order`; pages without one sort last, as in the sidebar. */
  readonly order: number;
  /** The page body; the front matter is removed. */
  readonly tree: Root;
  /** Each heading's id on the site, the anchor that `/page/#id` links use. */
  readonly headingIds: ReadonlyMap<Heading, string>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

function frontMatter(tree: Root, slug: string): { title: string; order: number } {
  const first = tree.children[0];
  const data: unknown = first?.type === 'yaml' ? parseYaml(first.value) : undefined;
  if (typeof data !== 'object' || data === null || !('title' in data) || typeof data.title !== 'string') {
    throw new Error(`${slug}: front matter has no title`);
  }
  const sidebar: unknown = 'sidebar' in data ? data.sidebar : undefined;
  const order = typeof sidebar === 'object' && sidebar !== null && 'order' in sidebar ? sidebar.order : undefined;
  return { title: data.title, order: typeof order === 'number' ? order : Number.POSITIVE_INFINITY };
}

/** Starlight's heading ids: github-slugger over each heading's text, in page order. */
function headingIds(tree: Root): Map<Heading, string> {
  const slugger = new GithubSlugger();
  const ids = new Map<Heading, string>();
  for (const node of tree.children) if (node.type === 'heading') ids.set(node, slugger.slug(toString(node)));
  return ids;
}

/** Markdown or MDX without front matter, for text the export writes itself. */
export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

export function parsePage(slug: string, source: string): SourcePage {
  const tree = parser.parse(source);
  return {
    slug,
    ...frontMatter(tree, slug),
    tree: { ...tree, children: tree.children.filter((node) => node.type !== 'yaml') },
    headingIds: headingIds(tree),
  };
}

export async function loadPage(docsDir: string, slug: string): Promise<SourcePage> {
  return parsePage(slug, await readFile(join(docsDir, `${slug}.mdx`), 'utf8'));
}

/** Every page of one sidebar group, in sidebar order (then by file name, as Starlight sorts). */
export async function loadGroup(docsDir: string, directory: string): Promise<SourcePage[]> {
  const files = (await readdir(join(docsDir, directory))).filter((file) => file.endsWith('.mdx')).sort();
  const pages = await Promise.all(files.map((file) => loadPage(docsDir, `${directory}/${file.slice(0, -4)}`)));
  return pages.sort((a, b) => a.order - b.order);
}
