/**
 * The race explorer's "Why" and "Smallest fix" panels, driven by keyboard
 * and by accessible names, checked against the explain engine called
 * directly here: the sentences, every variant's link, the fixes and their
 * links, Apply, the plain text, Stop, and the sentence under each guide
 * figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { checkScenario, parseScenario, printScenario } from '../src/engine/race/index.ts';
import { ablate, repair, whyOf } from '../src/engine/race/explain/index.ts';
import { explainText, fixText } from '../src/engine/format/race-explain-text.ts';
import { raceLink } from '../src/engine/links/race-query.ts';
import { raceReport } from '../src/engine/links/race-report.ts';
import { expectEditor, guardPage, hydrated, useTheme } from './site.ts';
import { editFromControl } from '../src/engine/race/language/edit.ts';

const shipped = new Map(
  readdirSync('scenarios')
    .filter((file) => file.endsWith('.race'))
    .sort()
    .map((file) => [file.slice(0, -'.race'.length), readFileSync(`scenarios/${file}`, 'utf8')]),
);
const fileOf = (name: string): string => `scenarios/${name}.race`;
const analysed = (name: string) => {
  const check = checkScenario(shipped.get(name) ?? '', { file: fileOf(name) });
  const ablation = ablate(check);
  return { check, ablation, why: whyOf(check, ablation), fix: repair(check, 2) };
};
/** The page sets backquoted parts as code: its text is the sentence without the backquotes. */
const shown = (sentence: string): string => sentence.replaceAll('`', '');

const status = (page: Page) => page.locator('.run [role=status]');
const analysisStatus = (page: Page) => page.locator('.analysis [role=status]');
const plainText = (page: Page) => page.locator('.race-result .copy pre');
const withoutTime = (text: string): string => text.replace(/\d+\.\d ms/, 'T ms').replace(/\s+/g, ' ');

async function open(page: Page, url: string, states: number): Promise<void> {
  await page.goto(url);
  await hydrated(page, '.race-explorer');
  await expect(status(page)).toHaveText(`Checked: ${states.toLocaleString('en')} states explored.`);
}

/** Presses Explain from the keyboard and waits for both panels. */
async function explain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Explain', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Smallest fix' })).toBeVisible({ timeout: 15_000 });
}

test.describe('Why and Smallest fix', () => {
  test('answer as the engine does, every variant and fix a link to its exact state, and the plain text carries both', async ({ page, baseURL }) => {
    const guard = guardPage(page, new URL(baseURL ?? '').origin);
    const { check, ablation, why, fix } = analysed('soc-nc-unmap-ctrl');
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl', check.result.stats.states);
    await explain(page);
    await expect(page.getByRole('heading', { name: 'Why', exact: true })).toBeVisible();
    await expect(page.locator('.analysis .headline')).toHaveText(shown(why.headline ?? ''));
    const findings = page.locator('.analysis .findings > li');
    await expect(findings).toHaveCount(why.findings.length);
    for (const [i, finding] of why.findings.entries()) {
      await expect(findings.nth(i)).toContainText(shown(finding.sentence));
      await expect(findings.nth(i).getByRole('link')).toHaveAttribute('href', raceLink('', finding.variant.scenario!, shipped));
    }
    await page.getByText(/^Every variant explored/).click();
    const variants = page.locator('.analysis .variants li');
    const all = [...ablation.ops, ...ablation.knobs];
    await expect(variants).toHaveCount(all.length);
    for (const [i, variant] of all.entries()) {
      const link = variants.nth(i).getByRole('link');
      if (variant.scenario === undefined) await expect(link).toHaveCount(0);
      else await expect(link).toHaveAttribute('href', raceLink('', variant.scenario, shipped));
    }
    await expect(page.locator('.analysis .fixes code')).toHaveText(fix.fixes.map((program) => `host ${program}`));
    const report = raceReport(check, new URL(baseURL ?? '').origin, shipped, `${explainText(ablation, why)}${fixText(check, fix)}`);
    await expect.poll(async () => withoutTime((await plainText(page).textContent()) ?? '')).toBe(withoutTime(report));

    // A fix's link opens that exact state, from the keyboard.
    const [first] = fix.scenarios;
    await page.getByRole('link', { name: `Open host ${fix.fixes[0]}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(raceLink('', first!, shipped));
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('heading', { name: /^Verdict:/ })).toHaveText('Verdict: SAFE');
    await expect(plainText(page)).toContainText(new RegExp(`^ +host ${fix.fixes[0]!.replace(/[;]/g, '\\$&')}$`, 'm'));
    expect(guard.consoleErrors).toEqual([]);
  });

  test('Apply puts the fixed scenario in the editor and runs it', async ({ page }) => {
    const { check, fix } = analysed('soc-nc-unmap-ctrl');
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl', check.result.stats.states);
    await explain(page);
    await page.getByRole('button', { name: `Apply host ${fix.fixes[1]}` }).focus();
    await page.keyboard.press('Enter');
    // Applied as a form control edits the text: comments kept, title marked, the stale expect a comment.
    const { text: applied } = editFromControl(shipped.get('soc-nc-unmap-ctrl')!, check.scenario, { ...check.scenario, host: fix.scenarios[1]!.host });
    await expectEditor(page, applied);
    const after = checkScenario(applied, { file: '<stdin>' });
    await expect(status(page)).toHaveText(`Checked: ${after.result.stats.states.toLocaleString('en')} states explored.`);
    await expect(page.getByRole('heading', { name: /^Verdict:/ })).toHaveText('Verdict: SAFE');
    // The analysis belonged to the result before: it is gone with it.
    await expect(page.getByRole('heading', { name: 'Smallest fix' })).toHaveCount(0);
  });

  test('Stop ends a long search, says so, and the panel answers the next request', async ({ page }) => {
    const heavy = parseScenario(
      'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\noption path-order=no\nguest store 0x0; store 0x8; store 0x10\nguest1 store 0x40; store 0x48\nhost unmap-s2; read 0x0; reset ctrl\n',
    );
    const check = checkScenario(printScenario(heavy));
    await open(page, raceLink('', heavy, shipped), check.result.stats.states);
    await page.getByLabel('Fix: insert up to').selectOption('3');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(analysisStatus(page)).toHaveText(/^Searching for the smallest fix: [1-9]\d* of \d+ variants, [\d,]+ states…$/, { timeout: 15_000 });
    // The page stays responsive while the worker searches.
    await page.getByLabel('Scenario', { exact: true }).focus();
    await page.getByRole('button', { name: 'Stop explaining' }).click();
    await expect(analysisStatus(page)).toHaveText('Cancelled: no explanation.');
    await expect(page.getByRole('heading', { name: 'Why', exact: true })).toHaveCount(0);
    await page.getByLabel('Fix: insert up to').selectOption('1');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await expect(page.locator('.analysis p', { hasText: 'No fix of up to 1 host op makes it SAFE' })).toBeVisible({ timeout: 15_000 });
  });

  test('each guide figure shows the one sentence that answers it', async ({ page }) => {
    const mdx = readFileSync('src/content/docs/guide/reset-race.mdx', 'utf8');
    const names = [...mdx.matchAll(/<RaceFigure scenario="([\w-]+)"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(3);
    await page.goto('/guide/reset-race/');
    await expect(page.locator('.race-why')).toHaveText(names.map((name) => `Why: ${shown(analysed(name).why.headline ?? '')}`));
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`is axe-clean in the ${theme} theme and fits a 320 px phone`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 320, height: 740 });
      const { check } = analysed('pcie-wb-fwb-late-eviction');
      await open(page, '/play/race/?scenario=pcie-wb-fwb-late-eviction', check.result.stats.states);
      await explain(page);
      await page.getByText(/^Every variant explored/).click();
      const results = await new AxeBuilder({ page }).include('.analysis').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  }
});
