/**
 * `npm run latency` (after `npm run build`): in Chromium, the time from a
 * control change to the updated result, for the combining explorer and for
 * every shipped race scenario in the race explorer, and the time the race
 * explorer's Web Worker takes on the benchmark families' targets (K vCPUs
 * x M stores, `npm run bench`, the reach family's K=4 x M=8 among them)
 * pasted over its scenario text. Prints medians; asserts nothing (a timing
 * belongs in a measurement, never in a test).
 *
 * Each sample is taken inside the page: the change event (or the paste) is
 * dispatched at t0, a MutationObserver notes when the result's DOM changed,
 * and the next animation frame marks when it can be on screen.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const port = 4329;
const origin = `http://127.0.0.1:${port}`;
const RUNS = 15;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Sample {
  readonly dom: number;
  readonly frame: number;
}

/** Sets a <select> (found by its label) to `value` and times the update of the element matching `result`. */
async function timeSelect(page: Page, label: string, value: string, result: string): Promise<Sample> {
  const select = page.getByLabel(label, { exact: true });
  const id = await select.getAttribute('id');
  return page.evaluate(
    async ({ id, value, result }) => {
      const control = document.getElementById(id!) as HTMLSelectElement;
      const target = document.querySelector(result)!;
      const before = target.textContent;
      const t0 = performance.now();
      const changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (target.textContent === before) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(target, { childList: true, subtree: true, characterData: true });
      });
      control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
      const dom = await changed;
      await new Promise(requestAnimationFrame);
      return { dom, frame: performance.now() - t0 };
    },
    { id, value, result },
  );
}

async function combineExplorer(page: Page): Promise<void> {
  await page.goto(`${origin}/play/combine/`);
  await page.locator('astro-island:not([ssr]) .combine-explorer').waitFor();
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate between two stage-2 types so every change changes the result.
    samples.push(await timeSelect(page, 'Stage 2 memory type', i % 2 === 0 ? '1' : '5', '.combine-explorer .result'));
  }
  report('combining explorer (stage 2 change)', samples);
}

async function raceExplorer(page: Page): Promise<void> {
  await page.goto(`${origin}/play/race/`);
  await page.locator('astro-island:not([ssr]) .race-explorer').waitFor();
  const names = readdirSync('scenarios').filter((f) => f.endsWith('.race')).map((f) => f.slice(0, -'.race'.length)).sort();
  for (const name of names) {
    const samples: Sample[] = [];
    for (let i = 0; i < 5; i++) {
      // Leave the scenario and come back, so each sample is a real change.
      await page.getByLabel('Scenario', { exact: true }).selectOption(names.find((n) => n !== name)!);
      await page.locator('.race-explorer .status', { hasText: 'Checked' }).waitFor();
      samples.push(await timeSelect(page, 'Scenario', name, '.race-explorer .race-result'));
    }
    report(`race: ${name}`, samples);
  }
}

type Family = 'b' | 'c' | 'd';

/** The scenario of `npm run bench`'s family (b), (c) (cacheable) or (d) (the reach family: vCPU k stores to 0x1000 k + 8 i), with k vCPUs of m stores each. */
function familyText(family: Family, k: number, m: number): string {
  const stores = (vcpu: number): string =>
    Array.from({ length: m }, (_, i) => `store 0x${((family === 'd' ? 0x1000 * vcpu : 0) + i * 8).toString(16)}`).join('; ');
  const programs = ['guest', 'guest1', 'guest2', 'guest3'].slice(0, k).map((directive, vcpu) => `${directive} ${stores(vcpu)}`);
  const cacheable = family === 'c';
  const type = cacheable ? ['fwb on', 'guest-s1 Normal-WB', 'guest-s2 0x6'] : ['guest-s1 Normal-NC', 'guest-s2 Normal-NC'];
  return ['platform soc', ...type, ...programs, `host unmap-s2; read 0x0; ${cacheable ? 'dc civac all; dsb; ' : ''}reset ctrl`].join('\n');
}

/**
 * Pastes a scenario over the editor's text, as a reader would (select all
 * with the keyboard, then a paste event carrying the text), and times,
 * inside the page, from the paste to the status saying it was checked and
 * the next frame. The selection is made before t0 and the paste is
 * dispatched in the page, so Playwright's own protocol time (about
 * 150-300 ms for a `fill` on this machine) is not counted as the widget's.
 * With `over`, that text is pasted first and `text` 100 ms later, while
 * the first run is still going: the time a reader waits after an edit that
 * interrupts a run (as every keystroke into a large scenario does).
 */
async function timeText(page: Page, text: string, over?: string): Promise<Sample> {
  const editor = page.getByLabel('Scenario text', { exact: true });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  return page.evaluate(async ({ text, over }) => {
    const status = document.querySelector('.race-explorer .status')!;
    const content = document.querySelector('.race-explorer .cm-content')!;
    const paste = (what: string): void => {
      const data = new DataTransfer();
      data.setData('text/plain', what);
      content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    };
    if (over !== undefined) {
      paste(over);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (status.textContent?.startsWith('Checked')) throw new Error('latency: the first paste\'s run ended within 100 ms');
      // Select the whole text again: the editor's paste handler reads the DOM selection first.
      const all = document.createRange();
      all.selectNodeContents(content);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(all);
    }
    const t0 = performance.now();
    // Pasted over a run, the status has already left "Checked".
    let left = over !== undefined;
    const checked = new Promise<number>((resolve) => {
      // The status leaves "Checked" when the edit starts a run (Svelte updates it a microtask later) and returns when the worker's result is shown.
      const observer = new MutationObserver(() => {
        if (!status.textContent?.startsWith('Checked')) left = true;
        else if (left) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(status, { childList: true, subtree: true, characterData: true });
    });
    paste(text);
    await new Promise(requestAnimationFrame);
    if (!left) throw new Error('latency: the paste did not start a run');
    const dom = await checked;
    await new Promise(requestAnimationFrame);
    const frame = performance.now() - t0;
    // The editor renders a line per element: what it holds must be the text pasted, whole.
    if (content.textContent !== text.replaceAll('\n', '')) throw new Error('latency: the editor does not hold the pasted text');
    return { dom, frame };
  }, { text, over });
}

async function raceFamilies(page: Page): Promise<void> {
  await page.goto(`${origin}/play/race/`);
  await page.locator('astro-island:not([ssr]) .race-explorer').waitFor();
  await page.locator('.race-explorer .status', { hasText: 'Checked' }).waitFor();
  // The editor loads when "Edit the scenario" opens.
  await page.getByText('Edit the scenario', { exact: true }).click();
  const targets: readonly (readonly [Family, number, number])[] = [['b', 2, 8], ['b', 4, 4], ['c', 2, 8], ['c', 4, 4], ['d', 4, 8]];
  for (const [family, k, m] of targets) {
    const samples: Sample[] = [];
    for (let i = 0; i < 5; i++) {
      // A one-store scenario in between, so each sample is a real change.
      await timeText(page, familyText(family, 1, 1));
      samples.push(await timeText(page, familyText(family, k, m)));
    }
    report(`race worker: family (${family}) K=${k} x M=${m}`, samples);
  }
  // The reach target again, pasted while a run of the same scenario with a comment added is going.
  const reach = familyText('d', 4, 8);
  const samples: Sample[] = [];
  for (let i = 0; i < 5; i++) {
    await timeText(page, familyText('d', 1, 1));
    samples.push(await timeText(page, reach, `${reach}\n# an edit before this one`));
  }
  report('race worker: (d) K=4 x M=8 over a running edit', samples);
}

function report(what: string, samples: readonly Sample[]): void {
  const dom = median(samples.map((s) => s.dom));
  const frame = median(samples.map((s) => s.frame));
  console.log(`${what.padEnd(56)} ${dom.toFixed(1).padStart(7)} ms ${frame.toFixed(1).padStart(7)} ms`);
}

// Whatever already answers on the port would be measured instead of this build.
if (await fetch(`${origin}/`).then(() => true, () => false)) throw new Error(`latency: port ${port} is in use; stop the server there first`);
// A process group of its own: npx starts astro as a child, which killing npx alone would leave serving the port.
const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', detached: true });
try {
  for (let tries = 0; tries < 100; tries++) {
    if (await fetch(`${origin}/`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  console.log(`${'widget change -> result (median)'.padEnd(56)} ${'DOM'.padStart(10)} ${'frame'.padStart(10)}`);
  // `npm run latency -- families` (or combine, race) runs one part only.
  const parts = process.argv.slice(2);
  const run = (part: string): boolean => parts.length === 0 || parts.includes(part);
  if (run('combine')) await combineExplorer(page);
  if (run('race')) await raceExplorer(page);
  if (run('families')) await raceFamilies(page);
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
