/**
 * The playgrounds as tools (issue 21): input and result side by side from
 * 1100 px and stacked on a phone, measured at 1280 x 800 and 320 px; the
 * CodeMirror scenario editor (72 columns, line numbers and diagnostics on
 * their lines, Tab not trapped); form controls that edit the text in place;
 * the timeline's legend, lane names and step labels; the matrix's sticky
 * headers; the home page; a theme picker and an uncut title at 320 px on
 * every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { KNOB_MEANINGS, KNOB_NAMES, KNOB_RULES, parseScenario } from '../src/engine/race/index.ts';
import { CHART_LEGEND } from '../src/engine/format/race-chart.ts';
import { resetMethodsOn } from '../src/engine/race/vocabulary/reset-methods.ts';
import { editorText, hydrated, openScenarioEditor, scenarioEditor, sitemapPaths } from './site.ts';

const shipped = new Map(
  readdirSync('scenarios')
    .filter((file) => file.endsWith('.race'))
    .map((file) => [file.slice(0, -'.race'.length), readFileSync(`scenarios/${file}`, 'utf8')]),
);

const editor = scenarioEditor;
const verdict = (page: Page) => page.getByRole('heading', { name: /^Verdict:/ });
const status = (page: Page) => page.locator('.run [role=status]');

async function openRace(page: Page, scenario: string): Promise<void> {
  await page.goto(`/play/race/?scenario=${scenario}`);
  await hydrated(page, '.race-explorer');
  await expect(status(page)).toHaveText(/^Checked/);
  await openScenarioEditor(page);
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box: the element is not rendered');
  return b;
};
/** Wholly inside the viewport. */
const inView = (b: Box, page: Page): boolean => b.y >= 0 && b.y + b.height <= (page.viewportSize()?.height ?? 0) && b.x >= 0 && b.x + b.width <= (page.viewportSize()?.width ?? 0);
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('at 1280 x 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the race playground puts the editor and the verdict side by side, both in view after a change', async ({ page }) => {
    await openRace(page, 'pcie-nc-unmap-flr');
    await editor(page).scrollIntoViewIfNeeded();
    await page.getByLabel('early-ack', { exact: true }).selectOption('no');
    await expect(status(page)).toHaveText(/^Checked/);
    await editor(page).scrollIntoViewIfNeeded();
    const [ed, v] = [await box(page.locator('.cm-editor')), await box(verdict(page))];
    expect(inView(v, page), `verdict at ${JSON.stringify(v)}`).toBe(true);
    expect(ed.y < 800 && ed.y + ed.height > 0, `editor at ${JSON.stringify(ed)}`).toBe(true);
    expect(v.x, 'the verdict stands right of the editor').toBeGreaterThanOrEqual(ed.x + ed.width);
    // The right rail is gone: the widget reaches the main pane's right edge.
    expect((await box(page.locator('.race-explorer'))).x + (await box(page.locator('.race-explorer'))).width).toBeGreaterThan(1200);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  test('the editor shows at least 72 columns, keeps its line numbers and the error marker on their lines, and lets Tab leave', async ({ page }) => {
    await openRace(page, 'soc-nc-unmap-ctrl');
    const columns = await page.evaluate(() => {
      const line = document.querySelector<HTMLElement>('.cm-line')!;
      const probe = document.createElement('span');
      probe.textContent = '0'.repeat(100);
      probe.style.whiteSpace = 'pre';
      document.querySelector('.scenario-editor .frame')!.append(probe);
      const char = probe.getBoundingClientRect().width / 100;
      probe.remove();
      const style = getComputedStyle(line);
      return (line.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) / char;
    });
    expect(columns).toBeGreaterThanOrEqual(72);

    // Twelve lines before the error, one of them wider than the box: the numbers and the marker stay on their lines.
    const long = `# ${'a long comment that wraps '.repeat(5)}`;
    const text = `# one\n${long}\n# three\n# four\n# five\n# six\n# seven\n# eight\nplatform pcie\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest store 0x0\nhost unmap-s2; reboot\n`;
    await editor(page).fill(text);
    await expect(page.getByRole('alert')).toHaveText(/^Line 13, column 16: unknown host op 'reboot'/);
    const numbers = page.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: /^\d+$/ });
    const lines = page.locator('.cm-content .cm-line');
    for (const k of [1, 2, 3, 10, 13]) {
      const number = numbers.filter({ hasText: new RegExp(`^${k}$`) });
      await expect(number).toHaveCount(1);
      expect(Math.abs((await box(number)).y - (await box(lines.nth(k - 1))).y), `line ${k}`).toBeLessThan(2);
    }
    const marker = await box(page.locator('.cm-lintRange-error'));
    const line13 = await box(lines.nth(12));
    expect(marker.y).toBeGreaterThanOrEqual(line13.y - 1);
    expect(marker.y + marker.height).toBeLessThanOrEqual(line13.y + line13.height + 1);
    const range = await page.locator('.cm-lintRange-error').textContent();
    expect(range).toBe('reboot');
    await expect(editor(page)).toHaveAttribute('aria-invalid', 'true');

    await editor(page).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
  });

  test('a control edits the text in place: comments kept, title marked, a stale expect made neutral', async ({ page }) => {
    await openRace(page, 'pcie-nc-unmap-flr');
    const before = shipped.get('pcie-nc-unmap-flr') ?? '';
    await page.getByLabel('early-ack', { exact: true }).selectOption('no');
    await expect.poll(() => editorText(page)).toMatch(/^option early-ack=no$/m);
    const after = await editorText(page);
    const comments = (t: string) => t.split('\n').filter((line) => line.startsWith('# ') && !line.startsWith('# expect'));
    expect(comments(after)).toEqual(comments(before));
    expect(after).toMatch(/^title PCIe, Normal-NC: stage-2 unmap, then FLR \(edited\)$/m);
    expect(after).not.toMatch(/^expect /m);
    expect(after).toMatch(/^# expect safe: /m);
    await expect(status(page)).toHaveText(/^Checked/);
    const answer = (await verdict(page).textContent())?.replace('Verdict: ', '').toLowerCase();
    await expect(page.locator('.expectation')).toHaveText(`The scenario before your edit expects safe; this edit answers ${answer}.`);
    await expect(page.locator('.mismatch')).toHaveCount(0);
    // The outcome is also right under the control that changed it.
    await expect(page.locator('.knob', { has: page.getByLabel('early-ack', { exact: true }) }).locator('.outcome')).toHaveText(/^Verdict: (SAFE|UNSAFE) \(/);

    // Only the reset methods of the platform can be chosen; the error of a platform switch shows at the platform.
    await page.getByLabel('Platform', { exact: true }).selectOption('soc');
    const platformField = page.locator('.field', { has: page.getByLabel('Platform', { exact: true }) });
    await expect(platformField.locator('xpath=following-sibling::*[1]')).toHaveText(/'reset flr' needs platform pcie/);
    const methods = page.getByLabel('Host op 2 reset method');
    const enabled = await methods.locator('option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(enabled).toEqual([...resetMethodsOn('soc')]);
    await methods.selectOption('ctrl');
    await expect(page.locator('.control-error')).toHaveCount(0);
  });

  test('the scenario list is grouped by platform and guest type, with readable names for every shipped scenario', async ({ page }) => {
    await openRace(page, 'pcie-nc-unmap-flr');
    const select = page.getByLabel('Scenario', { exact: true });
    const groups = await select.locator('optgroup').evaluateAll((list) =>
      list.map((g) => ({ label: g.getAttribute('label') ?? '', options: [...g.querySelectorAll('option')].map((o) => ({ value: o.value, label: o.textContent ?? '' })) })),
    );
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) expect(group.label).toMatch(/^(PCIe|SoC), \S+ accesses$/);
    const options = groups.flatMap((g) => g.options);
    expect(options.map((o) => o.value).sort()).toEqual([...shipped.keys()].sort());
    for (const option of options) {
      const title = parseScenario(shipped.get(option.value) ?? '').title ?? '';
      expect(title.endsWith(option.label), `${option.value}: '${option.label}' is part of its title`).toBe(true);
      expect(option.label).not.toContain(option.value);
    }
    // Within a group, every scenario's platform is the group's.
    for (const group of groups) {
      for (const option of group.options) expect(group.label.toLowerCase().startsWith(parseScenario(shipped.get(option.value) ?? '').platform)).toBe(true);
    }
  });

  test('every knob says what it means at its control and links to its rule', async ({ page }) => {
    await openRace(page, 'soc-nc-unmap-ctrl');
    const hrefs: string[] = [];
    for (const name of KNOB_NAMES) {
      const control = page.getByLabel(name, { exact: true });
      await expect(control).toHaveAccessibleDescription(new RegExp(`^${KNOB_MEANINGS[name].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      const link = page.locator('.knob', { has: control }).getByRole('link', { name: `Rule ${KNOB_RULES[name]}` });
      await expect(link).toHaveAttribute('href', `/reference/race-model/#${KNOB_RULES[name]}`);
      hrefs.push((await link.getAttribute('href')) ?? '');
    }
    await page.goto('/reference/race-model/');
    for (const href of new Set(hrefs)) await expect(page.locator(`[id="${href.split('#')[1]}"]`), href).toHaveCount(1);
  });

  test('the timeline has a legend, lane names on one line each, and readable step labels with 4 vCPUs', async ({ page }) => {
    await page.goto('/play/race/?scenario=soc-nc-unmap-ctrl-4vcpu');
    await hydrated(page, '.race-explorer');
    await expect(status(page)).toHaveText(/^Checked/);
    const timeline = page.locator('.race-timeline');
    await expect(timeline.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText(CHART_LEGEND.map((e) => e.meaning));
    const names = timeline.locator('.lane-name');
    expect(await names.count()).toBe(8);
    for (const name of await names.all()) {
      const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await box(name)).height, (await name.textContent()) ?? '').toBeLessThanOrEqual(lineHeight * 1.2);
    }
    await expect(names).toContainText(['vCPU 0 PE', 'vCPU 1 PE', 'vCPU 2 PE', 'vCPU 3 PE', 'Host PE', 'Interconnect', 'Device', 'Reset controller']);
    await labelsReadable(page);
  });

  test('the matrix keeps its row and column headers in view while it scrolls', async ({ page }) => {
    await matrixHeadersStick(page);
  });

  for (const path of ['/play/combine/', '/play/kvm/', '/play/mair/']) {
    test(`${path} puts the controls and the result side by side`, async ({ page }) => {
      await page.goto(path);
      await hydrated(page, '.widget.full');
      const [controls, result] = [await box(page.locator('.widget.full .split > :first-child').first()), await box(page.locator('.widget.full .split > :last-child').first())];
      expect(result.x).toBeGreaterThanOrEqual(controls.x + controls.width);
      expect(result.y).toBeLessThan(800);
    });
  }

  test('the home page says what the site answers and for whom, with three ways in', async ({ page }) => {
    await page.goto('/');
    const tagline = page.locator('.hero .tagline');
    await expect(tagline).toContainText('reviewers');
    await expect(tagline).toContainText('SoC and driver engineers');
    await expect(tagline).toContainText('students');
    await expect(page.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/play/race/');
    for (const way of ['Reviewing a patch', 'Bringing up a device', 'Learning how it works']) await expect(page.getByRole('heading', { name: way })).toBeVisible();
    for (const href of ['/reference/checklist/', '/play/race/', '/play/kvm/', '/play/combine/', '/guide/overview/']) await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
  });
});

/** Each step label sits inside the chart's visible box, the lanes scrolled or not. */
async function labelsReadable(page: Page): Promise<void> {
  const scroller = page.locator('.race-timeline .scroller');
  for (const end of [0, 1]) {
    await scroller.evaluate((el, to) => (el.scrollLeft = to * el.scrollWidth), end);
    const visible = await box(scroller);
    for (const label of await page.locator('.race-timeline .steps .label').all()) {
      const b = await box(label);
      expect(b.x, `${await label.textContent()}`).toBeGreaterThanOrEqual(visible.x - 1);
      expect(b.x + b.width, `${await label.textContent()}`).toBeLessThanOrEqual(visible.x + visible.width + 1);
    }
  }
}

async function matrixHeadersStick(page: Page): Promise<void> {
  await page.goto('/play/combine/');
  await hydrated(page, '.combine-explorer');
  const scroll = page.locator('.matrix .scroll');
  await scroll.scrollIntoViewIfNeeded();
  await scroll.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  const area = await box(scroll);
  const rowHeader = await box(page.locator('.matrix tbody tr').last().locator('th'));
  const colHeader = await box(page.locator('.matrix thead th').last());
  expect(Math.abs(rowHeader.x - area.x), 'row header at the left edge').toBeLessThan(3);
  expect(Math.abs(colHeader.y - area.y), 'column header at the top edge').toBeLessThan(3);
  expect(await scroll.evaluate((el) => el.scrollLeft > 0 || el.scrollWidth <= el.clientWidth)).toBe(true);
}

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 740 } });

  test('the race playground stacks, with the verdict right under the control that changed it', async ({ page }) => {
    await openRace(page, 'soc-nc-unmap-ctrl');
    const control = page.getByLabel('same-pe', { exact: true });
    await control.selectOption('yes');
    await expect(status(page)).toHaveText(/^Checked/);
    const outcome = page.locator('.knob', { has: control }).locator('.outcome');
    await expect(outcome).toHaveText(`${(await verdict(page).textContent())?.trim()} (${(await page.locator('.stats dd').first().textContent())?.trim()} states).`);
    const [c, o] = [await box(control), await box(outcome)];
    expect(o.y).toBeGreaterThan(c.y);
    expect(o.y - (c.y + c.height)).toBeLessThan(80);
    // Stacked: the result comes after the input.
    expect((await box(verdict(page))).y).toBeGreaterThan((await box(page.locator('.race-controls'))).y);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  test('the timeline scrolls its lanes in its own box with a hint, and the step labels stay readable', async ({ page }) => {
    await page.goto('/play/race/?scenario=soc-nc-unmap-ctrl-4vcpu');
    await hydrated(page, '.race-explorer');
    await expect(status(page)).toHaveText(/^Checked/);
    await expect(page.locator('.race-timeline .scroll-hint')).toBeVisible();
    expect(await page.locator('.race-timeline .scroller').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await labelsReadable(page);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  test('the matrix keeps its row and column headers in view while it scrolls', async ({ page }) => {
    await matrixHeadersStick(page);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
  });

  for (const path of ['/play/combine/', '/play/kvm/', '/play/mair/']) {
    test(`${path} stacks the result under the controls`, async ({ page }) => {
      await page.goto(path);
      await hydrated(page, '.widget.full');
      const [controls, result] = [await box(page.locator('.widget.full .split > :first-child').first()), await box(page.locator('.widget.full .split > :last-child').first())];
      expect(result.y).toBeGreaterThanOrEqual(controls.y + controls.height - 1);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
    });
  }

  test('every page shows its whole title and has a theme picker within reach', async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of sitemapPaths()) {
      await page.goto(path);
      const title = page.locator('.site-title');
      const cut = await title.evaluate((el) => {
        const span = el.querySelector('span') ?? el;
        const header = el.closest('header')!.getBoundingClientRect();
        return span.scrollWidth > span.clientWidth + 1 || el.getBoundingClientRect().right > header.right || el.getBoundingClientRect().bottom > header.bottom;
      });
      expect(cut, `${path}: title cut`).toBe(false);
      const picker = page.locator('starlight-theme-select select').filter({ visible: true });
      if ((await picker.count()) === 0) await page.getByRole('button', { name: 'Menu' }).click();
      await expect(picker.first(), path).toBeVisible();
      await picker.first().selectOption('dark');
      await expect(page.locator('html'), path).toHaveAttribute('data-theme', 'dark');
      await picker.first().selectOption('light');
      await expect(page.locator('html'), path).toHaveAttribute('data-theme', 'light');
    }
  });
});
