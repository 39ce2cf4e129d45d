/**
 * The import graph of the project's own sources, for the architecture
 * tests (architecture.test.ts): which file imports what, and the strongly
 * connected components of the graph, each of which holds a cycle when it
 * has more than one file (or a file importing itself).
 *
 * Every kind of reference that makes one module load, or need, another
 * counts: static imports and re-exports, type-only ones (an arrow is an
 * arrow for the reader even when the compiler erases it), dynamic
 * `import()`, and `new URL('…', import.meta.url)` (Web Workers, spawned
 * scripts). TypeScript's own scanner (`ts.preProcessFile`) finds the
 * imports, skipping strings and comments as a regular expression would
 * not; only the `new URL` form, which it does not report, is matched by
 * one (a comment spelling it out in full would count).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix, relative } from 'node:path';
import ts from 'typescript';

/** The file kinds whose imports are read; other files (.css, .json, .race) import nothing. */
const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.svelte', '.astro', '.mdx'];

export interface Import {
  /** As written, query suffix (`?raw`, `?url`) included. */
  readonly specifier: string;
  /** The project file it names (a path relative to the root, with `/`), when it is one of the sources. */
  readonly target: string | undefined;
}

/** Each source file (a path relative to the root, with `/`) and its imports, in order of appearance. */
export type ImportGraph = ReadonlyMap<string, readonly Import[]>;

const SCRIPT_BLOCK = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const CODE_FENCE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;
const ESM_PARAGRAPH = /^(?:import|export)\b/;
const URL_REFERENCE = /\bnew\s+URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The part of a file that is JavaScript: a Svelte component's `<script>`
 * blocks, an Astro component's frontmatter and `<script>` blocks, an MDX
 * page's ESM paragraphs (MDX reads a paragraph as ESM when it starts with
 * `import` or `export`; fenced code is prose, however it starts).
 */
export function scriptOf(path: string, text: string): string {
  const scripts = (): string[] => [...text.matchAll(SCRIPT_BLOCK)].map((m) => m[1] ?? '');
  switch (extname(path)) {
    case '.svelte':
      return scripts().join('\n');
    case '.astro':
      return [FRONTMATTER.exec(text)?.[1] ?? '', ...scripts()].join('\n');
    case '.mdx':
      return text
        .replace(FRONTMATTER, '')
        .replace(CODE_FENCE, '')
        .split(/\r?\n\s*\r?\n/)
        .filter((paragraph) => ESM_PARAGRAPH.test(paragraph))
        .join('\n');
    default:
      return text;
  }
}

/** The module specifiers a piece of JavaScript or TypeScript refers to. */
export function specifiersOf(code: string): string[] {
  const scanned = ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);
  const urls = [...code.matchAll(URL_REFERENCE)].map((m) => m[2] ?? '');
  return [...scanned, ...urls];
}

/**
 * The source file a specifier names: relative ones from the importing
 * file, `/`-rooted ones from the project root (Vite's convention), with
 * any query suffix dropped; packages and files outside `files` name none.
 */
export function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const path = specifier.replace(/[?#].*$/, '');
  let resolved: string;
  if (path.startsWith('./') || path.startsWith('../')) resolved = posix.join(posix.dirname(from), path);
  else if (path.startsWith('/')) resolved = posix.normalize(path.slice(1));
  else return undefined;
  return files.has(resolved) ? resolved : undefined;
}

/** The source files under `dirs` (relative to `root`), as root-relative paths with `/`. */
export function listSources(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => SOURCE_EXTENSIONS.includes(extname(name)))
      .map((name) => relative(root, join(root, dir, name)).split(/[\\/]/).join('/')),
  ).sort();
}

/** The import graph of the given files, read from disk under `root`. */
export function importGraph(root: string, paths: readonly string[]): ImportGraph {
  const files = new Set(paths);
  return new Map(
    paths.map((path) => {
      const code = scriptOf(path, readFileSync(join(root, path), 'utf8'));
      const imports = specifiersOf(code).map((specifier) => ({ specifier, target: resolveSpecifier(path, specifier, files) }));
      return [path, imports] as const;
    }),
  );
}

/** The graph's edges between its own files, each target once. */
function edges(graph: ImportGraph, path: string): string[] {
  const targets = (graph.get(path) ?? []).map((i) => i.target).filter((t): t is string => t !== undefined && graph.has(t));
  return [...new Set(targets)];
}

/** Tarjan's strongly connected components, each starting with the file the search entered it by. */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(graph, v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    components.push(component.reverse());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return components;
}

export interface Cycle {
  /** One shortest loop through the component's first file, which ends where it starts. */
  readonly loop: readonly string[];
  /** Every import between two files of the component, each file with those it imports: all the arrows one might cut. */
  readonly arrows: ReadonlyMap<string, readonly string[]>;
}

/** The components that hold a cycle (more than one file, or a file importing itself). */
export function cycles(graph: ImportGraph): Cycle[] {
  return stronglyConnected(graph)
    .filter((c) => c.length > 1 || edges(graph, c[0] ?? '').includes(c[0] ?? ''))
    .map((members) => {
      const inside = new Set(members);
      const arrows = new Map(members.map((m) => [m, edges(graph, m).filter((t) => inside.has(t))]));
      return { loop: shortestLoop(graph, members[0] ?? '', inside), arrows };
    });
}

/** Breadth first from `start` through the files of its component, back to `start`. */
function shortestLoop(graph: ImportGraph, start: string, inside: ReadonlySet<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] ?? '';
    for (const w of edges(graph, v)) {
      if (w === start) {
        const path = [v];
        for (let p = parent.get(v); p !== undefined; p = parent.get(p)) path.push(p);
        return [...path.reverse(), start];
      }
      if (inside.has(w) && !parent.has(w) && w !== start) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

