/**
 * What the end-to-end specs share: the list of built pages (read from the
 * sitemap the build wrote, or from the pages themselves when it wrote none,
 * as without SITE_URL; so a new page is covered without editing a spec)
 * and a guard that records console errors and requests to other hosts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** Paths of every built page, e.g. `/guide/overview/`. */
export function sitemapPaths(): string[] {
  if (!existsSync('dist/index.html')) throw new Error('no dist/index.html: build the site first');
  const files = readdirSync('dist').filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (files.length === 0) {
    const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f === 'index.html' || f.endsWith('/index.html'));
    return pages.map((f) => `/${f.slice(0, -'index.html'.length)}`).sort();
  }
  return files.flatMap((file) =>
    [...readFileSync(`dist/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
}

export interface PageGuard {
  readonly consoleErrors: string[];
  readonly foreignRequests: string[];
}

/** Records console errors, uncaught exceptions and any request that leaves the local server. */
export function guardPage(page: Page, origin: string): PageGuard {
  const guard: PageGuard = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => guard.consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) guard.foreignRequests.push(url);
  });
  return guard;
}

export type Theme = 'light' | 'dark';

/** Starlight reads the theme from localStorage before first paint. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/**
 * Waits until the island holding `selector` has hydrated (Astro drops the
 * island's `ssr` attribute then), scrolling it into view first so that a
 * `client:visible` island starts. Before that, controls show the server's
 * HTML and ignore input.
 */
export async function hydrated(page: Page, selector: string): Promise<void> {
  await page.locator(`astro-island ${selector}`).first().scrollIntoViewIfNeeded();
  await page.locator(`astro-island:not([ssr]) ${selector}`).first().waitFor();
}

/** The race explorer's scenario editor (CodeMirror), by its accessible name. */
export const scenarioEditor = (page: Page | Locator): Locator => page.getByRole('textbox', { name: 'Scenario text', exact: true });

/**
 * The editor's code loads when the reader first opens it (a dynamic import):
 * on a loaded two-core machine that can take longer than the default 5 s.
 */
export const EDITOR_LOAD = { timeout: 20_000 };

/**
 * Opens the race explorer's editor, unless it is open, and waits until it
 * is there. The first run is let finish first: its result changes the
 * layout under the pointer, and on a loaded machine a click aimed at the
 * summary while it renders was seen to land elsewhere (the editor never
 * opened), so the click is also repeated while the section stays closed.
 */
export async function openScenarioEditor(page: Page | Locator): Promise<void> {
  await expect(page.locator('.run [role=status]').first()).toHaveText(/^(Checked|No result|Cancelled|Nothing was run)/, EDITOR_LOAD);
  const section = page.locator('details.edit').first();
  await expect(async () => {
    if (!(await section.evaluate((d: HTMLDetailsElement) => d.open))) await section.getByText('Edit the scenario', { exact: true }).click();
    await expect(scenarioEditor(page)).toBeVisible({ timeout: 5_000 });
  }).toPass(EDITOR_LOAD);
}

/**
 * The editor's text: CodeMirror draws each line of it as a `.cm-line`, but
 * only the lines near the window's viewport, so the editor is scrolled into
 * view first.
 */
export async function editorText(page: Page | Locator): Promise<string> {
  const content = page.locator('.cm-content').first();
  if (await content.isVisible()) await content.scrollIntoViewIfNeeded();
  return (await page.locator('.cm-content .cm-line').allTextContents()).join('\n');
}

/** Waits until the editor shows this text (or a text that matches, or, with `not`, until it does not). */
export async function expectEditor(page: Page | Locator, expected: string | RegExp, not = false): Promise<void> {
  const poll = expect.poll(() => editorText(page));
  if (typeof expected === 'string') await (not ? poll.not.toBe(expected) : poll.toBe(expected));
  else await (not ? poll.not.toMatch(expected) : poll.toMatch(expected));
}

/**
 * Clicks the race explorer's Cancel from inside the page when its status
 * first reports states explored: the engine ends a run within its state
 * budget in about a second, which a click sent by the test could miss on a
 * busy machine; the page clicking on the worker's first progress message
 * cannot. `on-load` arms it for the next page load (a link's own run).
 */
export async function cancelOnProgress(page: Page, when: 'now' | 'on-load' = 'now'): Promise<void> {
  const arm = (): void => {
    const observer = new MutationObserver(() => {
      const run = document.querySelector('.race-explorer .run');
      if (!/^Exploring… [1-9]/.test(run?.querySelector('[role=status]')?.textContent ?? '')) return;
      observer.disconnect();
      [...(run?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Cancel')?.click();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  };
  if (when === 'now') await page.evaluate(arm);
  else await page.addInitScript(arm);
}
