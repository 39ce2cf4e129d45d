/**
 * With JavaScript off, a playground opened through a link with parameters
 * shows its server-rendered example; a notice above the result says
 * prominently that the result is the page's own example, not the linked
 * state, and gives the command that answers the link in a terminal (and
 * the page that explains the parameters). With JavaScript on, the notice
 * is not shown.
 */
import { test, expect } from '@playwright/test';

const playgrounds = [
  { path: '/play/combine/?v=2&s1=0x04&s2=0x1', widget: '.combine-explorer', result: /^Combined result: Normal-NC$/, params: 's1, s1sh, s2, s2sh, fwb, cd, kvm' },
  { path: '/play/mair/?v=2&mair=0xf0', widget: '.mair-decoder', result: /^Decoded: 0x44 is Normal-NC$/, params: 'mair' },
  { path: '/play/kvm/?v=2&kernel=6.8', widget: '.kvm-explorer', result: /^KVM /, params: 'kernel, backing' },
  { path: '/play/race/?v=2&scenario=soc-nc-unmap-ctrl', widget: '.race-explorer', result: /^Verdict: /, params: 'scenario' },
];

for (const p of playgrounds) {
  test.describe(`${p.path} without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });
    test('says above the result that it is the page’s own example, and how to see the link’s state in a terminal', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.getByRole('heading', { name: p.result })).toBeVisible();
      const note = page.locator(`${p.widget} .noscript-note`);
      await expect(note).toHaveCount(1);
      await expect(note).toBeVisible();
      await expect(note).toContainText("JavaScript is off: the result below is this page's own example (");
      await expect(note).toContainText('not the state of a link');
      await expect(note).toContainText(`(${p.params}`);
      await expect(note.locator('code')).toHaveText("npm run -s cli -- link '<the address>'");
      await expect(note.getByRole('link', { name: 'Links and URL parameters' })).toHaveAttribute('href', /^\/reference\/links\/#/);
      // Prominent: before the result, not under it.
      const [noteTop, resultTop] = await Promise.all([note.boundingBox(), page.getByRole('heading', { name: p.result }).boundingBox()]);
      expect(noteTop!.y).toBeLessThan(resultTop!.y);
      // Nothing a reader without JavaScript could not use.
      await expect(page.getByRole('button', { name: 'Paste from email' })).toHaveCount(0);
    });
  });

  test(`${p.path} with JavaScript shows no such note`, async ({ page }) => {
    await page.goto(p.path, { waitUntil: 'networkidle' });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.locator('.noscript-note')).toHaveCount(0);
  });
}
