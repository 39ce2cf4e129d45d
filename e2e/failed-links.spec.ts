/**
 * No verdict for a scenario nobody chose: a link that fails (a tampered
 * h=, a parameter that does not decode, an unknown scenario) shows no
 * result on any playground, only its problems and what it decodes to, with
 * the address left as it was opened until the reader runs it anyway; a
 * linked run that is cancelled or stops at the state budget shows "No
 * verdict" for the scenario on screen, never the page's own example.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { combine } from '../src/engine/attrs/combine.ts';
import { COMBINE_DEFAULTS } from '../src/engine/links/combine-query.ts';
import { raceLink, raceQuery } from '../src/engine/links/race-query.ts';
import { parseScenario } from '../src/engine/race/language/parser.ts';
import { printScenario } from '../src/engine/race/language/printer.ts';
import { currentScenarios } from '../src/cli/load-release.ts';
import { describeOverflow, installOverflowProbe } from './overflow.ts';
import { cancelOnProgress, hydrated, useTheme } from './site.ts';

const shipped = new Map(Object.entries(currentScenarios()));
const anyVerdict = (page: Page) => page.getByRole('heading', { name: /^Verdict:/ });
const failure = (page: Page) => page.getByRole('region', { name: 'No result: this link could not be read as it was written' });
const decoded = (page: Page) => page.getByLabel('What the link decodes to');

/** A scenario that explores for many seconds before its state budget runs out. */
const HEAVY = [
  'platform soc',
  'guest-s1 Normal-NC',
  'guest-s2 Normal-NC',
  'option write-order=no',
  'option early-ack=no',
  'guest store 0x0; store 0x8; dmb; store 0x10; store 0x18; dsb; store 0x20; store 0x28',
  'guest1 store 0x40; store 0x48; dmb; store 0x50; store 0x58; store 0x60; store 0x68',
  'guest2 store 0x80; store 0x88; store 0x90; dmb; store 0x98',
  'guest3 store 0xc0; store 0xc8; dmb; store 0xd0',
  'host unmap-s2; read 0x0; dsb; reset ctrl',
  '',
].join('\n');

test.describe('a race link that fails', () => {
  // The linked scenario is UNSAFE; the page's own example (pcie-nc-unmap-flr) is SAFE.
  const edited = parseScenario(shipped.get('soc-nc-unmap-ctrl')!.replace('store 0x8', 'store 0x10'));
  const link = raceLink('', edited, shipped);

  for (const [what, tampered] of [
    ['one hex digit of h= changed', link.replace(/h=([0-9a-f]{7})([0-9a-f])/, (_, head: string, last: string) => `h=${head}${last === '0' ? '1' : '0'}`)],
    ['the link cut short', link.slice(0, link.indexOf('&host='))],
    ['a scenario the site does not ship', '/play/race/?v=2&scenario=soc-nc-unmap-ctrl-9vcpu'],
  ] as const) {
    test(`${what}: no verdict, the problem, what it decodes to, the address as opened`, async ({ page }) => {
      await page.goto(tampered);
      await hydrated(page, '.race-explorer');
      await expect(failure(page)).toBeVisible();
      await expect(failure(page).getByText(/^Link: /).first()).toBeVisible();
      await expect(anyVerdict(page)).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: 'Nothing was run' })).toBeVisible();
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(tampered);
    });
  }

  test('"Run this text anyway" runs what the link decodes to, and only then writes the address', async ({ page }) => {
    const tampered = link.replace('store+0x10', 'store+0x18');
    await page.goto(tampered);
    await hydrated(page, '.race-explorer');
    await expect(failure(page).getByText(/^Link: the scenario it describes does not match its check h=[0-9a-f]{8}: /)).toBeVisible();
    const text = printScenario(parseScenario(printScenario(edited).replace('store 0x10', 'store 0x18')));
    await expect(decoded(page)).toHaveText(text);
    await page.getByRole('button', { name: 'Run this text anyway' }).click();
    await expect(anyVerdict(page)).toHaveText('Verdict: UNSAFE');
    await expect(failure(page)).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).search).toBe(raceQuery(parseScenario(text), shipped));
  });

  test('a linked run cancelled shows no verdict for it, never the example painted at build time', async ({ page }) => {
    await cancelOnProgress(page, 'on-load');
    await page.goto(raceLink('', parseScenario(HEAVY), shipped));
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('heading', { name: 'No verdict for the scenario on screen' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Cancelled after [0-9,]+ states: no verdict\.$/ })).toBeVisible();
    await expect(anyVerdict(page)).toHaveCount(0);
  });

  test('a linked run that exhausts the state budget says "No verdict", not SAFE', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(raceLink('', parseScenario(HEAVY), shipped));
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('status').filter({ hasText: /^Stopped at the state budget after [0-9,]+ states: no verdict\.$/ })).toBeVisible({ timeout: 100_000 });
    await expect(page.getByRole('heading', { name: 'No verdict', exact: true })).toBeVisible();
    await expect(anyVerdict(page)).toHaveCount(0);
  });
});

test.describe('a link that fails on the other playgrounds', () => {
  const playgrounds = [
    { path: '/play/combine/?v=2&s1=0x04&s2=zz&fwb=on&bogus=1', widget: '.combine-explorer', result: /^Combined result:/, problems: ["Link: parameter 's2': ", "Link: unknown parameter 'bogus'"], command: 'npm run -s cli -- combine --s1 0x04 --s2 0x5 --fwb' },
    { path: '/play/kvm/?v=2&kernel=6.20&pgprot=cacheable', widget: '.kvm-explorer', result: /^KVM /, problems: ["Link: parameter 'kernel': "], command: 'npm run -s cli -- kvm --kernel 6.17 --vma pfnmap --pgprot cacheable' },
    { path: '/play/mair/?v=2&mair=0xzz', widget: '.mair-decoder', result: /^Decoded:/, problems: ["Link: parameter 'mair': "], command: 'npm run -s cli -- mair 0x44' },
  ];
  for (const p of playgrounds) {
    test(`${p.path}: no result, the problems and the command, the address as opened until the reader chooses`, async ({ page }) => {
      await page.goto(p.path);
      await hydrated(page, p.widget);
      await expect(failure(page)).toBeVisible();
      for (const problem of p.problems) await expect(failure(page).getByText(problem)).toBeVisible();
      await expect(decoded(page)).toContainText(p.command);
      await expect(page.getByRole('heading', { name: p.result })).toHaveCount(0);
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(p.path);
      await page.getByRole('button', { name: /^Show this (state|value) anyway$/ }).click();
      await expect(page.getByRole('heading', { name: p.result })).toBeVisible();
      await expect(failure(page)).toHaveCount(0);
      await expect.poll(() => new URL(page.url()).search).not.toBe(new URL(p.path, 'http://x').search);
    });
  }

  test('a control changed after a failed link shows its result', async ({ page }) => {
    await page.goto('/play/combine/?s1=0xzz');
    await hydrated(page, '.combine-explorer');
    await expect(failure(page)).toBeVisible();
    await page.getByLabel('Stage 2 memory type').selectOption('1');
    await expect(page.getByRole('heading', { name: /^Combined result:/ })).toHaveText(`Combined result: ${combine({ ...COMBINE_DEFAULTS, s2: 1 }).typeName}`);
  });
});

test.describe('the failed-link view is accessible', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe-clean in the ${theme} theme and within 320 px, on the race and combining playgrounds`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.addInitScript(installOverflowProbe);
      for (const [path, widget] of [['/play/race/?v=2&scenario=soc-nc-unmap-ctrl&h=00000000', '.race-explorer'], ['/play/combine/?s1=0xzz', '.combine-explorer']] as const) {
        await page.goto(path);
        await hydrated(page, widget);
        await expect(failure(page)).toBeVisible();
        const results = await new AxeBuilder({ page }).include(widget).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        const overflow = await page.locator('.failed-link').evaluate((el) => window.__overflow.measure(el));
        expect(overflow.offenders, describeOverflow('.failed-link', overflow)).toEqual([]);
      }
    });
  }
});
