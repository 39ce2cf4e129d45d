import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { guardPage, sitemapPaths, useTheme } from './site.ts';

const paths = sitemapPaths();

test('the sitemap lists the home page and the guide', () => {
  expect(paths).toContain('/');
  expect(paths.some((p) => p.startsWith('/guide/'))).toBe(true);
});

for (const path of paths) {
  test(`${path} loads with status 200, no console error and no foreign request, and links out only through well-formed https URLs`, async ({ page, baseURL }) => {
    const guard = guardPage(page, new URL(baseURL!).origin);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(guard.consoleErrors).toEqual([]);
    expect(guard.foreignRequests).toEqual([]);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const outbound = hrefs.filter((href) => /^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(baseURL!));
    const malformed = outbound.filter((href) => {
      try {
        const url = new URL(href);
        return !(url.protocol === 'https:' && url.hostname.includes('.')) && url.protocol !== 'mailto:';
      } catch {
        return true;
      }
    });
    expect(malformed).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}

test('search works offline on the built site', async ({ page, baseURL }) => {
  const guard = guardPage(page, new URL(baseURL!).origin);
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  await page.getByRole('search').getByRole('textbox').fill('Normal-NC');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  expect(guard.foreignRequests).toEqual([]);
});
