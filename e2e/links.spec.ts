/**
 * Links that stay citations: an old model version's link shows that
 * version's answer beside today's (the archived engine is built here from a
 * copy of the engine with one rule changed, so the two versions really
 * differ), v=1 and v=99 behave alike on every playground, and "Paste from
 * email" restores a state from the CLI's text and from "Copy as plain
 * text", quoted and re-wrapped as mail clients do, saying what it used.
 * A link that fails is in e2e/failed-links.spec.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { combine } from '../src/engine/attrs/combine.ts';
import { combineReport } from '../src/engine/links/combine-report.ts';
import { COMBINE_DEFAULTS } from '../src/engine/links/combine-query.ts';
import { checkScenario } from '../src/engine/race/explore/check.ts';
import { wrap } from '../src/engine/format/wrap.ts';
import { parseScenario } from '../src/engine/race/language/parser.ts';
import { currentScenarios } from '../src/cli/load-release.ts';
import { MODEL_VERSION } from '../src/engine/version.ts';
import AxeBuilder from '@axe-core/playwright';
import { describeOverflow, installOverflowProbe } from './overflow.ts';
import { hydrated, openScenarioEditor, useTheme } from './site.ts';

const shipped = new Map(Object.entries(currentScenarios()));

/** Builds "model version 1" from today's engine with two rules changed, as scripts/release/archive-engine.ts builds any release. */
function mutantArchive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mutant-v1-'));
  cpSync('src/engine', join(dir, 'src/engine'), { recursive: true });
  cpSync('scenarios', join(dir, 'scenarios'), { recursive: true });
  const mutate = (file: string, from: RegExp, to: string): void => {
    const path = join(dir, 'src/engine', file);
    const source = readFileSync(path, 'utf8');
    if (!from.test(source)) throw new Error(`the rule to change is no longer in ${file}`);
    writeFileSync(path, source.replace(from, to));
  };
  // Version 1 "had" every guest store complete only at the device, and stage 2 Device deciding as stage 1.
  mutate('race/model/ack-point.ts', /(export function completionOfGuestStores\([^)]*\): CompletionPoint \{)/, "$1\n  return 'target';");
  mutate('attrs/combine.ts', /RULES\['s2-device'\], decidedBy: 's2'/, "RULES['s2-device'], decidedBy: 's1'");
  const out = join(dir, 'engine.js');
  execFileSync(process.execPath, ['scripts/release/archive-engine.ts', '--source', dir, '--version', '1', '--out', out]);
  return out;
}

let archive = '';
test.beforeAll(() => {
  archive = mutantArchive();
});
test.afterAll(() => rmSync(join(archive, '..'), { recursive: true, force: true }));

async function withMutantV1(page: Page): Promise<void> {
  await page.context().route('**/engines/v1/engine.js', (route) => route.fulfill({ path: archive, contentType: 'text/javascript' }));
}

const note = (page: Page) => page.getByRole('note').filter({ hasText: /^This link was made with model version 1/ });

test.describe('old-version links', () => {
  test('a race link from version 1 shows its verdict then beside the current one, and the changes since', async ({ page }) => {
    await withMutantV1(page);
    await page.goto('/play/race/?v=1&scenario=soc-nc-unmap-ctrl');
    await hydrated(page, '.race-explorer');
    await expect(note(page)).toBeVisible();
    await expect(note(page)).toContainText(`this site runs model version ${MODEL_VERSION}`);
    const verdictRow = note(page).getByRole('row', { name: /^verdict/ });
    await expect(verdictRow).toHaveText(/verdict\s*safe\s*unsafe/);
    await expect(note(page).getByRole('listitem').first()).toHaveText(/^Version 2: Race engine:/);
    // The widget itself shows the current answer.
    await expect(page.getByRole('heading', { name: /UNSAFE/ }).first()).toBeVisible();
  });

  test('a combining link from version 1 shows what version 1 answered where it differs', async ({ page }) => {
    await withMutantV1(page);
    await page.goto('/play/combine/?v=1&s1=0x44&s2=0x1');
    await hydrated(page, '.combine-explorer');
    await expect(note(page)).toBeVisible();
    await expect(note(page).getByRole('row', { name: /^decided by/ })).toHaveText(/decided by\s*s1\s*s2/);
    await expect(note(page)).toContainText('No change since model version 1 affects this state.');
  });

  test('where version 1 answers as today, the notice says so and shows no table', async ({ page }) => {
    await withMutantV1(page);
    await page.goto('/play/combine/?v=1&s1=0x44&s2=0x5');
    await hydrated(page, '.combine-explorer');
    await expect(note(page)).toContainText('Model version 1 gave the same answer as the current one.');
    await expect(note(page).getByRole('table')).toHaveCount(0);
  });

  test('the real archived version 1 loads lazily: no engine module before an old link needs it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/play/combine/');
    await hydrated(page, '.combine-explorer');
    expect(requests.filter((u) => u.includes('/engines/'))).toEqual([]);
    await page.goto('/play/mair/?v=1&mair=0x04');
    await hydrated(page, '.mair-decoder');
    await expect(note(page)).toContainText('Model version 1 gave the same answer as the current one.');
    expect(requests.some((u) => u.endsWith('/engines/v1/engine.js'))).toBe(true);
  });
});

test('a What KVM maps link from version 1, which had no KVM engine, says so', async ({ page }) => {
  await page.goto('/play/kvm/?v=1&kernel=6.9');
  await hydrated(page, '.kvm-explorer');
  await expect(note(page)).toContainText('Model version 1 had no KVM engine: there is no earlier answer to show.');
  await expect(note(page).getByRole('listitem')).toHaveText([/^Version 2: KVM's stage-2 choice/]);
});

test.describe('v=1 and v=99 on every playground', () => {
  const playgrounds = [
    { path: '/play/combine/', state: 's1=0x04', widget: '.combine-explorer', result: /^Combined result: / },
    { path: '/play/kvm/', state: 'kernel=6.9', widget: '.kvm-explorer', result: /^KVM / },
    { path: '/play/mair/', state: 'mair=0xf0', widget: '.mair-decoder', result: /^Decoded: 0xf0/ },
    { path: '/play/race/', state: 'scenario=soc-nc-unmap-ctrl', widget: '.race-explorer', result: /^Verdict: UNSAFE$/ },
  ];
  for (const p of playgrounds) {
    test(`${p.path}: an old v is answered beside today's, a future one named, and either stays in the address`, async ({ page }) => {
      await page.goto(`${p.path}?v=1&${p.state}`);
      await hydrated(page, p.widget);
      await expect(note(page)).toBeVisible();
      await expect(page.getByRole('heading', { name: p.result }).first()).toBeVisible();
      expect(new URL(page.url()).search).toBe(`?v=1&${p.state}`);
      const future = MODEL_VERSION + 97;
      await page.goto(`${p.path}?v=${future}&${p.state}`);
      await hydrated(page, p.widget);
      await expect(page.getByText(`Link: parameter 'v': model version ${future} is newer than this site's (${MODEL_VERSION}); the answer below is model version ${MODEL_VERSION}'s`)).toBeVisible();
      await expect(page.getByRole('heading', { name: p.result }).first()).toBeVisible();
      await expect(page.getByRole('note')).toHaveCount(0);
      expect(new URL(page.url()).search).toBe(`?v=${future}&${p.state}`);
    });
  }
});

/** What mail clients do: quote (twice), re-wrap to 60 columns, put the link in <...>. */
const quote = (text: string, marker = '> '): string => text.trimEnd().split('\n').map((l) => marker + l).join('\n');
const rewrap = (text: string): string => text.split('\n\n').map((p) => wrap(p.replace(/\n/g, ' '), '', '', 60).join('\n')).join('\n\n');
const angle = (text: string): string => text.replace(/(https?:\/\/\S+)/, '<$1>');

async function pasteBack(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste from email' }).click();
  await page.getByLabel('Text from the email').fill(text);
  // Restoring opens the link: wait for that new page.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Restore' }).click()]);
}

/** What the reopened page says it restored from. */
const restoredFrom = (page: Page) => page.getByRole('status').filter({ hasText: /^Restored from the / });

function cli(args: string[], site: string, input = ''): string {
  const run = spawnSync(process.execPath, ['src/cli/main.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, SITE_URL: site } });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

test.describe('paste from email', () => {
  test('the CLI combine text, quoted and re-wrapped, restores the combining explorer', async ({ page, baseURL }) => {
    const text = cli(['combine', '--s1', 'Device-nGnRE', '--s2', '0xd', '--fwb', '--s1sh', '2'], new URL(baseURL!).origin);
    await page.goto('/play/combine/');
    await hydrated(page, '.combine-explorer');
    await pasteBack(page, quote(quote(rewrap(text)), '>'));
    await hydrated(page, '.combine-explorer');
    await expect(page.getByLabel('Stage 1 memory type')).toHaveValue(String(0x04));
    await expect(page.getByLabel('Stage 2 memory type')).toHaveValue(String(0xd));
    await expect(page.getByLabel('FWB', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Stage 1 shareability')).toHaveValue('2');
  });

  test('the copied combine text without its link restores from the text itself', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/play/combine/?s1=0xff&s2=0x1&cd=on');
    await hydrated(page, '.combine-explorer');
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(combineReport(combine({ ...COMBINE_DEFAULTS, s1: 0xff, s2: 0x1, cd: true }), new URL(page.url()).origin));
    await page.goto('/play/combine/');
    await hydrated(page, '.combine-explorer');
    await pasteBack(page, quote(rewrap(copied.replace(/https?:\/\/\S+/, ''))));
    await hydrated(page, '.combine-explorer');
    await expect(page.getByLabel('Stage 1 memory type')).toHaveValue(String(0xff));
    await expect(page.getByLabel('HCR_EL2.CD')).toBeChecked();
  });

  test('the CLI race text, quoted with its link in <...>, restores the race explorer from the link and says so', async ({ page, baseURL }) => {
    const text = cli(['race', 'scenarios/soc-nc-unmap-read-ctrl.race'], new URL(baseURL!).origin);
    await page.goto('/play/race/');
    await hydrated(page, '.race-explorer');
    await pasteBack(page, quote(angle(text)));
    await hydrated(page, '.race-explorer');
    await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('soc-nc-unmap-read-ctrl');
    await expect(restoredFrom(page)).toHaveText(/^Restored from the link; check h=[0-9a-f]{8} matches\.$/);
  });

  test('each of the ten shipped multi-vCPU scenarios comes back from its text alone, vCPUs and verdict included', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const multi = [...shipped].filter(([, text]) => parseScenario(text).guest1 !== undefined).map(([name]) => name);
    expect(multi).toHaveLength(10);
    for (const name of multi) {
      const report = cli(['race', `scenarios/${name}.race`], new URL(baseURL!).origin);
      await page.goto('/play/race/');
      await hydrated(page, '.race-explorer');
      await pasteBack(page, quote(rewrap(report.replace(/https?:\/\/\S+/, ''))));
      await hydrated(page, '.race-explorer');
      await expect(restoredFrom(page), name).toHaveText(/^Restored from the text; no link found; the scenario matches its check h=[0-9a-f]{8}\.$/);
      await expect(page.getByLabel('Scenario', { exact: true }), name).toHaveValue(name);
      const verdict = checkScenario(shipped.get(name)!).result.verdict.toUpperCase();
      await expect(page.getByRole('heading', { name: /^Verdict:/ }), name).toHaveText(`Verdict: ${verdict}`);
    }
  });

  test('the copied race text of an edited scenario, re-wrapped, with the link lost, restores it from the text', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/play/race/?scenario=soc-nc-unmap-ctrl');
    await hydrated(page, '.race-explorer');
    // The helper waits for the first run and repeats the click while the section stays closed (a click during its render can miss).
    await openScenarioEditor(page);
    await page.getByLabel('early-ack', { exact: true }).selectOption('no');
    await expect(page.getByRole('status').filter({ hasText: /^Checked:/ })).toBeVisible();
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('early-ack=no');
    await page.goto('/play/race/');
    await hydrated(page, '.race-explorer');
    await pasteBack(page, quote(rewrap(copied.replace(/https?:\/\/\S+/, ''))));
    await hydrated(page, '.race-explorer');
    await expect(restoredFrom(page)).toHaveText(/^Restored from the text; no link found/);
    await expect(page.getByLabel('early-ack', { exact: true })).toHaveValue('no');
    await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('');
  });

  test('a text it cannot read names what is missing', async ({ page }) => {
    await page.goto('/play/race/');
    await hydrated(page, '.race-explorer');
    await page.getByRole('button', { name: 'Paste from email' }).click();
    await page.getByLabel('Text from the email').fill('> Looks good to me.\n> Thanks');
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('alert')).toHaveText(/^No link in the pasted text, and no scenario in it: /);
  });

  test('the CLI kvm text, quoted, with its link lost, restores What KVM maps from the text', async ({ page, baseURL }) => {
    const text = cli(['kvm', '--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'writecombine', '--allow-any-uncached', '--exec'], new URL(baseURL!).origin);
    await page.goto('/play/kvm/');
    await hydrated(page, '.kvm-explorer');
    await pasteBack(page, quote(rewrap(text.replace(/https?:\/\/\S+/, ''))));
    await hydrated(page, '.kvm-explorer');
    expect(new URL(page.url()).search).toBe(`?v=${MODEL_VERSION}&kernel=6.9&pgprot=writecombine&fwb=off&dic=off&exec=on`);
  });

  test('the MAIR decoder takes its byte from a pasted combining report', async ({ page, baseURL }) => {
    const text = cli(['combine', '--s1', '0xf0', '--s2', '0xf'], new URL(baseURL!).origin);
    await page.goto('/play/mair/');
    await hydrated(page, '.mair-decoder');
    await pasteBack(page, quote(text));
    await hydrated(page, '.mair-decoder');
    await expect(page.getByLabel('MAIR attribute byte')).toHaveValue('0xf0');
  });
});

test.describe('the notice and the paste panel are accessible', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe-clean with the notice's table and the open paste panel, ${theme} theme, and within 320 px`, async ({ page }) => {
      await useTheme(page, theme);
      await withMutantV1(page);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.addInitScript(installOverflowProbe);
      await page.goto('/play/race/?v=1&scenario=soc-nc-unmap-ctrl');
      await hydrated(page, '.race-explorer');
      await expect(note(page).getByRole('table')).toBeVisible();
      await page.getByRole('button', { name: 'Paste from email' }).click();
      await page.getByLabel('Text from the email').fill('nothing useful');
      await page.getByRole('button', { name: 'Restore' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      const results = await new AxeBuilder({ page }).include('.race-explorer').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // The notice and the paste panel themselves (the race controls' own fit is the phone layout spec's).
      for (const selector of ['.old-version', '.paste']) {
        const overflow = await page.locator(selector).evaluate((el) => window.__overflow.measure(el));
        expect(overflow.offenders, describeOverflow(selector, overflow)).toEqual([]);
      }
    });
  }
});


test('a spelled-out race link from version 1 keeps a knob that version had and today is renamed (path-order)', async ({ page }) => {
  // As `race --model 1` writes it: version 1's knob, and h= as version 1 prints the scenario.
  const v1 = new URL(cli(['race', '-', '--model', '1'], 'http://x', 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\noption path-order=no\nguest store 0x0; store 0x8\nhost unmap-s2; read 0x0; reset ctrl\n').trimEnd().split('\n').at(-1)!);
  expect(v1.search).toContain('&path-order=no&');
  await page.goto(`/play/race/${v1.search}`);
  await hydrated(page, '.race-explorer');
  await expect(note(page)).toBeVisible();
  await expect(note(page).getByText("Model version 1's plain text")).toBeVisible();
  await note(page).getByText("Model version 1's plain text").click();
  await expect(note(page).locator('pre')).toContainText('path-order=no');
});

test('with no SITE_URL the build names no localhost: no canonical link, og:url or sitemap pointing there', () => {
  const html = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') || /^sitemap.*\.xml$/.test(f));
  expect(html.length).toBeGreaterThan(20);
  for (const file of html) {
    const text = readFileSync(join('dist', file), 'utf8');
    expect(text, file).not.toMatch(/<link rel="canonical" href="https?:\/\/(localhost|127\.0\.0\.1)/);
    expect(text, file).not.toMatch(/<meta property="og:url" content="https?:\/\/(localhost|127\.0\.0\.1)/);
    if (file.endsWith('.xml')) expect(text, file).not.toMatch(/localhost|127\.0\.0\.1/);
  }
});
