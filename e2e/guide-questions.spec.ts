/**
 * The guide's combining, FWB and MAIR figures ask before they tell: each
 * shows the state and asks for a prediction, with the answer closed until
 * the reader checks one or skips to it; the grading, the rule and the
 * answer are the engines' (posed here again, from the state the page's
 * MDX gives the figure); the one control switches to the figure's other
 * state; "Open in the playground" opens that exact state, where the
 * playground shows the same result.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { poseCombine, poseMair, type ChoiceInstance } from '../src/engine/learn/index.ts';
import { guardPage, hydrated, useTheme } from './site.ts';

const context = { site: '', shipped: new Map<string, string>() };
/** The page sets backquoted parts as code: its text is the sentence without the backquotes. */
const shown = (sentence: string): string => sentence.replaceAll('`', '');

interface FigureSpec {
  /** The figure's own state, then the one its control switches to. */
  readonly states: readonly ChoiceInstance[];
  readonly control?: string;
  /** Whether the control is on for the figure's own state. */
  readonly checked: boolean;
}

/** The one QuestionFigure of a guide page, as its MDX places it (attribute values are JavaScript literals). */
function figureOf(page: string): FigureSpec {
  const mdx = readFileSync(`src/content/docs/guide/${page}.mdx`, 'utf8');
  const tags = [...mdx.matchAll(/<QuestionFigure ([^\n]*)\/>/g)];
  expect(tags, `${page}.mdx`).toHaveLength(1);
  const attrs = tags[0]![1]!;
  const literal = (name: string): unknown => {
    const m = new RegExp(`\\b${name}=\\{(\\{[^}]*\\}|[^}]*)\\}`).exec(attrs);
    return m === null ? undefined : (new Function(`return (${m[1]});`)() as unknown);
  };
  const control = /\bcontrol="([^"]*)"/.exec(attrs)?.[1];
  const mair = literal('mair') as number | undefined;
  if (mair !== undefined) return { states: [poseMair({ byte: mair }, context)], checked: false };
  const combine = literal('combine') as { s1: number; s2: number; fwb: boolean };
  const on = literal('on') as object | undefined;
  const off = literal('off') as object | undefined;
  const other = on ?? off;
  return {
    states: [poseCombine(combine, context), ...(other ? [poseCombine({ ...combine, ...other }, context)] : [])],
    ...(control ? { control } : {}),
    checked: off !== undefined,
  };
}

const PAGES = ['combining', 'fwb', 'memory-types'] as const;

async function openFigure(page: Page, guide: string): Promise<Locator> {
  await page.goto(`/guide/${guide}/`);
  await hydrated(page, '.question-figure');
  const figure = page.locator('figure.question-figure');
  await expect(figure).toHaveCount(1);
  await expect(figure.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
  return figure;
}

async function predict(figure: Locator, choice: string): Promise<void> {
  await figure.getByRole('radio', { name: choice, exact: true }).check();
  await figure.getByRole('button', { name: 'Check', exact: true }).click();
}

async function expectAnswer(figure: Locator, instance: ChoiceInstance): Promise<void> {
  await expect(figure).toHaveAttribute('data-key', instance.key);
  await expect(figure.locator('.answer .result')).toBeVisible();
  await expect(figure.locator('.answer .result')).toHaveText(`Answer: ${instance.answer}`);
  await expect(figure.locator('.answer .why')).toHaveText(`Why: ${shown(instance.because)}`);
  await expect(figure.getByRole('list', { name: 'The engine also notes' }).getByRole('listitem')).toHaveText((instance.notes ?? []).map(shown));
  await expect(figure.getByRole('link', { name: 'Open in the playground', exact: true })).toHaveAttribute('href', instance.link);
}

/** The result the playground shows, in the spelling of the figure's answers. */
function playgroundResult(page: Page, instance: ChoiceInstance): [Locator, RegExp] {
  return instance.kind === 'mair'
    ? [page.getByRole('heading', { name: /^Decoded: / }), new RegExp(`^Decoded: 0x[0-9a-f]{2} is ${instance.answer}$`)]
    : [page.getByRole('heading', { name: /^Combined result: / }), new RegExp(`^Combined result: ${instance.answer}$`)];
}

for (const guide of PAGES) {
  test(`/guide/${guide}/: the figure asks first, grades wrong and right as the engine, its control asks the other state, and the playground shows the same`, async ({ page, baseURL }) => {
    const guard = guardPage(page, new URL(baseURL!).origin);
    const spec = figureOf(guide);
    const figure = await openFigure(page, guide);
    for (const [i, instance] of spec.states.entries()) {
      // The question first, the answer closed.
      await expect(figure).toHaveAccessibleName(`Predict: ${shown(instance.question)}`);
      await expect(figure).toHaveAttribute('data-key', instance.key);
      await expect(figure.locator('.answer .result')).toBeHidden();
      const labels = await figure.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim()));
      expect(labels).toEqual(instance.choices);
      for (const fact of instance.facts) await expect(figure.locator('.facts')).toContainText(shown(fact.value));

      const wrong = instance.choices.find((c) => c !== instance.answer)!;
      await predict(figure, wrong);
      await expect(figure.getByRole('status')).toHaveText(`Not quite: the engine answers ${instance.answer}, not ${wrong}. ${shown(instance.because)}`);
      await expectAnswer(figure, instance);
      await predict(figure, instance.answer);
      await expect(figure.getByRole('status')).toHaveText(`Right: the engine answers ${instance.answer}. ${shown(instance.because)}`);
      await expect(figure.getByRole('status')).toHaveCount(1);

      if (spec.control && i + 1 < spec.states.length) {
        const control = figure.getByRole('checkbox', { name: shown(spec.control) });
        await expect(control).toBeChecked({ checked: spec.checked });
        await control.click();
        await expect(control).toBeChecked({ checked: !spec.checked });
        // Another question: nothing chosen, the status empty, the answer closed.
        await expect(figure.getByRole('status')).toHaveText('');
        await expect(figure.getByRole('radio', { checked: true })).toHaveCount(0);
        await expect(figure.locator('.answer .result')).toBeHidden();
      }
    }
    if (spec.states.length > 1) {
      // Back to the figure's own state, the answer closed; then skipping straight to it.
      await figure.getByRole('checkbox').click();
      await expect(figure).toHaveAttribute('data-key', spec.states[0]!.key);
      await expect(figure.locator('.answer .result')).toBeHidden();
      await figure.getByText('Show the answer', { exact: true }).click();
      await expectAnswer(figure, spec.states[0]!);
    }
    expect(spec.states.length).toBe(spec.control ? 2 : 1);

    // Every state's playground link opens that state, and the playground computes the same answer.
    for (const instance of spec.states) {
      expect(instance.link).toMatch(/\?v=\d+(&|$)/);
      await page.goto(instance.link);
      const [result, text] = playgroundResult(page, instance);
      await expect(result).toHaveText(text, { timeout: 20_000 });
    }
    expect(guard.consoleErrors).toEqual([]);
    expect(guard.foreignRequests).toEqual([]);
  });
}

test('predicted right, then "Open in the playground" followed by a click: the same combination with the whole tool', async ({ page }) => {
  const spec = figureOf('fwb');
  const figure = await openFigure(page, 'fwb');
  const instance = spec.states[0]!;
  await predict(figure, instance.answer);
  await expect(figure.getByRole('status')).toHaveText(/^Right: /);
  await figure.getByRole('link', { name: 'Open in the playground', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/play/combine/\\?v=\\d+&s1=0x04&s2=0x6&fwb=on$`));
  await hydrated(page, '.combine-explorer');
  const [result, text] = playgroundResult(page, instance);
  await expect(result).toHaveText(text);
  await expect(page.getByRole('table', { name: /FWB on/ })).toBeVisible();
});

test('a figure is answered from the keyboard alone', async ({ page }) => {
  const spec = figureOf('combining');
  const figure = await openFigure(page, 'combining');
  await figure.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(figure).toHaveAttribute('data-key', spec.states[1]!.key);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(figure.getByRole('radio').first()).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(figure.getByRole('button', { name: 'Check', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('status')).toHaveText(/^(Right|Not quite): /);
  await expect(figure.locator('.answer .result')).toHaveText(`Answer: ${spec.states[1]!.answer}`);
});

test('without a prediction, Check asks for one, and the answer is there for a reader who skips to it', async ({ page }) => {
  const [instance] = figureOf('memory-types').states;
  const figure = await openFigure(page, 'memory-types');
  await figure.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(figure.getByRole('status')).toHaveText('Pick an answer first.');
  await expect(figure.locator('.answer .result')).toBeHidden();
  await figure.getByText('Show the answer', { exact: true }).click();
  await expectAnswer(figure, instance!);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('each figure shows its question and the engine’s answer behind “Show the answer”', async ({ page }) => {
    for (const guide of PAGES) {
      const [instance] = figureOf(guide).states;
      await page.goto(`/guide/${guide}/`);
      const figure = page.locator('figure.question-figure');
      await expect(figure).toContainText(shown(instance!.question));
      await figure.getByText('Show the answer', { exact: true }).click();
      await expect(figure.locator('.answer .result')).toHaveText(`Answer: ${instance!.answer}`);
      await expect(figure.getByRole('link', { name: 'Open in the playground', exact: true })).toHaveAttribute('href', instance!.link);
    }
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a figure with its answer open is axe-clean in the ${theme} theme and fits 320 px`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 320, height: 740 });
    for (const guide of PAGES) {
      const figure = await openFigure(page, guide);
      const [instance] = figureOf(guide).states;
      await predict(figure, instance!.choices.find((c) => c !== instance!.answer)!);
      await expect(figure.locator('.answer .result')).toBeVisible();
      const results = await new AxeBuilder({ page }).include('figure.question-figure').analyze();
      expect(results.violations.map((v) => `${guide} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), guide).toBe(0);
    }
  });
}

test('generated figure text is kept out of the search index', async ({ page }) => {
  for (const guide of PAGES) {
    await page.goto(`/guide/${guide}/`);
    await expect(page.locator('figure.question-figure')).toHaveAttribute('data-pagefind-ignore', '');
  }
});
