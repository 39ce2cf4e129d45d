/**
 * The guide's race figures ask before they tell: each shows its scenario
 * and asks for a prediction, with the answer closed until the reader
 * checks one or skips to it; the answer (verdict, why, the timeline of an
 * UNSAFE verdict) is the engine's; the one control switches to the
 * figure's other scenario; "Open in the playground" opens the exact state,
 * where the whole tool and its statistics are. A game opened in a figure
 * speaks through the figure's one status. Generated widget text is kept
 * out of the search index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { checkScenario } from '../src/engine/race/index.ts';
import { ablate, whyOf } from '../src/engine/race/explain/index.ts';
import { raceLink } from '../src/engine/links/race-query.ts';
import { movesOfTrace } from '../src/engine/learn/index.ts';
import { guardPage, hydrated } from './site.ts';

const shipped = new Map(
  readdirSync('scenarios')
    .filter((file) => file.endsWith('.race'))
    .sort()
    .map((file) => [file.slice(0, -'.race'.length), readFileSync(`scenarios/${file}`, 'utf8')]),
);
const shown = (sentence: string): string => sentence.replaceAll('`', '');

interface FigureSpec {
  scenario: string;
  control?: string;
  other?: string;
}

/** The figures of a guide page as its MDX places them. */
function figuresOf(page: string): FigureSpec[] {
  const mdx = readFileSync(`src/content/docs/guide/${page}.mdx`, 'utf8');
  return [...mdx.matchAll(/<RaceFigure ([^>]*)\/>/g)].map((m) => {
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1];
    const other = attr('on') ?? attr('off');
    const control = attr('control');
    return { scenario: attr('scenario')!, ...(control ? { control } : {}), ...(other ? { other } : {}) };
  });
}

function engineAnswer(name: string) {
  const check = checkScenario(shipped.get(name)!, { file: `scenarios/${name}.race` });
  const verdict = check.result.verdict.toUpperCase();
  const why = whyOf(check, check.result.verdict === 'safe' ? ablate(check) : undefined).headline!;
  return { check, verdict, why, link: raceLink('', check.scenario, shipped) };
}

async function expectAnswer(figure: Locator, name: string): Promise<void> {
  const { check, verdict, why, link } = engineAnswer(name);
  await expect(figure.locator('.verdict')).toHaveText(`Verdict: ${verdict}`);
  await expect(figure.locator('.verdict')).toBeVisible();
  await expect(figure.locator('.race-why')).toHaveText(`Why: ${shown(why)}`);
  await expect(figure.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', link);
  if (check.result.verdict === 'unsafe') {
    await expect(figure.getByRole('heading', { name: `Counterexample, a shortest one (${check.result.trace.length} steps)` })).toBeVisible();
  } else {
    await expect(figure.getByRole('heading', { name: /^Counterexample/ })).toHaveCount(0);
  }
}

async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrated(page, '.race-question');
}

for (const guide of ['reset-race', 'cacheable']) {
  test(`/guide/${guide}/: every race figure asks first, answers as the engine, and its control switches to its other scenario`, async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const guard = guardPage(page, new URL(baseURL!).origin);
    const specs = figuresOf(guide);
    expect(specs.length).toBeGreaterThan(2);
    await openPage(page, `/guide/${guide}/`);
    const figures = page.locator('figure.race-question');
    await expect(figures).toHaveCount(specs.length);
    for (const [i, spec] of specs.entries()) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.getByRole('button', { name: 'Check' })).toBeEnabled();
      // The question first, the answer closed; no model-checker statistics in a figure.
      await expect(figure).toHaveAccessibleName('Predict: Can a guest write reach the device after the reset?');
      await expect(figure.locator('.verdict')).toBeHidden();
      await expect(figure).not.toContainText('Transitions');
      const { verdict } = engineAnswer(spec.scenario);
      const wrong = verdict === 'SAFE' ? 'UNSAFE' : 'SAFE';
      await figure.getByRole('radio', { name: wrong, exact: true }).check();
      await figure.getByRole('button', { name: 'Check' }).click();
      await expect(figure.getByRole('status')).toHaveText(`Not quite: the engine answers ${verdict}, not ${wrong}. The answer is below.`);
      await expectAnswer(figure, spec.scenario);

      if (spec.control && spec.other) {
        const control = figure.getByRole('checkbox', { name: shown(spec.control) });
        await control.click();
        await expect(figure.locator('.verdict')).toBeHidden();
        await expect(figure.getByRole('status')).toHaveText('');
        await expect(figure).toHaveAttribute('data-scenario', spec.other);
        // Skipping straight to the answer.
        await figure.getByText('Show the answer', { exact: true }).click();
        await expectAnswer(figure, spec.other);
        await control.click();
        await expect(figure).toHaveAttribute('data-scenario', spec.scenario);
      }
    }
    expect(guard.consoleErrors).toEqual([]);
  });
}

test('a figure predicted right, then opened in the playground: the same scenario, with the whole tool', async ({ page }) => {
  const [spec] = figuresOf('reset-race');
  await openPage(page, '/guide/reset-race/');
  const figure = page.locator('figure.race-question').first();
  const { verdict } = engineAnswer(spec!.scenario);
  await figure.getByRole('radio', { name: verdict, exact: true }).check();
  await figure.getByRole('button', { name: 'Check' }).click();
  await expect(figure.getByRole('status')).toHaveText(`Right: the engine answers ${verdict}. The answer is below.`);
  await figure.getByRole('link', { name: 'Open in the playground' }).click();
  await expect(page).toHaveURL(new RegExp(`/play/race/\\?v=\\d+&scenario=${spec!.scenario}(&h=[0-9a-f]+)?$`));
  await hydrated(page, '.race-explorer');
  await expect(page.getByRole('heading', { name: new RegExp(`^Verdict: ${verdict}`) })).toBeVisible();
  await expect(page.getByLabel('Statistics')).toContainText('Transitions');
});

test('a figure is answered from the keyboard, and plays the scheduler', async ({ page }) => {
  await openPage(page, '/guide/reset-race/');
  const figure = page.locator('figure.race-question').nth(1);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByRole('button', { name: 'Check' })).toBeEnabled();
  await figure.getByRole('checkbox').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(figure.getByRole('radio').first()).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(figure.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('status')).toHaveText(/^(Right|Not quite): /);
  await figure.getByRole('button', { name: 'Play the scheduler' }).click();
  await expect(figure.getByRole('region', { name: 'Play the scheduler' }).locator('p.status')).toHaveText('Pick the first step.');
  await expect(figure.getByRole('status')).toHaveCount(1);
});

test('a figure’s game speaks through the figure’s one status: won with the engine’s counterexample, then not winnable with the control’s read back', async ({ page }) => {
  const specs = figuresOf('reset-race');
  const index = specs.findIndex((spec) => spec.scenario === 'soc-nc-unmap-ctrl');
  const { check, verdict } = engineAnswer('soc-nc-unmap-ctrl');
  expect(verdict).toBe('UNSAFE');
  await openPage(page, '/guide/reset-race/');
  const figure = page.locator('figure.race-question').nth(index);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.getByRole('button', { name: 'Check' })).toBeEnabled();
  await figure.getByRole('radio', { name: 'UNSAFE', exact: true }).check();
  await figure.getByRole('button', { name: 'Check' }).click();
  const status = figure.getByRole('status');
  await expect(status).toHaveText('Right: the engine answers UNSAFE. The answer is below.');
  await figure.getByRole('button', { name: 'Play the scheduler' }).click();
  const game = figure.getByRole('region', { name: 'Play the scheduler' });
  const line = game.locator('p.status');
  await expect(line).toHaveText('Pick the first step.');
  // One status, which keeps the verdict's words and adds the game's line for screen readers.
  await expect(status).toHaveCount(1);
  await expect(status).toHaveText('Right: the engine answers UNSAFE. The answer is below. Pick the first step.');
  const labels = movesOfTrace(check.model, check.result.verdict === 'unsafe' ? check.result.trace : []);
  for (const [i, label] of labels.entries()) {
    await game.getByRole('button', { name: label, exact: true }).click();
    if (i < labels.length - 1) await expect(line).toHaveText(`Step ${i + 1} taken. Pick the next one.`);
  }
  await expect(line).toHaveText(new RegExp(`^You win: .* \\(step ${labels.length}\\)\\.$`));
  await expect(status).toHaveText(/The answer is below\. You win: /);
  await expect(figure.getByRole('status')).toHaveCount(1);
  await figure.getByRole('button', { name: 'Stop playing' }).click();
  await expect(status).toHaveText('Right: the engine answers UNSAFE. The answer is below.');

  // The control adds the read back: SAFE, and a game on it cannot be won.
  await figure.getByRole('checkbox', { name: /^Read back from the device/ }).click();
  await expect(figure).toHaveAttribute('data-scenario', 'soc-nc-unmap-read-ctrl');
  await figure.getByText('Show the answer', { exact: true }).click();
  await figure.getByRole('button', { name: 'Play the scheduler' }).click();
  await expect(line).toHaveText('Pick the first step.');
  for (let steps = 0; steps < 100; steps++) {
    const moves = game.getByRole('list', { name: 'Steps the model allows now' }).getByRole('button');
    if ((await moves.count()) === 0) break;
    await moves.first().click();
    await expect(line).toHaveText(new RegExp(`^Step ${steps + 1} taken|^No step is left`));
  }
  await expect(line).toHaveText(/^No step is left and no guest write reached the device after the reset/);
  await expect(status).toHaveText(/No step is left and no guest write reached the device after the reset/);
  await expect(figure.getByRole('status')).toHaveCount(1);
});

test('generated widget text is kept out of the search index', async ({ page }) => {
  for (const path of ['/guide/reset-race/', '/guide/cacheable/', '/play/race/?scenario=soc-nc-unmap-ctrl', '/learn/reset-race-soc/']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    const indexed = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, dt, dd')]
        .filter((el) => /Counterexample, a shortest one|^Verdict: /.test(el.textContent ?? ''))
        .filter((el) => el.closest('[data-pagefind-ignore]') === null)
        .map((el) => el.textContent),
    );
    expect(indexed, path).toEqual([]);
  }
});
