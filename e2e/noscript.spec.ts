/**
 * With JavaScript off, a playground opened through a link with parameters
 * shows its server-rendered default; a note beside the result says so and
 * names the parameters, the page that explains them and the CLI command.
 * With JavaScript on, the note is not shown.
 */
import { test, expect } from '@playwright/test';

const playgrounds = [
  { path: '/play/combine/?s1=0x04&s2=0x1', result: /^Combined result: Normal-NC$/, params: 's1, s1sh, s2, s2sh, fwb, cd, kvm', cli: 'combine --s1' },
  { path: '/play/mair/?mair=0xf0', result: /^Decoded: 0x44 is Normal-NC$/, params: 'mair', cli: 'combine --s1 <mair>' },
  { path: '/play/kvm/?kernel=6.8', result: /^KVM /, params: 'kernel, backing', cli: 'kvm --kernel <kernel>' },
  { path: '/play/race/?scenario=soc-nc-unmap-ctrl', result: /^Verdict: /, params: 'scenario', cli: 'race scenarios/<scenario>.race' },
];

for (const p of playgrounds) {
  test.describe(`${p.path} without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });
    test('shows the default result with a note that the link’s state needs JavaScript', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.getByRole('heading', { name: p.result })).toBeVisible();
      const note = page.locator('.noscript-note');
      await expect(note).toHaveCount(1);
      await expect(note).toBeVisible();
      await expect(note).toContainText('JavaScript is off: this shows the default state');
      await expect(note).toContainText(`(${p.params}`);
      await expect(note).toContainText(p.cli);
      await expect(note.getByRole('link', { name: 'Links and URL parameters' })).toHaveAttribute('href', /^\/reference\/links\//);
    });
  });

  test(`${p.path} with JavaScript shows no such note`, async ({ page }) => {
    await page.goto(p.path, { waitUntil: 'networkidle' });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.locator('.noscript-note')).toHaveCount(0);
  });
}
