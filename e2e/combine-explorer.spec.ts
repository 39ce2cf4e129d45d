import { test, expect, type Page } from '@playwright/test';
import { combine, hexByte, hexNibble } from '../src/engine/attrs/index.ts';
import { combineMatrix } from '../src/engine/attrs/matrix.ts';
import { combineReport } from '../src/engine/links/combine-report.ts';
import { matrixReport } from '../src/engine/links/matrix-report.ts';
import { COMBINE_DEFAULTS, type CombineState } from '../src/engine/links/combine-query.ts';
import { hydrated } from './site.ts';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hydrated(page, '.combine-explorer');
  await hydrated(page, '.combine-explorer');
}

const resultHeading = (page: Page) => page.getByRole('heading', { name: /^Combined result:/ });

async function setState(page: Page, s: CombineState): Promise<void> {
  await page.getByLabel('FWB', { exact: true }).setChecked(s.fwb);
  await page.getByLabel('HCR_EL2.CD').setChecked(s.cd);
  await page.getByLabel('Stage 1 memory type').selectOption(String(s.s1));
  await page.getByLabel('Stage 1 shareability').selectOption(String(s.s1sh));
  await page.getByLabel('Stage 2 memory type').selectOption(String(s.s2));
  await page.getByLabel('Stage 2 shareability').selectOption(String(s.s2sh));
}

const samples: CombineState[] = [
  { s1: 0x44, s2: 0x1, fwb: false, s1sh: 3, s2sh: 3, cd: false },
  { s1: 0x08, s2: 0x5, fwb: false, s1sh: 2, s2sh: 0, cd: false },
  { s1: 0x04, s2: 0x6, fwb: true, s1sh: 3, s2sh: 3, cd: false },
  { s1: 0xf0, s2: 0x7, fwb: true, s1sh: 0, s2sh: 1, cd: false },
  { s1: 0xff, s2: 0xf, fwb: false, s1sh: 3, s2sh: 2, cd: true },
  { s1: 0x0e, s2: 0x4, fwb: true, s1sh: 1, s2sh: 3, cd: false },
];

test.describe('combining explorer', () => {
  for (const s of samples) {
    test(`shows what combine() computes for s1=${hexByte(s.s1)} s2=${hexNibble(s.s2)} fwb=${s.fwb} cd=${s.cd}`, async ({ page }) => {
      await open(page, '/play/combine/');
      await setState(page, s);
      const r = combine(s);
      await expect(resultHeading(page)).toHaveText(`Combined result: ${r.typeName}`);
      const region = page.getByRole('region', { name: /^Combined result:/ });
      await expect(region).toContainText(r.mairHex);
      await expect(region).toContainText(r.rule.text);
      for (const w of r.warnings) await expect(region).toContainText(w);
      // The state is in the address bar, and the link restores it exactly.
      const url = page.url();
      const other = await page.context().newPage();
      await open(other, url);
      await expect(resultHeading(other)).toHaveText(`Combined result: ${r.typeName}`);
      for (const [label, value] of [
        ['Stage 1 memory type', s.s1],
        ['Stage 2 memory type', s.s2],
        ['Stage 1 shareability', s.s1sh],
        ['Stage 2 shareability', s.s2sh],
      ] as const) {
        await expect(other.getByLabel(label)).toHaveValue(String(value));
      }
      await expect(other.getByLabel('FWB', { exact: true })).toBeChecked({ checked: s.fwb });
      // "Copy as plain text" is the CLI's text for the same inputs, with this site's link.
      const origin = new URL(url).origin;
      await other.locator('.result').getByText('Plain text', { exact: true }).click();
      expect(await other.locator('.result .copy pre').textContent()).toBe(combineReport(r, origin));
      await other.close();
    });
  }

  test('marks and announces what changed', async ({ page }) => {
    await open(page, '/play/combine/');
    await page.getByLabel('Stage 2 memory type').selectOption('1');
    await expect(page.locator('[aria-live="polite"]').first()).toContainText('type Normal-NC to Device-nGnRE');
    await expect(page.locator('dd.changed').first()).toBeVisible();
  });

  test('is operable from the keyboard alone', async ({ page }) => {
    await open(page, '/play/combine/');
    const s2 = page.getByLabel('Stage 2 memory type');
    for (let presses = 0; presses < 80 && !(await s2.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(s2).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(resultHeading(page)).toHaveText(`Combined result: ${combine({ ...COMBINE_DEFAULTS, s2: 0x4 }).typeName}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('FWB', { exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('FWB', { exact: true })).toBeChecked();
  });

  test('names a malformed or unknown parameter, shows no result, and applies the others when asked', async ({ page }) => {
    await open(page, '/play/combine/?s1=0x04&s2=zz&fwb=on&bogus=1');
    await expect(page.getByText("parameter 's2': ")).toBeVisible();
    await expect(page.getByText("unknown parameter 'bogus'")).toBeVisible();
    await expect(resultHeading(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Show this state anyway' }).click();
    await expect(resultHeading(page)).toHaveText(`Combined result: ${combine({ ...COMBINE_DEFAULTS, s1: 0x04, fwb: true }).typeName}`);
  });

  test('hostile parameters are shown as text and nothing executes', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const payloads = ['<img src=x onerror=window.__xss=1>', '"><script>window.__xss=1</script>', '\u0000\uffff\ud800%', 'javascript:window.__xss=1'];
    for (const payload of payloads) {
      const query = new URLSearchParams();
      for (const name of ['s1', 's1sh', 's2', 's2sh', 'fwb', 'cd', payload]) query.set(name, payload);
      await open(page, `/play/combine/?${query.toString()}`);
      await expect(page.getByText(/^Link: /).first()).toBeVisible();
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await page.getByLabel('Stage 2 memory type').selectOption('1');
      await expect(resultHeading(page)).toHaveText(`Combined result: ${combine({ ...COMBINE_DEFAULTS, s2: 1 }).typeName}`);
    }
    expect(errors).toEqual([]);
  });

  test('is usable at 375 px without scrolling the page sideways', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(page, '/play/combine/');
    await page.getByLabel('Stage 2 memory type').selectOption('1');
    await expect(resultHeading(page)).toContainText('Device-nGnRE');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test.describe('combine matrix', () => {
  for (const fwb of [false, true]) {
    test(`the built table on the guide page is the engine's matrix, FWB ${fwb ? 'on' : 'off'}`, async ({ page }) => {
      await page.goto(fwb ? '/guide/fwb/' : '/guide/combining/');
      const m = combineMatrix(fwb);
      // The caption stands above the matrix's scrolling box and names the table.
      const table = page.getByRole('table', { name: new RegExp(`FWB ${fwb ? 'on' : 'off'}`) });
      const rows = table.locator('tbody tr');
      await expect(rows).toHaveCount(m.rows.length);
      for (const [r, row] of m.rows.entries()) {
        const cells = rows.nth(r).locator('td');
        for (const [c, cell] of (m.cells[r] ?? []).entries()) {
          await expect(cells.nth(c), `${row.name} x ${m.cols[c]?.name}`).toContainText(cell.typeName);
          await expect(cells.nth(c)).toContainText(cell.mairHex);
        }
      }
    });
  }

  test('the matrix copies as the plain text that `table` prints, with its link', async ({ page, baseURL }) => {
    await open(page, '/play/combine/?fwb=on');
    const block = page.locator('.matrix .copy');
    await block.getByText('Plain text', { exact: true }).click();
    const text = await block.locator('pre').textContent();
    expect(text).toBe(matrixReport(true, new URL(baseURL!).origin));
    expect(text?.split('\n').every((line) => line.length <= 72 || line.startsWith('http'))).toBe(true);
  });

  test('each cell opens its combination in the explorer, whose row and column are highlighted', async ({ page }) => {
    await open(page, '/play/combine/');
    await page.getByRole('link', { name: /Device-nGnRE/ }).first().click();
    await expect(page).toHaveURL(/\/play\/combine\/\?/);
    const current = page.locator('.combine-explorer a[aria-current="true"]');
    await expect(current).toHaveCount(1);
    const s = new URL(page.url()).searchParams;
    const r = combine({ ...COMBINE_DEFAULTS, s1: Number(s.get('s1') ?? COMBINE_DEFAULTS.s1), s2: Number(s.get('s2') ?? COMBINE_DEFAULTS.s2) });
    await expect(current).toContainText(r.typeName);
    await expect(page.locator('.combine-explorer tr.current')).toHaveCount(1);
  });
});
