import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

test('race fenced blocks are highlighted at build time, each kind of token in its own colour', async ({ page }) => {
  await page.goto('/reference/cli/');
  const block = page.locator('pre', { hasText: 'guest-s1' }).first();
  const colour = (text: string) => block.locator('span', { hasText: new RegExp(`^${text}$`) }).first().getAttribute('style');
  const styles = await Promise.all(['guest-s1', 'unmap-s2', '0x0', 'Normal-NC'].map(colour));
  for (const style of styles) expect(style).toMatch(/--0:#/);
  expect(new Set(styles).size).toBe(styles.length);
});

test('no syntax highlighter is shipped to the browser', () => {
  const scripts = readdirSync('dist/_astro').filter((f) => f.endsWith('.js') || f.endsWith('.wasm'));
  const highlighters = scripts.filter((f) => /shiki|onig|textmate/i.test(f) || /createHighlighter|vscode-textmate/.test(readFileSync(`dist/_astro/${f}`, 'utf8')));
  expect(highlighters).toEqual([]);
});
