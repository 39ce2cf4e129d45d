/**
 * The project's layering, checked on the sources as they are (issue 18,
 * "Arrows go one way" and "Engines know no front end"): no import cycle
 * anywhere in src/ and scripts/, and nothing under src/engine/ reaches
 * Node.js, the command line, Astro or Svelte, so every engine runs
 * unchanged in Node, a page and a Web Worker (and nothing under src/engine/
 * imports a widget, an Astro component or a route either). The README's Layout section
 * says what may import what.
 */
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, type Import, importGraph, listSources } from './import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(root, listSources(root, ['src', 'scripts']));

const FRONT_END_PACKAGE = /^(?:astro|@astrojs\/[^/]+|svelte)(?:\/|$)/;
/** Islands, Astro components and routes: what renders the engines' results, never what they need. */
const FRONT_END_FOLDER = /^src\/(?:widgets|components|pages)\//;

/** Why an engine may not import this, or undefined when it may. */
function frontEnd(i: Import): string | undefined {
  const path = i.specifier.replace(/[?#].*$/, '');
  if (path.startsWith('node:') || isBuiltin(path)) return 'a Node.js module';
  if (FRONT_END_PACKAGE.test(path)) return 'a front-end package';
  if (/\.(?:svelte|astro)$/.test(path)) return 'a component';
  if (i.target?.startsWith('src/cli/')) return 'the command line';
  if (FRONT_END_FOLDER.test(i.target ?? '')) return 'the front end';
  return undefined;
}

/**
 * Every front-end import an engine file makes or loads through a module
 * outside the engines (a shared helper such as src/shipped-scenarios.ts),
 * each with the shortest chain of imports from an engine file. A `?raw` or
 * `?url` import loads text, not the module, so it is not followed.
 */
function engineFrontEndImports(): string[] {
  const chains = [...graph.keys()].filter((path) => path.startsWith('src/engine/')).map((path) => [path]);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const chain of chains) {
    const file = chain[chain.length - 1] ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of graph.get(file) ?? []) {
      const why = frontEnd(i);
      if (why) found.push(`${chain.join(' -> ')} imports '${i.specifier}' (${why})`);
      else if (i.target !== undefined && !i.specifier.includes('?')) chains.push([...chain, i.target]);
    }
  }
  return found;
}

describe('architecture', () => {
  it('reads the sources it checks', () => {
    // A wrong root or a reader that finds no imports would pass the checks below vacuously.
    expect(graph.get('src/engine/race/index.ts')?.some((i) => i.target === 'src/engine/race/knobs.ts')).toBe(true);
    expect(graph.get('src/content/docs/play/race.mdx')?.map((i) => i.target)).toContain('src/components/RaceFigure.astro');
    expect(graph.has('scripts/release/corpus.ts')).toBe(true);
  });

  it('has no import cycle in src/ or scripts/', () => {
    const found = cycles(graph).map(({ loop, arrows }) => {
      const all = [...arrows].map(([file, targets]) => `${file} -> ${targets.join(', ')}`);
      return `${loop.join(' -> ')}; every import inside this cycle: ${all.join('; ')}`;
    });
    expect(found, 'import cycles').toEqual([]);
  });

  it('keeps the engines free of Node.js, the command line, Astro and Svelte', () => {
    expect(engineFrontEndImports(), 'front-end imports under src/engine/').toEqual([]);
  });
});
