/**
 * The site deployed under a base path, as on a host that serves it at
 * `/kvm-device-memory/`: built once here with BASE_PATH and SITE_URL, then
 * served by a plain static file server (any host will do; this one knows
 * nothing about Astro), and every page and widget checked there: links,
 * the sitemap, Pagefind search, the race engine's Web Worker and the
 * archived engine modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { test, expect } from '@playwright/test';
import { MODEL_VERSION } from '../src/engine/version.ts';
import { guardPage, hydrated } from './site.ts';

const BASE = '/kvm-device-memory';
const OUT = 'dist-base';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.rst': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

let server: Server;
let origin = '';

/**
 * Serves OUT under BASE only: anything outside the base is a 404, as on a
 * shared host. Every response closes its connection: a kept-alive one that
 * the server times out (5 s idle) just as the test's request client
 * reuses it fails that request with ECONNRESET, as it once did.
 */
function serve(port: number): Promise<Server> {
  const s = createServer((request, response) => {
    response.setHeader('connection', 'close');
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(`${BASE}/`)) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(join(OUT, path.slice(BASE.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(OUT) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(port, '127.0.0.1', () => resolve(s)));
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(300_000);
  const port = Number(new URL(String(testInfo.project.use.baseURL)).port) + 1;
  origin = `http://127.0.0.1:${port}`;
  execFileSync('npx', ['astro', 'build', '--outDir', OUT], { env: { ...process.env, BASE_PATH: `${BASE}/`, SITE_URL: origin }, stdio: 'ignore' });
  server = await serve(port);
});

test.afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function sitemap(): string[] {
  const index = readFileSync(join(OUT, 'sitemap-0.xml'), 'utf8');
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

test('the sitemap lists every page at SITE_URL under the base path', () => {
  const pages = sitemap();
  expect(pages.length).toBeGreaterThan(10);
  for (const page of pages) expect(page.startsWith(`${origin}${BASE}/`)).toBe(true);
});

test('every page loads under the base, and every link on it to this site resolves there', async ({ page, request }) => {
  test.setTimeout(180_000);
  const checked = new Set<string>();
  for (const url of sitemap()) {
    const guard = guardPage(page, origin);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const target = new URL(href);
      if (target.origin !== origin) continue;
      expect(target.pathname.startsWith(`${BASE}/`), `${url} links to ${href}`).toBe(true);
      const key = target.pathname;
      if (checked.has(key)) continue;
      checked.add(key);
      expect((await request.get(`${origin}${key}`)).status(), `${url} links to ${href}`).toBe(200);
    }
    expect(guard.consoleErrors, url).toEqual([]);
    expect(guard.foreignRequests, url).toEqual([]);
    page.removeAllListeners();
  }
});

test('the combining explorer computes, keeps its state in the URL and copies links under the base', async ({ page }) => {
  await page.goto(`${origin}${BASE}/play/combine/?s1=0x04`);
  await hydrated(page, '.combine-explorer');
  await expect(page.getByRole('heading', { name: /^Combined result: Device-nGnRE$/ })).toBeVisible();
  await page.getByLabel('FWB', { exact: true }).check();
  await expect(page).toHaveURL(new RegExp(`^${origin}${BASE}/play/combine/\\?v=${MODEL_VERSION}&s1=0x04&fwb=on$`));
  await page.getByText('Plain text', { exact: true }).first().click();
  await expect(page.locator('.combine-explorer pre').first()).toContainText(`${origin}${BASE}/play/combine/?v=${MODEL_VERSION}&s1=0x04&fwb=on`);
  await expect(page.getByRole('link', { name: 'Explained in the guide' })).toHaveAttribute('href', new RegExp(`^${BASE}/guide/`));
});

test('the race explorer runs its Web Worker from under the base', async ({ page }) => {
  await page.goto(`${origin}${BASE}/play/race/?scenario=soc-nc-unmap-ctrl`);
  await hydrated(page, '.race-explorer');
  await expect(page.getByRole('status').filter({ hasText: /^Checked: / })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Verdict: UNSAFE/ })).toBeVisible();
  await page.goto(`${origin}${BASE}/guide/reset-race/`);
  await expect(page.getByRole('link', { name: 'Open in the playground' }).first()).toHaveAttribute('href', new RegExp(`^${BASE}/play/race/\\?v=`));
});

test('the MAIR decoder decodes, and an old link loads the archived engine from under the base', async ({ page }) => {
  const engines: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/engines/')) engines.push(new URL(r.url()).pathname);
  });
  await page.goto(`${origin}${BASE}/play/mair/?v=1&mair=0x04`);
  await hydrated(page, '.mair-decoder');
  await expect(page.getByRole('heading', { name: /^Decoded: 0x04 is Device-nGnRE$/ })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Model version 1 gave the same answer as the current one.');
  expect(engines).toEqual([`${BASE}/engines/v1/engine.js`]);
});

test('Pagefind search finds pages and links to them under the base', async ({ page }) => {
  await page.goto(`${origin}${BASE}/`);
  const guard = guardPage(page, origin);
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('search').getByRole('textbox').fill('Normal-NC');
  const hit = page.locator('.pagefind-ui__result-link').first();
  await expect(hit).toBeVisible({ timeout: 15_000 });
  expect(await hit.getAttribute('href')).toMatch(new RegExp(`^${BASE}/`));
  expect(guard.consoleErrors).toEqual([]);
});
