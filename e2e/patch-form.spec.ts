import { expect, test } from '@playwright/test';
import { formatPatch, parseAuthor } from '../src/engine/patch/index.ts';
import { buildKernelDocument } from '../src/export/kernel-doc.ts';
import { PATCH_FILE, patchInput } from '../src/export/kernel-patch.ts';
import { hydrated } from './site.ts';

const root = new URL('..', import.meta.url).pathname;

test.describe('the Documentation patch form', () => {
  test('builds, in the page, the same patch as the command line, under the name given', async ({ page }) => {
    const expected = formatPatch(patchInput(await buildKernelDocument(root)), parseAuthor('Björn Töpel <bjorn@example.org>'));
    await page.goto('/reference/kernel-patch/');
    await hydrated(page, '.patch-form');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Björn Töpel');
    await page.getByRole('textbox', { name: 'Your e-mail address' }).fill('bjorn@example.org');
    await page.getByRole('button', { name: 'Make the patch' }).click();
    const download = page.getByRole('link', { name: `Download ${PATCH_FILE}` });
    await expect(download).toBeVisible();
    const href = (await download.getAttribute('href')) ?? '';
    expect(decodeURIComponent(href.replace(/^data:text\/plain;charset=utf-8,/, ''))).toBe(expected);
    await page.getByText('Plain text', { exact: true }).click();
    await expect(page.locator('.patch-form pre')).toContainText('From: =?UTF-8?q?Bj=C3=B6rn=20T=C3=B6pel?= <bjorn@example.org>');
  });

  test('refuses an address that can take no reply, and says why', async ({ page }) => {
    await page.goto('/reference/kernel-patch/');
    await hydrated(page, '.patch-form');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Project');
    await page.getByRole('textbox', { name: 'Your e-mail address' }).fill('docs@project.invalid');
    await page.getByRole('button', { name: 'Make the patch' }).click();
    await expect(page.getByRole('alert')).toContainText('reserved never to exist');
    await expect(page.getByRole('link', { name: /^Download / })).toHaveCount(0);
  });

  test('shows the recipients from MAINTAINERS', async ({ page }) => {
    await page.goto('/reference/kernel-patch/');
    await expect(page.getByText('To: Marc Zyngier <maz@kernel.org>').first()).toBeVisible();
  });
});
