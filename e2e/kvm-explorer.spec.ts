import { test, expect, type Page } from '@playwright/test';
import { releaseRows } from '../src/engine/format/kvm-table.ts';
import { kvmReport } from '../src/engine/links/kvm-report.ts';
import { KVM_DEFAULTS } from '../src/engine/links/kvm-query.ts';
import { kvmDecide, shortAnswer, type KvmInput } from '../src/engine/kvm/index.ts';
import { combine } from '../src/engine/attrs/index.ts';
import AxeBuilder from '@axe-core/playwright';
import { hydrated, useTheme } from './site.ts';

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hydrated(page, '.kvm-explorer');
}

const region = (page: Page) => page.getByRole('region', { name: /^KVM (maps|refuses)/ });

function headingOf(i: KvmInput): string {
  const a = kvmDecide(i).answer;
  return a.outcome === 'mapped' ? `KVM maps it ${a.s2.type} at stage 2` : `KVM refuses it at ${a.where === 'memslot' ? 'memslot creation' : 'fault time'} (-${a.errno})`;
}

async function setState(page: Page, s: KvmInput): Promise<void> {
  await page.getByLabel('Kernel release').selectOption(s.kernel);
  await page.getByLabel('Memory behind the memslot').selectOption(s.backing);
  await page.getByLabel('VMM mapping').selectOption(s.pgprot);
  await page.getByLabel('VM_ALLOW_ANY_UNCACHED').setChecked(s.allowAnyUncached);
  await page.getByLabel('FWB', { exact: true }).setChecked(s.fwb);
  await page.getByLabel('DIC', { exact: true }).setChecked(s.dic);
  await page.getByLabel('Instruction fetch').setChecked(s.exec);
}

const samples: KvmInput[] = [
  { kernel: '6.8', backing: 'pfnmap', pgprot: 'noncached', allowAnyUncached: true, fwb: false, dic: false, exec: false },
  { kernel: '6.12', backing: 'pfnmap', pgprot: 'cacheable', allowAnyUncached: false, fwb: true, dic: true, exec: false },
  { kernel: '6.18', backing: 'pfnmap', pgprot: 'cacheable', allowAnyUncached: false, fwb: true, dic: false, exec: false },
  { kernel: '7.1', backing: 'mixedmap', pgprot: 'device', allowAnyUncached: true, fwb: true, dic: true, exec: true },
  { kernel: '7.0', backing: 'ram', pgprot: 'writecombine', allowAnyUncached: false, fwb: false, dic: true, exec: false },
];

test.describe('What KVM maps', () => {
  for (const s of samples) {
    test(`shows what the engine decides for ${s.kernel} ${s.backing} ${s.pgprot}${s.allowAnyUncached ? ' uncached' : ''}${s.fwb ? ' fwb' : ''}${s.dic ? ' dic' : ''}${s.exec ? ' exec' : ''}`, async ({ page }) => {
      await open(page, '/play/kvm/');
      await setState(page, s);
      const r = kvmDecide(s);
      await expect(page.getByRole('heading', { name: headingOf(s) })).toBeVisible();
      await expect(region(page)).toContainText(r.rule.text);
      for (const d of r.differences) await expect(region(page)).toContainText(`${d.releases}: ${shortAnswer(d.answer)}`);
      // The table across releases is the engine's, row by row.
      const rows = page.getByRole('region', { name: 'The same inputs in every release' }).locator('tbody tr');
      const want = releaseRows(s, r.behaviour);
      await expect(rows).toHaveCount(want.length);
      for (const [n, row] of want.entries()) await expect(rows.nth(n)).toContainText(row.text);
      // The link restores the state, and "Copy as plain text" is the CLI's text.
      const url = page.url();
      const other = await page.context().newPage();
      await open(other, url);
      await expect(other.getByRole('heading', { name: headingOf(s) })).toBeVisible();
      await expect(other.getByLabel('Kernel release')).toHaveValue(s.kernel);
      await expect(other.getByLabel('VMM mapping')).toHaveValue(s.pgprot);
      await expect(other.getByLabel('Instruction fetch')).toBeChecked({ checked: s.exec });
      await other.getByText('Plain text', { exact: true }).click();
      expect(await other.locator('.kvm-explorer .copy pre').textContent()).toBe(kvmReport(r, new URL(url).origin));
      await other.close();
    });
  }

  test('opens on a vfio-pci BAR and renders without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/play/kvm/');
    await expect(page.getByRole('heading', { name: headingOf(KVM_DEFAULTS) })).toBeVisible();
    await context.close();
  });

  test('names a bad parameter, shows no answer, and applies the others when asked', async ({ page }) => {
    await open(page, '/play/kvm/?kernel=6.20&pgprot=cacheable&dic=off');
    await expect(page.getByText("parameter 'kernel': ")).toBeVisible();
    await expect(page.getByRole('heading', { name: headingOf({ ...KVM_DEFAULTS, pgprot: 'cacheable', dic: false }) })).toHaveCount(0);
    await page.getByRole('button', { name: 'Show this state anyway' }).click();
    await expect(page.getByRole('heading', { name: headingOf({ ...KVM_DEFAULTS, pgprot: 'cacheable', dic: false }) })).toBeVisible();
  });

  test('a link of a model version before the KVM model says so and shows the current answer', async ({ page }) => {
    await open(page, '/play/kvm/?v=1&kernel=6.8');
    await expect(page.getByText('Model version 1 had no KVM engine')).toBeVisible();
    await expect(page.getByRole('heading', { name: headingOf({ ...KVM_DEFAULTS, kernel: '6.8' }) })).toBeVisible();
  });

  test('is operable from the keyboard alone', async ({ page }) => {
    await open(page, '/play/kvm/');
    const fetch = page.getByLabel('Instruction fetch');
    for (let presses = 0; presses < 80 && !(await fetch.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(fetch).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { name: headingOf({ ...KVM_DEFAULTS, exec: true }) })).toBeVisible();
  });

  test('is usable at 320 px without scrolling the page sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page, '/play/kvm/');
    await page.getByLabel('Kernel release').selectOption('6.8');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('the Overview embeds the explorer at 6.9', async ({ page }) => {
    await page.goto('/guide/overview/');
    // Asked first: the figure is behind "Show the answer".
    await page.getByText('Show the answer', { exact: true }).click();
    await hydrated(page, '.kvm-explorer');
    await expect(page.getByLabel('Kernel release')).toHaveValue('6.9');
    await expect(page.getByRole('heading', { name: 'KVM maps it Normal-NC at stage 2' })).toBeVisible();
  });
});

test.describe('combining explorer, stage 2 from KVM', () => {
  const heading = (page: Page) => page.getByRole('heading', { name: /^Combined result:/ });

  test('a guest write-combining mapping over a vfio-pci BAR: Device-nGnRE in 6.8, Normal-NC from 6.9', async ({ page }) => {
    await page.goto('/play/combine/');
    await hydrated(page, '.combine-explorer');
    await page.getByLabel('Stage 2 from KVM').check();
    await expect(page.getByLabel('Stage 2 memory type')).toHaveCount(0);
    await page.getByLabel('Stage 1 memory type').selectOption(String(0x44));
    const combined = (kernel: string, fwb: boolean) => {
      const a = kvmDecide({ ...KVM_DEFAULTS, kernel, fwb }).answer;
      if (a.outcome !== 'mapped') throw new Error('expected a mapping');
      return combine({ s1: 0x44, s2: a.s2.memAttr, fwb: a.s2.fwb, s1sh: 3, s2sh: 3 }).typeName;
    };
    await page.getByLabel('Kernel release').selectOption('6.8');
    await expect(heading(page)).toHaveText(`Combined result: ${combined('6.8', true)}`);
    await page.getByLabel('Kernel release').selectOption('6.9');
    await expect(heading(page)).toHaveText(`Combined result: ${combined('6.9', true)}`);
    await page.getByLabel('FWB', { exact: true }).uncheck();
    await expect(heading(page)).toHaveText(`Combined result: ${combined('6.9', false)}`);
    // The mode and KVM's inputs are in the link.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await hydrated(other, '.combine-explorer');
    await expect(other.getByLabel('Stage 2 from KVM')).toBeChecked();
    await expect(other.getByLabel('Kernel release')).toHaveValue('6.9');
    await expect(heading(other)).toHaveText(`Combined result: ${combined('6.9', false)}`);
    await other.close();
  });

  test('"What KVM maps" links to the combining explorer with the same stage 2', async ({ page }) => {
    await open(page, '/play/kvm/?kernel=6.9&fwb=off');
    await page.getByRole('link', { name: 'What a guest access gets through this stage 2' }).click();
    await hydrated(page, '.combine-explorer');
    await expect(page.getByLabel('Stage 2 from KVM')).toBeChecked();
    await expect(page.getByLabel('Kernel release')).toHaveValue('6.9');
    await expect(page.getByLabel('FWB', { exact: true })).not.toBeChecked();
    await expect(heading(page)).toHaveText('Combined result: Normal-NC');
  });

  test('when KVM refuses, there is nothing to combine and the page says why', async ({ page }) => {
    await page.goto('/play/combine/?kvm=on&pgprot=cacheable&dic=off');
    await hydrated(page, '.combine-explorer');
    await expect(heading(page)).toHaveText('Combined result: none, KVM refuses the access');
    const r = kvmDecide({ ...KVM_DEFAULTS, pgprot: 'cacheable', dic: false, fwb: false });
    await expect(page.getByRole('region', { name: /^Combined result:/ })).toContainText(r.rule.text);
  });
});

test.describe('KVM controls are axe-clean', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const url of ['/play/combine/?kvm=on', '/play/combine/?kvm=on&pgprot=cacheable&dic=off', '/play/kvm/?pgprot=cacheable&dic=off']) {
      test(`${url} in the ${theme} theme`, async ({ page }) => {
        test.setTimeout(60_000);
        await useTheme(page, theme);
        await page.goto(url, { waitUntil: 'networkidle' });
        await hydrated(page, '.widget');
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
});
