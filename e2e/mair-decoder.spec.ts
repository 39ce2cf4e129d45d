/**
 * The MAIR decoder, driven by accessible names and checked against the
 * engine (attrs/mair.ts) and the `mair` CLI command.
 */
import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { decodeS1 } from '../src/engine/attrs/index.ts';
import { decodeMair, LINUX_MAIR, parseMair } from '../src/engine/attrs/mair.ts';
import { hydrated, useTheme } from './site.ts';

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;
const field = (page: import('@playwright/test').Page) => page.getByLabel('MAIR attribute byte or register value');
const heading = (page: import('@playwright/test').Page) => page.getByRole('heading', { name: /^Decoded:/ });

test.describe('MAIR decoder island', () => {
  test('works with the keyboard alone and shows what the engine decodes', async ({ page }) => {
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    const input = field(page);
    await expect(heading(page)).toContainText(decodeS1(0x44).name);
    // Reach the field with Tab from the top of the page, as a keyboard user would.
    for (let presses = 0; presses < 60 && !(await input.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(input).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0x04');
    await expect(heading(page)).toHaveText(`Decoded: 0x04 is ${decodeS1(0x04).name}`);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Named attribute')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(input).not.toHaveValue('0x04');
  });

  test('reads bytes as hex with or without 0x, decimal only as #N, and the named list follows the byte', async ({ page }) => {
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    const named = page.getByLabel('Named attribute');
    for (const [typed, byte] of [['ff', 0xff], ['44', 0x44], ['0x04', 0x04], ['#68', 0x44], ['c', 0x0c], ['Normal-NC', 0x44]] as const) {
      await field(page).fill(typed);
      await expect(heading(page), typed).toHaveText(`Decoded: ${hex(byte)} is ${decodeS1(byte).name}`);
    }
    await field(page).fill('ff');
    await expect(named).toHaveValue('0xff');
    await field(page).fill('aa');
    await expect(named).toHaveValue('');
    await named.selectOption('0x04');
    await expect(field(page)).toHaveValue('0x04');
    await expect(page).toHaveURL(/[?&]mair=0x04(&|$)/);
  });

  test('decodes a whole MAIR_EL1 value into Attr0..Attr7 with the Linux type at each index, as the CLI does', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    await field(page).fill('0x000000ff440c0400');
    await expect(heading(page)).toHaveText('Decoded: 0x000000ff440c0400, eight attributes');
    const decoding = decodeMair(parseMair('0x000000ff440c0400'));
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(8);
    for (const attr of decoding.attrs) {
      const row = rows.nth(attr.index);
      await expect(row).toContainText(`Attr${attr.index}`);
      await expect(row).toContainText(hex(attr.byte));
      await expect(row).toContainText(attr.decoding.name);
      await expect(row).toContainText(attr.linux ? attr.linux.name : 'unused');
    }
    await expect(rows.nth(0)).toContainText('different byte');
    await expect(page).toHaveURL(/[?&]mair=0x000000ff440c0400(&|$)/);

    // Linux's own boot value matches at every index it uses.
    const boot = LINUX_MAIR.indices.reduce((value, entry) => value | (BigInt(entry.byte) << BigInt(8 * entry.index)), 0n);
    await field(page).fill(boot.toString(16));
    for (const entry of LINUX_MAIR.indices) await expect(rows.nth(entry.index)).toContainText('same byte');

    // Copy as plain text is the CLI's text for the same value, ending with the link.
    const origin = new URL(baseURL ?? '').origin;
    await field(page).fill('000000ff440c0400');
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    const cli = execFileSync('npm', ['run', '-s', 'cli', '--', 'mair', '000000ff440c0400'], { encoding: 'utf8', env: { ...process.env, SITE_URL: origin } });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cli);
  });

  test('a value pasted from an email without its link reopens the same value', async ({ page }) => {
    const origin = 'https://example.org';
    const cli = execFileSync('npm', ['run', '-s', 'cli', '--', 'mair', '0x000000040044ffff'], { encoding: 'utf8', env: { ...process.env, SITE_URL: origin } });
    const mail = cli.split('\n').filter((line) => !line.startsWith('http')).map((line) => `> ${line}`).join('\n');
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    await page.getByRole('button', { name: 'Paste from email' }).click();
    await page.getByLabel('Text from the email').fill(mail);
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page).toHaveURL(/[?&]mair=0x000000040044ffff(&|$)/);
    await hydrated(page, '.mair-decoder');
    await expect(heading(page)).toHaveText('Decoded: 0x000000040044ffff, eight attributes');
  });

  for (const [bad, says] of [['0x1g', "'g' at character 4 is not a hex digit"], ['#6x', "after '#' a decimal number"], ['12345678901234567', 'more than 16 hex digits'], ['', 'empty input']] as const) {
    test(`bad input '${bad}' gets an inline message and keeps the last valid result`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto('/play/mair/?mair=0xff');
      await hydrated(page, '.mair-decoder');
      await expect(heading(page)).toHaveText(`Decoded: 0xff is ${decodeS1(0xff).name}`);
      await field(page).fill(bad);
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.getByRole('alert')).toContainText(says);
      await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(heading(page)).toHaveText(`Decoded: 0xff is ${decodeS1(0xff).name}`);
      expect(errors).toEqual([]);
    });
  }

  test('an unknown or malformed URL parameter is named, no decoding is shown, and the default is when asked', async ({ page }) => {
    await page.goto('/play/mair/?mair=0xzz&colour=red');
    await hydrated(page, '.mair-decoder');
    await expect(page.getByText("parameter 'mair': ")).toBeVisible();
    await expect(page.getByText("unknown parameter 'colour'")).toBeVisible();
    await expect(heading(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Show this value anyway' }).click();
    await expect(heading(page)).toContainText('0x44');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`is axe-clean in the ${theme} theme with a register decoded and an error shown`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/play/mair/?mair=0x000000ff440c0400');
      await hydrated(page, '.mair-decoder');
      await expect(page.getByRole('table')).toBeVisible();
      await page.getByText('Plain text', { exact: true }).click();
      const clean = await new AxeBuilder({ page }).analyze();
      expect(clean.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await field(page).fill('0xzz');
      await expect(page.getByRole('alert')).toBeVisible();
      const withError = await new AxeBuilder({ page }).analyze();
      expect(withError.violations.map((v) => v.id)).toEqual([]);
    });
  }
});
