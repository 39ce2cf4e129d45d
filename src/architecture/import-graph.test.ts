import { describe, expect, it } from 'vitest';
import { cycles, type Import, type ImportGraph, resolveSpecifier, scriptOf, specifiersOf, stronglyConnected } from './import-graph.ts';

/** A graph from `file: [targets]`, every target a file of the graph. */
const graphOf = (edges: Record<string, string[]>): ImportGraph =>
  new Map(Object.entries(edges).map(([file, targets]) => [file, targets.map((t): Import => ({ specifier: t, target: t }))]));

describe('import graph', () => {
  it('finds every kind of import, type-only, dynamic and worker URLs included, and none in comments or strings', () => {
    const code = [
      "import type { A } from './a.ts';",
      "export type * from './b.ts';",
      "export { c } from './c.ts';",
      "import './d.ts';",
      "const e = await import('./e.ts');",
      "new Worker(new URL('./f.ts', import.meta.url), { type: 'module' });",
      "import text from './g.mdx?raw';",
      "// import h from './h.ts';",
      "const s = \"import i from './i.ts'\";",
    ].join('\n');
    expect(specifiersOf(code).sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.mdx?raw']);
  });

  it('reads the script of components and the ESM of MDX pages only', () => {
    const svelte = "<script module>import A from './a.ts';</script>\n<script lang=\"ts\">\n  import B from './b.svelte';\n</script>\n<p>import C from './c.ts'</p>";
    expect(specifiersOf(scriptOf('X.svelte', svelte))).toEqual(['./a.ts', './b.svelte']);
    const astro = "---\nimport A from './a.ts';\n---\n<p>import B from './b.ts'</p>\n<script>import C from './c.ts';</script>";
    expect(specifiersOf(scriptOf('X.astro', astro))).toEqual(['./a.ts', './c.ts']);
    const mdx = [
      '---',
      "title: import A from './a.ts'",
      '---',
      "import B from './b.astro';",
      'import {',
      '  C,',
      "} from './c.ts';",
      '',
      "Prose: import D from './d.ts'.",
      '',
      '```ts',
      "import E from './e.ts';",
      '',
      "import F from './f.ts';",
      '```',
      '',
      "export { G } from './g.ts';",
    ].join('\n');
    expect(specifiersOf(scriptOf('x.mdx', mdx))).toEqual(['./b.astro', './c.ts', './g.ts']);
  });

  it('resolves relative and root-relative specifiers to sources, without their query, and no packages', () => {
    const files = new Set(['src/a/b.ts', 'src/c.mdx']);
    expect(resolveSpecifier('src/a/x.ts', './b.ts', files)).toBe('src/a/b.ts');
    expect(resolveSpecifier('src/a/x.ts', '../c.mdx?raw', files)).toBe('src/c.mdx');
    expect(resolveSpecifier('scripts/y.ts', '/src/a/b.ts', files)).toBe('src/a/b.ts');
    expect(resolveSpecifier('src/a/x.ts', '../../CHANGES?raw', files)).toBeUndefined();
    expect(resolveSpecifier('src/a/x.ts', 'svelte', files)).toBeUndefined();
  });

  it('finds no cycle in a diamond, and each cycle with a shortest loop through it', () => {
    expect(cycles(graphOf({ top: ['left', 'right'], left: ['bottom'], right: ['bottom'], bottom: [] }))).toEqual([]);
    expect(stronglyConnected(graphOf({ top: ['left', 'right'], left: ['bottom'], right: ['bottom'], bottom: [] }))).toHaveLength(4);
    const found = cycles(graphOf({ a: ['b'], b: ['c', 'a'], c: ['a'], d: ['d', 'a'], e: ['a'] }));
    expect(found.map((c) => c.loop)).toEqual([
      ['a', 'b', 'a'],
      ['d', 'd'],
    ]);
    expect(found.map((c) => [...c.arrows])).toEqual([
      [
        ['a', ['b']],
        ['b', ['c', 'a']],
        ['c', ['a']],
      ],
      [['d', ['d']]],
    ]);
  });
});
