/**
 * `npm run size`: for each built page, the gzip bytes of JavaScript it loads
 * before any interaction: its module and inline scripts, the components and
 * renderers of its islands, and everything those import statically (dynamic
 * imports and Web Workers load later and are listed apart).
 *
 * `--check` enforces the budgets: a page without islands loads no Svelte
 * runtime and at most 8 KB; a race page (its widgets are race explorers)
 * at most 40 KB (the engine runs in the worker, the editor loads when the
 * reader opens it); any other page with widgets at most 50 KB.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const budgetPlain = 8 * 1024;
const budgetWidgets = 50 * 1024;
const budgetRace = 40 * 1024;

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const gzipped = (text: string): number => gzipSync(text, { level: 9 }).length;

/** `import ... from "../x.js"`, `import "../x.js"`, `export ... from "../x.js"`: static edges only. */
const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+\.js)["']/g;
// Vite writes the worker's URL as a template literal: new Worker(new URL(`/_astro/x.js`, ...)).
const workerUrl = /new\s+Worker\(\s*new\s+URL\(\s*["'`]([^"'`]+\.js)["'`]/g;

interface Load {
  readonly files: Set<string>;
  readonly workers: Set<string>;
}

function follow(url: string, load: Load): void {
  if (load.files.has(url)) return;
  load.files.add(url);
  const code = readFileSync(join(dist, url), 'utf8');
  for (const m of code.matchAll(staticImport)) follow(posix.resolve(posix.dirname(url), m[1]!), load);
  for (const m of code.matchAll(workerUrl)) load.workers.add(posix.resolve(posix.dirname(url), m[1]!));
}

export interface PageSize {
  readonly page: string;
  readonly islands: number;
  /** Its widgets are race explorers (src/widgets/race/RaceExplorer.svelte), and nothing else. */
  readonly race: boolean;
  readonly inlineBytes: number;
  readonly files: readonly string[];
  readonly gzipTotal: number;
  readonly workers: readonly { url: string; gzip: number }[];
}

export function measure(htmlPath: string): PageSize {
  const html = readFileSync(htmlPath, 'utf8');
  const load: Load = { files: new Set(), workers: new Set() };
  // Inline scripts travel inside the one HTML response, so they are
  // compressed together; each external file is a response of its own.
  let inline = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) follow(src, load);
    else inline += m[2]! + '\n';
  }
  const inlineBytes = inline === '' ? 0 : gzipped(inline);
  const islands = [...html.matchAll(/<astro-island\b([^>]*)>/g)];
  const race = islands.length > 0 && islands.every((island) => /\bcomponent-url="[^"]*\/RaceExplorer\.[^"]*"/.test(island[1]!));
  for (const island of islands) {
    for (const m of island[1]!.matchAll(/\b(?:component|renderer|before-hydration)-url="([^"]+)"/g)) {
      if (m[1]) follow(m[1], load);
    }
  }
  const fileBytes = [...load.files].reduce((sum, url) => sum + gzipped(readFileSync(join(dist, url), 'utf8')), 0);
  return {
    page: '/' + htmlPath.slice(dist.length + 1).replace(/index\.html$/, ''),
    islands: islands.length,
    race,
    inlineBytes,
    files: [...load.files],
    gzipTotal: fileBytes + inlineBytes,
    workers: [...load.workers].map((url) => ({ url, gzip: gzipped(readFileSync(join(dist, url), 'utf8')) })),
  };
}

function main(check: boolean): number {
  const sizes = htmlPages(dist).map(measure).sort((a, b) => a.page.localeCompare(b.page));
  const kb = (n: number): string => (n / 1024).toFixed(1).padStart(6);
  console.log('gzip KB  budget  islands  page');
  const failures: string[] = [];
  for (const s of sizes) {
    const budget = s.islands === 0 ? budgetPlain : s.race ? budgetRace : budgetWidgets;
    const workers = s.workers.map((w) => ` + worker ${kb(w.gzip).trim()} KB`).join('');
    console.log(`${kb(s.gzipTotal)}  ${kb(budget)}  ${String(s.islands).padStart(7)}  ${s.page}${workers}`);
    const svelte = s.files.filter((f) => /svelte|client\.svelte/i.test(f));
    if (s.islands === 0 && svelte.length > 0) failures.push(`${s.page} has no widget but loads ${svelte.join(', ')}`);
    if (s.gzipTotal > budget) failures.push(`${s.page} loads ${s.gzipTotal} B gzip, over its ${budget} B budget`);
  }
  if (!sizes.some((s) => s.race)) failures.push('no race page found, so the race budget checked nothing');
  if (check) {
    for (const f of failures) console.error(`size: ${f}`);
    console.log(failures.length === 0 ? `size: ${sizes.length} pages within budget` : `size: ${failures.length} over budget`);
  }
  return check && failures.length > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = main(process.argv.includes('--check'));
