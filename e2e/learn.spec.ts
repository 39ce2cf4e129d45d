/**
 * The learning path as a student walks it: every exercise of every lesson
 * answered wrong and then right, the grading compared with the engines
 * called directly here and with the playground that "Open in the
 * playground" opens; "Another one" from a seed in the address, harder
 * after a right answer; progress in local storage and its reset; the
 * answers without JavaScript; the keyboard; and "Play the scheduler" won
 * on an UNSAFE scenario with the engine's own counterexample and lost on
 * a SAFE one, where giving up names what blocks every order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gradeFix, instanceAt, LESSONS, movesOfTrace, START, type ChoiceInstance, type Draw, type ExerciseDef, type FixInstance, type Instance } from '../src/engine/learn/index.ts';
import { checkScenario } from '../src/engine/race/index.ts';
import { ablate, whyOf } from '../src/engine/race/explain/index.ts';
import { guardPage, hydrated, useTheme } from './site.ts';

const shipped = new Map(
  readdirSync('scenarios')
    .filter((file) => file.endsWith('.race'))
    .sort()
    .map((file) => [file.slice(0, -'.race'.length), readFileSync(`scenarios/${file}`, 'utf8')]),
);
const context = { site: '', shipped };
const posed = (def: ExerciseDef, seed = '', draw: Draw = START): Instance => instanceAt(def, seed, draw, context);
/** An exercise that asks a question with choices (every kind but a fix). */
function asked(def: ExerciseDef, seed = '', draw: Draw = START): ChoiceInstance {
  const instance = posed(def, seed, draw);
  if (instance.kind === 'fix') throw new Error(`exercise ${def.id} asks for a fix, not a choice`);
  return instance;
}
/** A fix exercise's edits graded by the engine here: every op at every place, each with the engine's grade. */
function fixEdits(task: FixInstance) {
  return task.places.flatMap((place, at) => task.ops.map((op) => ({ op, place: at, where: shown(place), grade: gradeFix(task, { op, place: at }, context) })));
}
/** The page sets backquoted parts as code: its text is the sentence without the backquotes. */
const shown = (sentence: string): string => sentence.replaceAll('`', '');

const exercise = (page: Page, number: number): Locator => page.getByRole('region', { name: new RegExp(`^Exercise ${number}: `) });
const feedback = (region: Locator): Locator => region.locator('.feedback[role=status]');

/** Scrolls an exercise into view (it hydrates when visible) and waits until it takes answers. */
async function ready(region: Locator): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
}

async function answer(region: Locator, choice: string): Promise<void> {
  await region.getByRole('radio', { name: choice, exact: true }).check();
  await region.getByRole('button', { name: 'Check', exact: true }).click();
}

/** Answers a fix exercise: the op and where it goes, by their selects. */
async function answerFix(region: Locator, edit: { op: string; where: string }): Promise<void> {
  await region.getByRole('combobox', { name: 'Host op to add' }).selectOption(edit.op);
  await region.getByRole('combobox', { name: 'Where it goes' }).selectOption({ label: edit.where });
  await region.getByRole('button', { name: 'Check', exact: true }).click();
}

/** The result the playground shows at a link, in the spelling of the exercises' answers. */
async function playgroundAnswer(page: Page, kind: Instance['kind']): Promise<Locator> {
  switch (kind) {
    case 'mair':
      return page.getByRole('heading', { name: /^Decoded: / });
    case 'combine':
      return page.getByRole('heading', { name: /^Combined result: / });
    case 'kvm':
      return page.getByRole('heading', { name: /^KVM (maps|refuses) it/ });
    case 'race':
    case 'fix':
      return page.getByRole('heading', { name: /^Verdict: / });
  }
}
const playgroundText = (instance: ChoiceInstance): RegExp => {
  const escaped = instance.answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  switch (instance.kind) {
    case 'mair':
      return new RegExp(`^Decoded: 0x[0-9a-f]{2} is ${escaped}$`);
    case 'combine':
      return new RegExp(`^Combined result: ${escaped}$`);
    case 'kvm':
      return instance.answer === 'KVM refuses it' ? /^KVM refuses it / : new RegExp(`^KVM maps it ${escaped} at stage 2$`);
    case 'race':
      return new RegExp(`^Verdict: ${escaped}`);
  }
};

test.describe.configure({ timeout: 120_000 });

test('the path starts at /learn/, lists every lesson in order, and the guide’s reading order points to it', async ({ page }) => {
  await page.goto('/learn/');
  await expect(page.getByRole('heading', { name: 'Who it is for' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What to know first' })).toBeVisible();
  const hrefs = await page.locator('ol.lessons a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(LESSONS.map((l) => `/${l.slug}/`));
  await page.goto('/guide/overview/');
  await expect(page.locator('main a[href="/learn/"]').first()).toBeVisible();
});

for (const lesson of LESSONS) {
  test(`${lesson.slug}: every exercise graded as the engine and its playground answer, wrong and then right`, async ({ page, baseURL }) => {
    const guard = guardPage(page, new URL(baseURL!).origin);
    for (const [i, def] of lesson.exercises.entries()) {
      const instance = posed(def);
      await page.goto(`/${lesson.slug}/`);
      const region = exercise(page, i + 1);
      await ready(region);
      await expect(region.getByRole('heading', { name: `Exercise ${i + 1}: ${def.title}` })).toBeVisible();
      await expect(region).toContainText(shown(instance.question));
      if (instance.kind === 'fix') {
        // Wrong, then right, as the engine grades each edit; the link opens the edited scenario, whose verdict the playground shows.
        const edits = fixEdits(instance);
        const wrong = edits.find((e) => !e.grade.right)!;
        const right = edits.find((e) => e.grade.right)!;
        await answerFix(region, wrong);
        await expect(feedback(region)).toHaveText(shown(wrong.grade.feedback));
        await expect(region.locator('ol.steps').first()).toHaveText(wrong.grade.steps!.join(''));
        await answerFix(region, right);
        await expect(feedback(region)).toHaveText(shown(right.grade.feedback));
        await expect(region.getByRole('status')).toHaveCount(1);
        const link = region.getByRole('link', { name: 'Open in the playground', exact: true });
        await expect(link).toHaveAttribute('href', right.grade.link);
        expect(right.grade.link).toMatch(/\?v=\d+(&|$)/);
        await link.click();
        await expect(page.getByRole('heading', { name: /^Verdict: / })).toHaveText(/^Verdict: SAFE/, { timeout: 20_000 });
        continue;
      }
      const labels = await region.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim()));
      expect(labels).toEqual(instance.choices);

      const wrong = instance.choices.find((c) => c !== instance.answer)!;
      await answer(region, wrong);
      await expect(feedback(region)).toHaveText(`Not quite: the engine answers ${instance.answer}, not ${wrong}. ${shown(instance.because)}`);
      await answer(region, instance.answer);
      await expect(feedback(region)).toHaveText(`Right: ${instance.answer}. ${shown(instance.because)}`);
      // The contract: the feedback is the exercise's one status.
      await expect(region.getByRole('status')).toHaveCount(1);
      if (instance.steps) await expect(region.locator('ol.steps').first()).toHaveText(instance.steps.join(''));

      const link = region.getByRole('link', { name: 'Open in the playground', exact: true });
      await expect(link).toHaveAttribute('href', instance.link);
      expect(instance.link).toMatch(/\?v=\d+(&|$)/);
      await link.click();
      await expect(await playgroundAnswer(page, instance.kind)).toHaveText(playgroundText(instance), { timeout: 20_000 });
    }
    expect(guard.consoleErrors).toEqual([]);
    expect(guard.foreignRequests).toEqual([]);
  });
}

test('“Another one” draws from the seed in the address, the same for everyone, harder after a right answer', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.slug === 'learn/combining')!;
  const def = lesson.exercises[0]!;
  await page.goto(`/${lesson.slug}/?seed=week3`);
  const region = exercise(page, 1);
  await ready(region);
  await region.getByRole('button', { name: 'Another one' }).click();
  const first = asked(def, 'week3', { n: 1, level: 0 });
  await expect(page).toHaveURL(new RegExp(`\\?seed=week3&${def.id}=1\\.0$`));
  await expect(region.locator('.facts')).toContainText(shown(first.facts[0]!.value));
  await expect(region.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', first.link);
  await answer(region, first.answer);
  await expect(feedback(region)).toHaveText(/^Right: /);

  await region.getByRole('button', { name: 'Another one' }).click();
  const second = asked(def, 'week3', { n: 2, level: 1 });
  await expect(page).toHaveURL(new RegExp(`\\?seed=week3&${def.id}=2\\.1$`));
  await expect(region.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', second.link);
  await expect(region).toContainText('difficulty 2 of 3');

  // The address hands out the question on screen: another reader opening it sees the same one.
  const handedOut = page.url();
  const other = await page.context().browser()!.newPage();
  await other.goto(handedOut);
  await ready(exercise(other, 1));
  await expect(exercise(other, 1).getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', second.link);
  await answer(exercise(other, 1), second.answer);
  await expect(feedback(exercise(other, 1))).toHaveText(/^Right: /);
  await other.close();
});

test('an address with a bad seed or draw says what is wrong, and the lesson’s own questions stay', async ({ page }) => {
  await page.goto('/learn/combining/?seed=no%20spaces&before=7');
  const region = exercise(page, 1);
  await ready(region);
  await expect(region.getByRole('alert').filter({ hasText: /^Link: / })).toHaveCount(2);
  await expect(region.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', posed(LESSONS[1]!.exercises[0]!).link);
});

test('progress stays in this browser: “Your progress” shows it and Reset forgets it', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.slug === 'learn/fwb')!;
  const instance = asked(lesson.exercises[0]!);
  await page.goto(`/${lesson.slug}/`);
  const region = exercise(page, 1);
  await ready(region);
  await answer(region, instance.choices.find((c) => c !== instance.answer)!);
  await answer(region, instance.answer);
  await expect(region).toContainText('Answered right in this browser: 1 of 2 checks.');
  await page.goto('/learn/progress/');
  const view = page.locator('.progress-view');
  await expect(view).toContainText(`Exercise 1, ${lesson.exercises[0]!.title}: 1 right of 2 checks; last answer ${instance.answer}, right`);
  await expect(view).toContainText('1 of ');
  await page.getByRole('button', { name: 'Reset my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset' })).toBeVisible();
  await expect(view).toContainText(`Exercise 1, ${lesson.exercises[0]!.title}: not tried yet`);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('learn')))).toEqual([]);
});

test('an exercise answers from the keyboard alone', async ({ page }) => {
  const def = LESSONS[0]!.exercises[0]!;
  const instance = asked(def);
  await page.goto(`/${LESSONS[0]!.slug}/`);
  const region = exercise(page, 1);
  await ready(region);
  const radios = region.getByRole('radio');
  await radios.first().focus();
  const index = instance.choices.indexOf(instance.answer);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
  await expect(region.getByRole('radio', { name: instance.answer, exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(feedback(region)).toHaveText(/^Right: /);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${def.id}=1\\.1`));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every exercise shows its question and the engine’s answer behind “Show the answer”', async ({ page }) => {
    for (const lesson of LESSONS) {
      await page.goto(`/${lesson.slug}/`);
      for (const [i, def] of lesson.exercises.entries()) {
        const instance = posed(def);
        const region = exercise(page, i + 1);
        await expect(region).toContainText(shown(instance.question));
        await region.getByText('Show the answer', { exact: true }).click();
        await expect(region.locator('details.answer')).toContainText(`The engine's answer: ${shown(instance.answer)}. ${shown(instance.because)}`);
      }
    }
  });
});

/** Plays the steps named `labels` in a game, by their buttons. */
async function playSteps(game: Locator, labels: readonly string[]): Promise<void> {
  for (const [i, label] of labels.entries()) {
    await game.getByRole('button', { name: label, exact: true }).click();
    if (i < labels.length - 1) await expect(game.getByRole('status')).toHaveText(`Step ${i + 1} taken. Pick the next one.`);
  }
}

test.describe('Play the scheduler', () => {
  test('wins an UNSAFE scenario by the engine’s shortest counterexample, with Undo, and the hint names the same steps', async ({ page }) => {
    const name = 'soc-nc-unmap-ctrl';
    const check = checkScenario(shipped.get(name)!, { file: `scenarios/${name}.race` });
    expect(check.result.verdict).toBe('unsafe');
    const labels = movesOfTrace(check.model, check.result.verdict === 'unsafe' ? check.result.trace : []);
    await page.goto(`/play/race/?scenario=${name}`);
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('heading', { name: /^Verdict: UNSAFE/ })).toBeVisible();
    await page.getByRole('button', { name: 'Play the scheduler' }).click();
    const game = page.getByRole('region', { name: 'Play the scheduler' });
    await expect(game.getByRole('status')).toHaveText('Pick the first step.');
    await game.getByRole('button', { name: 'Hint' }).click();
    await expect(game.locator('ol.hint li')).toHaveText(labels);

    await playSteps(game, labels.slice(0, 1));
    await game.getByRole('button', { name: 'Undo' }).click();
    await expect(game.getByRole('status')).toHaveText('Pick the first step.');
    await playSteps(game, labels);
    await expect(game.getByRole('status')).toHaveText(new RegExp(`^You win: .* \\(step ${labels.length}\\)\\.$`));
    await expect(game.locator('ol.played li')).toHaveCount(labels.length);
    await expect(game.getByRole('list', { name: 'Steps the model allows now' })).toHaveCount(0);
  });

  test('cannot win a SAFE scenario; giving up names the rule that blocks every order', async ({ page }) => {
    const name = 'pcie-nc-unmap-flr';
    const check = checkScenario(shipped.get(name)!, { file: `scenarios/${name}.race` });
    expect(check.result.verdict).toBe('safe');
    const headline = whyOf(check, ablate(check)).headline!;
    await page.goto(`/play/race/?scenario=${name}`);
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('heading', { name: /^Verdict: SAFE/ })).toBeVisible();
    await page.getByRole('button', { name: 'Play the scheduler' }).click();
    const game = page.getByRole('region', { name: 'Play the scheduler' });
    await expect(game.getByRole('status')).toHaveText('Pick the first step.');
    // Always the last step offered, then always the first: neither order wins.
    for (const pick of ['last', 'first'] as const) {
      for (let steps = 0; steps < 100; steps++) {
        const moves = game.getByRole('list', { name: 'Steps the model allows now' }).getByRole('button');
        if ((await moves.count()) === 0) break;
        await (pick === 'last' ? moves.last() : moves.first()).click();
        await expect(game.getByRole('status')).toHaveText(new RegExp(`^Step ${steps + 1} taken|^No step is left`));
      }
      await expect(game.getByRole('status')).toHaveText(/^No step is left and no guest write reached the device after the reset/);
      await game.getByRole('button', { name: 'Start again' }).click();
      await expect(game.getByRole('status')).toHaveText('Pick the first step.');
    }
    await game.getByRole('button', { name: 'Give up' }).click();
    await expect(game.locator('.why')).toHaveText(`No order of steps can win. ${shown(headline)}`);
  });

  test('in a lesson: make the first one fail, then add one host op so that nobody can win, and give up on your own scenario', async ({ page }) => {
    const lesson = LESSONS.find((l) => l.slug === 'learn/reset-race-soc')!;
    await page.goto(`/${lesson.slug}/`);
    const [unsafe, task] = [asked(lesson.exercises[0]!), posed(lesson.exercises[1]!)];
    expect(unsafe.answer).toBe('UNSAFE');
    if (task.kind !== 'fix') throw new Error('the second exercise of the SoC lesson asks for a fix');

    const first = exercise(page, 1);
    await ready(first);
    await answer(first, 'UNSAFE');
    // The game follows the exercise (the exercise's one status is its feedback).
    await page.getByRole('button', { name: 'Play the scheduler' }).first().click();
    const game = page.getByRole('region', { name: 'Play the scheduler' }).first();
    await expect(game).toContainText('Now make this one fail yourself.');
    const check = checkScenario(unsafe.scenario!);
    await playSteps(game, movesOfTrace(check.model, check.result.verdict === 'unsafe' ? check.result.trace : []));
    await expect(game.getByRole('status')).toHaveText(/^You win: /);

    // The same scenario with one op of the reader's choice: a read back between the unmap and the reset.
    const second = exercise(page, 2);
    await ready(second);
    const edit = fixEdits(task).find((e) => e.op === 'read 0x0' && e.place === 1)!;
    expect(edit.grade.right).toBe(true);
    await answerFix(second, edit);
    await expect(feedback(second)).toHaveText(shown(edit.grade.feedback));
    // The first game stays open (its button now says "Stop playing"): the second is the last of each, on the edited scenario.
    await page.getByRole('button', { name: 'Play the scheduler' }).last().click();
    const other = page.getByRole('region', { name: 'Play the scheduler' }).last();
    await expect(other).toContainText('Your change makes it SAFE');
    await expect(other.getByRole('status')).toHaveText('Pick the first step.');
    await other.getByRole('button', { name: 'Give up' }).click();
    const safeCheck = checkScenario(edit.grade.scenario);
    await expect(other.locator('.why')).toHaveText(`No order of steps can win. ${shown(whyOf(safeCheck, ablate(safeCheck)).headline!)}`);
  });

  test('a fix exercise: Check without a choice asks for one, and “Another one” hands out another teardown that one op fixes', async ({ page }) => {
    const lesson = LESSONS.find((l) => l.slug === 'learn/reset-race-soc')!;
    const def = lesson.exercises[1]!;
    await page.goto(`/${lesson.slug}/?seed=week3`);
    const region = exercise(page, 2);
    await ready(region);
    await region.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(region)).toHaveText('Pick a host op to add first.');
    await region.getByRole('combobox', { name: 'Host op to add' }).selectOption('dsb');
    await region.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(feedback(region)).toHaveText('Pick where the op goes first.');
    await region.getByRole('button', { name: 'Another one' }).click();
    const drawn = posed(def, 'week3', { n: 1, level: 0 });
    if (drawn.kind !== 'fix') throw new Error('a fix exercise draws fix tasks');
    await expect(page).toHaveURL(new RegExp(`\\?seed=week3&${def.id}=1\\.0$`));
    await expect(region.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', drawn.link);
    await expect(region.getByRole('combobox', { name: 'Where it goes' }).getByRole('option')).toHaveText(['Choose a place', ...drawn.places.map(shown)]);
    const right = fixEdits(drawn).find((e) => e.grade.right)!;
    await answerFix(region, right);
    await expect(feedback(region)).toHaveText(shown(right.grade.feedback));
    await expect(region.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute('href', right.grade.link);
  });

  test('is played from the keyboard: each step moves the focus to the next choice', async ({ page }) => {
    await page.goto('/play/race/?scenario=soc-nc-unmap-ctrl');
    await hydrated(page, '.race-explorer');
    await expect(page.getByRole('heading', { name: /^Verdict: UNSAFE/ })).toBeVisible();
    const open = page.getByRole('button', { name: 'Play the scheduler' });
    await open.focus();
    await page.keyboard.press('Enter');
    const game = page.getByRole('region', { name: 'Play the scheduler' });
    const moves = game.getByRole('list', { name: 'Steps the model allows now' }).getByRole('button');
    await expect(moves.first()).toBeEnabled();
    await moves.first().focus();
    await page.keyboard.press('Enter');
    await expect(game.getByRole('status')).toHaveText('Step 1 taken. Pick the next one.');
    await expect(moves.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(game.getByRole('status')).toHaveText('Step 2 taken. Pick the next one.');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a lesson with its answers checked and the game open is axe-clean in the ${theme} theme and fits 320 px`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 320, height: 740 });
    // The SoC lesson: race questions and a fix exercise, whose selects must fit too.
    const lesson = LESSONS.find((l) => l.slug === 'learn/reset-race-soc')!;
    await page.goto(`/${lesson.slug}/`);
    for (const [i, def] of lesson.exercises.entries()) {
      const region = exercise(page, i + 1);
      await ready(region);
      const instance = posed(def);
      if (instance.kind === 'fix') await answerFix(region, fixEdits(instance).find((e) => !e.grade.right)!);
      else await answer(region, instance.choices.find((c) => c !== instance.answer)!);
      await expect(feedback(region)).toHaveText(/^Not quite: /);
      await region.getByText('Show the answer', { exact: true }).click();
    }
    await page.getByRole('button', { name: 'Play the scheduler' }).first().click();
    const game = page.getByRole('region', { name: 'Play the scheduler' }).first();
    await game.getByRole('list', { name: 'Steps the model allows now' }).getByRole('button').first().click();
    await game.getByRole('button', { name: 'Hint' }).click();
    await page.locator('.term-link').first().focus();
    await expect(page.locator('.term-tip').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
}

test('a glossary term shows its definition on focus, hover and a first tap, and links to its entry', async ({ page, browser }) => {
  await page.goto('/learn/');
  const term = page.locator('.term', { hasText: 'PE' }).first();
  const tip = term.getByRole('tooltip');
  await expect(tip).toBeHidden();
  await term.getByRole('link').focus();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(/^PE: Processing element/);
  await expect(term.getByRole('link')).toHaveAccessibleDescription(/^PE: Processing element/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.locator('h1').hover();
  await term.hover();
  await expect(tip).toBeVisible();

  const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 320, height: 700 } });
  const touch = await phone.newPage();
  await touch.goto(`${new URL(page.url()).origin}/learn/`);
  const tapped = touch.locator('.term', { hasText: 'PE' }).first();
  await tapped.getByRole('link').tap();
  await expect(tapped.getByRole('tooltip')).toBeVisible();
  expect(new URL(touch.url()).pathname).toBe('/learn/');
  expect(await touch.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await tapped.getByRole('link').tap();
  await expect(touch).toHaveURL(/\/reference\/glossary\/#term-pe$/);
  await expect(touch.locator('#term-pe')).toContainText('Processing element');
  await phone.close();
});
