/**
 * The race explorer, driven as a reader drives it (by accessible names),
 * checked against the race engine called directly here.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { checkScenario, KNOB_NAMES, parseScenario, replay, VCPU_DIRECTIVES } from '../src/engine/race/index.ts';
import { componentsText, raceChart, stepText } from '../src/engine/format/race-chart.ts';
import { linkLines } from '../src/engine/links/link-line.ts';
import { raceLink, raceQuery } from '../src/engine/links/race-query.ts';
import { raceReport } from '../src/engine/links/race-report.ts';
import { cancelOnProgress, EDITOR_LOAD, editorText, expectEditor, guardPage, hydrated, openScenarioEditor, scenarioEditor, useTheme } from './site.ts';

/** Opens a playground link and waits for the widget to take input (before that, controls show the server's HTML). */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hydrated(page, '.race-explorer');
}

const shipped = new Map(
  readdirSync('scenarios')
    .filter((file) => file.endsWith('.race'))
    .sort()
    .map((file) => [file.slice(0, -'.race'.length), readFileSync(`scenarios/${file}`, 'utf8')]),
);
const scenarioText = (name: string): string => shipped.get(name) ?? '';
const fileOf = (name: string): string => `scenarios/${name}.race`;

const editor = scenarioEditor;
/**
 * Waits until the editor's text describes the same scenario as `text`: a
 * link carries the scenario's directives, not the comments the edited text
 * kept, so what it restores is compared as a scenario.
 */
async function expectScenario(page: Page | Locator, text: string): Promise<void> {
  const scenarioOf = (source: string) => {
    try {
      return parseScenario(source);
    } catch {
      return undefined;
    }
  };
  await expect.poll(async () => scenarioOf(await editorText(page))).toEqual(scenarioOf(text));
}

/**
 * Opens "Edit the scenario" (the editor loads only then) and waits for the
 * editor; openScenarioEditor lets the first run end first (a link to an
 * edited scenario opens the editor by itself once the worker has read it).
 */
const edit = openScenarioEditor;
const verdict = (page: Page) => page.getByRole('heading', { name: /^Verdict:/ });
const status = (page: Page) => page.locator('.run [role=status]');
const plainText = (page: Page) => page.locator('.race-result .copy pre');

/** Waits until the result shown is the one for `file` (its plain text names it), then returns that text. */
async function resultFor(page: Page, file: string, states: number): Promise<string> {
  await expect(status(page)).toHaveText(`Checked: ${states.toLocaleString('en')} states explored.`);
  // The reader's own scenario names no file (the CLI's `race -` reads standard input), and its text says none.
  if (file.startsWith('<')) await expect(plainText(page)).not.toContainText(/^file:/m);
  else await expect(plainText(page)).toContainText(new RegExp(`^file: +${file.replace(/[.<>]/g, '\\$&')}$`, 'm'));
  return (await plainText(page).textContent()) ?? '';
}

/** The timing line differs from run to run (and may wrap differently): compare everything else. */
const withoutTime = (text: string): string => text.replace(/\d+\.\d ms/, 'T ms').replace(/\s+/g, ' ');

test.describe('race explorer', () => {
  test('shows for every shipped scenario the verdict, expectation and statistics the engine computes', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const guard = guardPage(page, new URL(baseURL ?? '').origin);
    await open(page, '/play/race/');
    for (const [name, text] of shipped) {
      const check = checkScenario(text, { file: fileOf(name) });
      await page.getByLabel('Scenario', { exact: true }).selectOption(name);
      await resultFor(page, fileOf(name), check.result.stats.states);
      await expect(verdict(page), name).toHaveText(`Verdict: ${check.result.verdict.toUpperCase()}`);
      if (check.expected !== undefined) {
        await expect(page.locator('.expectation')).toHaveText(`Expected: ${check.expected}, ${check.matches ? 'matches' : 'does NOT match'}.`);
      }
      const stats = page.getByRole('definition');
      await expect(stats.nth(1)).toHaveText(check.result.stats.transitions.toLocaleString('en'));
      await expect(stats.nth(2)).toHaveText(String(check.result.stats.depth));
      const writes = check.result.writes;
      await expect(stats.nth(4)).toHaveText(writes ? `${writes.min} to ${writes.max} transactions` : 'unknown (exploration incomplete)');
      await expect(page.getByRole('group', { name: /^Timeline/ })).toHaveCount(check.result.verdict === 'unsafe' ? 1 : 0);
    }
    expect(guard.consoleErrors).toEqual([]);
  });

  test('controls rewrite the text, and editing the text updates the controls', async ({ page }) => {
    await open(page, '/play/race/?scenario=pcie-nc-unmap-flr');
    await edit(page);
    await expectEditor(page, scenarioText('pcie-nc-unmap-flr'));
    await page.getByLabel('early-ack', { exact: true }).selectOption('no');
    await expectEditor(page, /^option early-ack=no$/m);
    await page.getByLabel('FWB', { exact: true }).check();
    await expectEditor(page, /^fwb on$/m);
    await page.getByLabel('Guest stage 1 memory type').selectOption('Device-nGnRE');
    await expectEditor(page, /^guest-s1 Device-nGnRE$/m);
    await page.getByRole('button', { name: 'Add guest op' }).click();
    await expectEditor(page, /^guest store 0x0; store 0x8; store 0x10$/m);
    await page.getByRole('button', { name: 'Move guest op 3 up' }).click();
    await expectEditor(page, /^guest store 0x0; store 0x10; store 0x8$/m);
    await page.getByRole('button', { name: 'Remove guest op 1' }).click();
    await expectEditor(page, /^guest store 0x10; store 0x8$/m);
    await page.getByLabel('Guest op 1', { exact: true }).selectOption('dsb');
    await expectEditor(page, /^guest dsb; store 0x8$/m);
    await page.getByLabel('Guest op 2 offset').fill('0x40');
    await page.getByLabel('Guest op 2 offset').press('Enter');
    await expectEditor(page, /^guest dsb; store 0x40$/m);

    // Switching the platform leaves `reset flr`, which soc refuses: the error is shown at its line and the controls still work.
    await page.getByLabel('Platform', { exact: true }).selectOption('soc');
    await expectEditor(page, /^platform soc$/m);
    await expect(page.getByRole('alert')).toContainText("'reset flr' needs platform pcie");
    await expect(page.getByRole('alert')).toContainText(/^Line \d+, column \d+: /);
    await page.getByLabel('Host op 2 reset method').selectOption('ctrl');
    await expectEditor(page, /^host unmap-s2; reset ctrl$/m);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'Add host op' }).click();
    await page.getByRole('button', { name: 'Move host op 3 up' }).click();
    await expectEditor(page, /^host unmap-s2; dsb; reset ctrl$/m);

    // The other way: the text drives the controls.
    const edited = 'platform pcie\nguest-s1 Device-GRE\nguest-s2 Normal-NC\noption same-pe=yes\nguest store 0x0; dmb\nhost read 0x8; reset reg\n';
    await editor(page).fill(edited);
    await expect(page.getByLabel('Platform', { exact: true })).toHaveValue('pcie');
    await expect(page.getByLabel('Guest stage 1 memory type')).toHaveValue('Device-GRE');
    await expect(page.getByLabel('FWB', { exact: true })).not.toBeChecked();
    await expect(page.getByLabel('same-pe', { exact: true })).toHaveValue('yes');
    await expect(page.getByLabel('early-ack', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('Guest op 2', { exact: true })).toHaveValue('dmb');
    await expect(page.getByLabel('Host op 1 offset')).toHaveValue('0x8');
    await expect(page.getByLabel('Host op 2 reset method')).toHaveValue('reg');
    await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('');
  });

  test('edits several vCPUs ("Add vCPU", "vCPU 1 op 2"), dc civac, reset acpi and the new knobs; the timeline gets a lane per vCPU and the link keeps them', async ({ page, context }) => {
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
    await edit(page);
    await page.getByRole('button', { name: 'Add vCPU', exact: true }).click();
    await expectEditor(page, /^guest store 0x0; store 0x8\nguest1 store 0x0; store 0x8$/m);
    await expect(page.getByLabel('vCPU 1 op 2', { exact: true })).toHaveValue('store');
    await page.getByLabel('vCPU 1 op 2 offset').fill('0x48');
    await page.getByLabel('vCPU 1 op 2 offset').press('Enter');
    await expectEditor(page, /^guest1 store 0x0; store 0x48$/m);
    await page.getByRole('button', { name: 'Add vCPU 1 op' }).click();
    await page.getByLabel('vCPU 1 op 3', { exact: true }).selectOption('dsb');
    await expectEditor(page, /^guest1 store 0x0; store 0x48; dsb$/m);
    await page.getByRole('button', { name: 'Move vCPU 1 op 3 up' }).click();
    await expectEditor(page, /^guest1 store 0x0; dsb; store 0x48$/m);
    await page.getByRole('button', { name: 'Add vCPU', exact: true }).click();
    await expectEditor(page, /^guest2 store 0x0; store 0x8$/m);
    await page.getByRole('button', { name: 'Remove vCPU 1', exact: true }).click();
    // The later vCPU moves down: vCPU 2's program is now guest1's.
    await expectEditor(page, /^guest1 store 0x0; store 0x8\nhost /m);
    await expectEditor(page, /^guest2/m, true);

    await page.getByRole('button', { name: 'Add host op' }).click();
    await page.getByLabel('Host op 3', { exact: true }).selectOption('dc-civac');
    await expectEditor(page, /^host unmap-s2; reset ctrl; dc civac all$/m);
    await page.getByLabel('Host op 3 offset').fill('0x40');
    await page.getByLabel('Host op 3 offset').press('Enter');
    await expectEditor(page, /^host unmap-s2; reset ctrl; dc civac 0x40$/m);
    // A dsb moved up before the reset; the clean stays after it (a clean before a reset needs a dsb between, M-cache-dc-civac).
    await page.getByRole('button', { name: 'Add host op' }).click();
    await page.getByLabel('Host op 4', { exact: true }).selectOption('dsb');
    await page.getByRole('button', { name: 'Move host op 4 up' }).click();
    await page.getByRole('button', { name: 'Move host op 3 up' }).click();
    await expectEditor(page, /^host unmap-s2; dsb; reset ctrl; dc civac 0x40$/m);
    await page.getByLabel('Host op 3 reset method').selectOption('acpi');
    await expectEditor(page, /^host unmap-s2; dsb; reset acpi; dc civac 0x40$/m);
    await page.getByLabel('unmap-cleans', { exact: true }).selectOption('yes');
    await expectEditor(page, /^option unmap-cleans=yes$/m);

    // The result is the engine's for this text, with a lane per vCPU.
    const text = await editorText(page);
    const check = checkScenario(text, { file: '<stdin>' });
    await resultFor(page, '<stdin>', check.result.stats.states);
    await expect(verdict(page)).toHaveText(`Verdict: ${check.result.verdict.toUpperCase()}`);
    await expect(page).toHaveURL(/&guest1=store\+0x0;store\+0x8&host=unmap-s2;dsb;reset\+acpi;dc\+civac\+0x40/);
    if (check.result.verdict === 'unsafe') {
      const chart = raceChart(check.model, replay(check.model, check.result.trace));
      expect(chart.lanes.map((l) => l.name)).toContain('vCPU 1 PE');
      await expect(page.locator('.race-timeline .lanes-head')).toContainText('vCPU 1 PE');
      await expect(page.getByRole('list', { name: /^Counterexample/ }).getByRole('listitem')).toHaveCount(chart.steps.length);
    }
    const again = await context.newPage();
    await again.goto(page.url());
    await expectScenario(again, text);
  });

  test('draws a lane for each vCPU and one for the cache, for shipped scenarios that have them', async ({ page }) => {
    for (const name of ['soc-nc-unmap-ctrl-4vcpu', 'pcie-wb-fwb-unmap-flr']) {
      const check = checkScenario(scenarioText(name), { file: fileOf(name) });
      const chart = raceChart(check.model, replay(check.model, check.result.trace));
      await open(page, `/play/race/?scenario=${name}`);
      await resultFor(page, fileOf(name), check.result.stats.states);
      await expect(page.locator('.race-timeline .lane-name')).toHaveText(chart.lanes.map((l) => l.name));
      const rows = page.getByRole('list', { name: /^Counterexample/ }).getByRole('listitem');
      for (const [i, step] of chart.steps.entries()) await expect(rows.nth(i)).toContainText(step.label);
    }
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.race-timeline .components')).toContainText('Cache (dirty lines)');
  });

  test('shows a parse error at its line and column, and never a blank widget', async ({ page }) => {
    await open(page, '/play/race/');
    await edit(page);
    await editor(page).fill('platform pcie\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nhost unmap-s2; reboot\n');
    await expect(page.getByRole('alert')).toHaveText(/^Line 4, column 16: unknown host op 'reboot'; expected 'unmap-s2', 'dsb', /);
    await expect(editor(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
    await editor(page).fill('');
    await expect(page.getByRole('alert')).toContainText("missing 'platform' directive");
    await expect(page.getByLabel('Scenario', { exact: true })).toBeVisible();
    // Closed, the editor still says the text needs fixing.
    await page.getByText('Edit the scenario', { exact: true }).click();
    await expect(page.getByText(/^The scenario text has an error \(line 1\): open “Edit the scenario” to fix it\.$/)).toBeVisible();
    await expect(status(page)).toHaveText('Nothing to run until the scenario text parses.');
  });

  test('a link restores the state exactly', async ({ page, context }) => {
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
    await edit(page);
    // The address stays as the link was opened until the reader changes the state.
    expect(new URL(page.url()).search).toBe('?scenario=soc-nc-unmap-ctrl');
    await page.getByLabel('write-order', { exact: true }).selectOption('no');
    await page.getByRole('button', { name: 'Add host op' }).click();
    await page.getByRole('button', { name: 'Move host op 3 up' }).click();
    const text = await editorText(page);
    await expect(page).toHaveURL(new RegExp(`${raceQuery(parseScenario(text), shipped).replace(/[?+]/g, '\\$&')}$`));
    const again = await context.newPage();
    await again.goto(page.url());
    // A link to a scenario of the reader's own opens with its text shown.
    await expectScenario(again, text);
    await expect(again.locator('.problem')).toHaveCount(0);
  });

  test('a malformed or unknown parameter is named, nothing runs, and the rest runs when the reader asks', async ({ page }) => {
    await open(page, '/play/race/?platform=arm&s1=Device-nGnRE&guest=store+0x0;frob&host=unmap-s2;read+0x0;reset+flr&colour=red&early-ack=maybe');
    await expect(page.getByText("Link: parameter 'platform': ")).toBeVisible();
    await expect(page.getByText("Link: parameter 'guest': ")).toBeVisible();
    await expect(page.getByText("Link: parameter 'early-ack': ")).toBeVisible();
    await expect(page.getByText("Link: unknown parameter 'colour'")).toBeVisible();
    await expect(verdict(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Run this text anyway' }).click();
    await expect(verdict(page)).toBeVisible();
    await edit(page);
    await expectEditor(page, /^guest-s1 Device-nGnRE$/m);
    await expectEditor(page, /^host unmap-s2; read 0x0; reset flr$/m);
    await expectEditor(page, /^platform pcie$/m);
  });

  test('"Copy as plain text" is the CLI text for the same inputs, ending with the link', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const origin = new URL(baseURL ?? '').origin;
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
    const check = checkScenario(scenarioText('soc-nc-unmap-ctrl'), { file: fileOf('soc-nc-unmap-ctrl') });
    const shown = await resultFor(page, fileOf('soc-nc-unmap-ctrl'), check.result.stats.states);
    const expected = raceReport(check, origin, shipped);
    expect(withoutTime(shown)).toBe(withoutTime(expected));
    expect(shown).toContain('Counterexample (8 steps, a shortest one):');
    expect(shown.split('\nExplored')[0]).toBe(expected.split('\nExplored')[0]);
    expect(shown.endsWith(`\n${linkLines(raceLink(origin, check.scenario, shipped))}`)).toBe(true);
    // Every line but the link, which stays whole so that mail clients keep it clickable.
    expect(shown.trimEnd().split('\n').slice(0, -1).filter((line) => line.length > 70)).toEqual([]);
    await page.getByRole('button', { name: 'Copy as plain text' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    // An edited scenario is what the CLI prints for it on standard input.
    await edit(page);
    await page.getByLabel('early-ack', { exact: true }).selectOption('no');
    const text = await editorText(page);
    const edited = checkScenario(text, { file: '<stdin>' });
    const editedShown = await resultFor(page, '<stdin>', edited.result.stats.states);
    expect(withoutTime(editedShown)).toBe(withoutTime(raceReport(edited, origin, shipped)));
  });

  test('the timeline labels every step as the engine does, steps with buttons and arrow keys, and shows what each component holds', async ({ page }) => {
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
    const check = checkScenario(scenarioText('soc-nc-unmap-ctrl'));
    const chart = raceChart(check.model, replay(check.model, check.result.trace));
    const n = chart.steps.length;
    // The rows are the chart's text alternative: each names its step, its label and the lanes it moves between.
    const rows = page.getByRole('list', { name: `Counterexample, a shortest one (${n} steps)` }).getByRole('listitem');
    await expect(rows).toHaveCount(n);
    for (const [i, step] of chart.steps.entries()) {
      await expect(rows.nth(i)).toContainText(`Step ${i + 1}: ${step.label}`);
      if (step.move) await expect(rows.nth(i)).toContainText(`${step.move.what}: `);
    }
    await expect(rows.nth(n - 1)).toContainText('store 0x0: Interconnect → Device (after the reset)');
    await expect(rows.nth(2)).toContainText('store 0x0: Guest PE → Interconnect');

    const description = page.locator('.race-timeline .step');
    const boxes = page.locator('.race-timeline .components');
    const box = (name: string) => boxes.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
    const after = (k: number): string => `Step ${k} of ${n}, `;
    await expect(description).toHaveAttribute('aria-live', 'polite');
    await expect(description).toHaveText(`Start, before step 1 of ${n}. ${componentsText(chart.components[0] ?? [])}`);
    await expect(boxes).toContainText('Before step 1, each component holds:');
    await page.getByRole('button', { name: 'Next step' }).click();
    const first = chart.steps[0]!;
    await expect(description).toHaveText(`${after(1)}Guest PE: ${stepText(chart, first)}. After it: ${componentsText(chart.components[1] ?? [])}`);
    await expect(box('Guest PE write buffer')).toContainText('store 0x0');
    await expect(rows.nth(0)).toHaveAttribute('aria-current', 'step');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(description).toContainText(`${after(2)}Host PE: ${stepText(chart, chart.steps[1]!)}`);
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expect(description).toContainText(after(1));
    const timeline = page.getByRole('group', { name: /^Timeline/ });
    await timeline.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(description).toContainText(after(3));
    await expect(box('Path to the device')).toContainText('store 0x0');
    await expect(box('Guest PE write buffer')).toContainText('empty');
    await page.keyboard.press('ArrowLeft');
    await expect(description).toContainText(after(2));
    await page.keyboard.press('End');
    const last = chart.steps[n - 1]!;
    await expect(description).toHaveText(`${after(n)}Device: ${stepText(chart, last)}. After it: ${componentsText(chart.components[n] ?? [])}`);
    await expect(box('Device')).toContainText('reset');
    await expect(box('Device')).toContainText('store 0x0 (after the reset)');
    await expect(box('Reset controller')).toContainText('write to the reset controller');
    await expect(page.locator('.race-timeline li[aria-current]')).toHaveCount(1);
    await page.keyboard.press('Home');
    await expect(description).toContainText('Start, before step 1');
    await expect(page.locator('.race-timeline li[aria-current]')).toHaveCount(0);
  });

  test('the plain-text chart is the CLI’s output, for every shipped unsafe scenario', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const origin = new URL(baseURL ?? '').origin;
    const unsafe = [...shipped].filter(([name, text]) => checkScenario(text, { file: fileOf(name) }).result.verdict === 'unsafe');
    expect(unsafe.length).toBeGreaterThan(3);
    const chartOf = (text: string): string => text.slice(text.indexOf('Counterexample ('), text.indexOf('\nWrites reaching'));
    for (const [name, text] of unsafe) {
      const cli = execFileSync('npm', ['run', '-s', 'cli', '--', 'race', fileOf(name)], { encoding: 'utf8', env: { ...process.env, SITE_URL: origin } });
      await open(page, `/play/race/?scenario=${name}`);
      const shown = await resultFor(page, fileOf(name), checkScenario(text).result.stats.states);
      expect(chartOf(shown), name).toBe(chartOf(cli));
      expect(chartOf(shown)).toMatch(/^ +1  /m);
      expect(withoutTime(shown), name).toBe(withoutTime(cli));
    }
  });

  test('the editor and the parser load only when the reader opens the editor', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    for (const path of ['/play/race/?scenario=soc-nc-unmap-ctrl']) {
      loaded.length = 0;
      await page.goto(path, { waitUntil: 'networkidle' });
      await hydrated(page, '.race-explorer');
      await expect(verdict(page).first()).toBeVisible();
      expect(loaded.filter((p) => p.includes('RaceEditing')), path).toEqual([]);
      await edit(page.locator('.race-explorer').first());
      expect(loaded.filter((p) => p.includes('RaceEditing')), path).toHaveLength(1);
    }
  });

  test('Cancel stops a long exploration and the page stays responsive', async ({ page, baseURL }) => {
    const guard = guardPage(page, new URL(baseURL ?? '').origin);
    await open(page, '/play/race/');
    await edit(page);
    const stores = Array.from({ length: 30 }, (_, i) => `store 0x${(i * 8).toString(16)}`).join('; ');
    await cancelOnProgress(page);
    await editor(page).fill(`platform pcie\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest ${stores}\nhost unmap-s2; reset flr\n`);
    await expect(status(page)).toHaveText(/^Cancelled after [1-9][\d,]* states: no verdict\.$/);
    // The main thread was free while the worker explored, and still is.
    await page.getByLabel('same-pe', { exact: true }).focus();
    await cancelOnProgress(page);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(status(page)).toHaveText(/^Cancelled after [1-9]/);
    await page.getByLabel('Scenario', { exact: true }).selectOption('soc-nc-unmap-ctrl');
    await expect(verdict(page)).toHaveText('Verdict: UNSAFE');
    expect(guard.consoleErrors).toEqual([]);
  });

  test('hostile input in every parameter and in the editor runs nothing and breaks nothing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const payloads = [
      '<img src=x onerror=window.__xss=1>',
      '"><svg onload=window.__xss=1>',
      "'};window.__xss=1;//",
      'javascript:window.__xss=1',
      '\u0000\u0001\u001b[31m\ud800\uffff\u202e',
      Array.from({ length: 64 }, (_, i) => String.fromCharCode((i * 37 + 11) % 256)).join(''),
    ];
    const names = ['scenario', 'title', 'platform', 'fwb', 's1', 's2', ...KNOB_NAMES, 'path-order', ...VCPU_DIRECTIVES, 'host', 'expect', 'v', 'h', '<b>x</b>'];
    for (const payload of payloads) {
      const query = new URLSearchParams(names.map((name) => [name, payload]));
      await open(page, `/play/race/?${query}`);
      await expect(page.getByText(/^Link: /).first()).toBeVisible();
      await edit(page);
      await editor(page).fill(`title ${payload}\nplatform soc\nguest-s1 ${payload}\n${payload}\n`);
      await expect(page.getByRole('alert')).toBeVisible();
      // U+FFFF is left out of the title: CodeMirror reads that noncharacter, typed into its text, as a line break.
      await editor(page).fill(`title ${payload.replace(/[#\r\n\uffff]/g, '')}\nplatform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0\nhost unmap-s2; reset ctrl\n`);
      await expect(verdict(page)).toHaveText('Verdict: UNSAFE');
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator('.race-explorer img, .race-explorer script, .race-explorer [onerror], .race-explorer [onload]').count()).toBe(0);
    }
    await page.getByLabel('Scenario', { exact: true }).selectOption('pcie-nc-unmap-flr');
    await expect(verdict(page)).toHaveText('Verdict: SAFE');
    expect(errors).toEqual([]);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await open(page, '/play/race/?scenario=pcie-nc-unmap-flr-4vcpu');
    const select = page.getByLabel('Scenario', { exact: true });
    for (let presses = 0; presses < 80 && !(await select.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(select).toBeFocused();
    // pcie-nc-unmap-flr-config-bypass follows pcie-nc-unmap-flr-4vcpu: unsafe.
    await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue('pcie-nc-unmap-flr-config-bypass');
    await expect(verdict(page)).toHaveText('Verdict: UNSAFE');
    await expect(status(page)).toHaveText(/^Checked/);
    await page.keyboard.press('Tab');
    await expect(page.getByText('Edit the scenario', { exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor(page)).toBeVisible(EDITOR_LOAD);
    await page.keyboard.press('Tab');
    await expect(editor(page)).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('option write-order=yes\n');
    await expect(page.getByLabel('write-order', { exact: true })).toHaveValue('yes');
    const next = page.getByRole('button', { name: 'Next step' });
    for (let presses = 0; presses < 80 && !(await next.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.race-timeline .step')).toContainText('Step 1 of');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('group', { name: /^Timeline/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.race-timeline .step')).toContainText('Step 2 of');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`is axe-clean in the ${theme} theme, timeline shown`, async ({ page }) => {
      await useTheme(page, theme);
      await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
      await expect(page.getByRole('group', { name: /^Timeline/ })).toBeVisible();
      await page.locator('.race-result summary').click();
      await edit(page);
      await editor(page).focus();
      await page.getByRole('button', { name: 'Next step' }).click();
      const results = await new AxeBuilder({ page }).include('.race-explorer').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const whole = await new AxeBuilder({ page }).analyze();
      expect(whole.violations.map((v) => v.id)).toEqual([]);
    });
  }

  test('is usable on a 320 px wide phone without horizontal page scrolling; the timeline scrolls in its own box', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 740 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await open(page, '/play/race/?scenario=soc-nc-unmap-ctrl');
    const timeline = page.getByRole('group', { name: /^Timeline/ });
    await expect(timeline).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await timeline.evaluate((el) => el.scrollWidth > el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.locator('.race-timeline .components')).toContainText('After step 1');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await edit(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByLabel('Platform', { exact: true }).selectOption('pcie');
    await page.getByLabel('Host op 2 reset method').selectOption('flr');
    await expect(verdict(page)).toHaveText('Verdict: SAFE');
    await page.getByRole('button', { name: 'Add guest op' }).click();
    await expectEditor(page, /store 0x10/);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
