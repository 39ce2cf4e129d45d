import { test, expect } from '@playwright/test';
import { decodeS1 } from '../src/engine/attrs/index.ts';
import { hydrated } from './site.ts';

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;

test.describe('MAIR decoder island', () => {
  test('works with the keyboard alone and shows what the engine decodes', async ({ page }) => {
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    const input = page.getByLabel('MAIR attribute byte');
    const heading = page.getByRole('heading', { name: /^Decoded:/ });
    await expect(heading).toContainText(decodeS1(0x44).name);
    // Reach the field with Tab from the top of the page, as a keyboard user would.
    for (let presses = 0; presses < 60 && !(await input.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(input).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0x04');
    await expect(heading).toHaveText(`Decoded: 0x04 is ${decodeS1(0x04).name}`);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Named attribute')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(input).not.toHaveValue('0x04');
  });

  for (const bad of ['0x1g', '256', '']) {
    test(`bad input '${bad}' gets an inline message and keeps the last valid result`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto('/play/mair/?mair=0xff');
    await hydrated(page, '.mair-decoder');
      const heading = page.getByRole('heading', { name: /^Decoded:/ });
      await expect(heading).toHaveText(`Decoded: 0xff is ${decodeS1(0xff).name}`);
      await page.getByLabel('MAIR attribute byte').fill(bad);
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.getByRole('alert')).toContainText(bad === '' ? 'Enter a byte' : bad);
      await expect(heading).toHaveText(`Decoded: 0xff is ${decodeS1(0xff).name}`);
      expect(errors).toEqual([]);
    });
  }

  test('every byte typed in decodes as the engine says', async ({ page }) => {
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    const input = page.getByLabel('MAIR attribute byte');
    const heading = page.getByRole('heading', { name: /^Decoded:/ });
    for (const byte of [0x00, 0x04, 0x08, 0x0c, 0x44, 0xaa, 0xf0, 0xff, 0x01, 0x40, 0xa0, 0x10]) {
      await input.fill(hex(byte));
      await expect(heading).toHaveText(`Decoded: ${hex(byte)} is ${decodeS1(byte).name}`);
    }
  });

  test('an unknown or malformed URL parameter is named, no decoding is shown, and the default is when asked', async ({ page }) => {
    await page.goto('/play/mair/?mair=0xzz&colour=red');
    await hydrated(page, '.mair-decoder');
    await expect(page.getByText("parameter 'mair': ")).toBeVisible();
    await expect(page.getByText("unknown parameter 'colour'")).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Decoded:/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show this byte anyway' }).click();
    await expect(page.getByRole('heading', { name: /^Decoded:/ })).toContainText('0x44');
  });
});
