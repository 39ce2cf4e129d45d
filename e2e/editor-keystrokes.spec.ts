/**
 * Nothing the reader typed is ever overwritten: the race explorer's editor
 * holds the scenario while the reader types, and a run that finishes
 * meanwhile (every text that parses starts one) never writes its older
 * text back. Typed key by key with no delay, shipped and hostile
 * scenarios alike; the editor ends holding exactly what was typed, and the
 * verdict shown is that text's.
 */
import { test, expect } from '@playwright/test';
import { checkScenario } from '../src/engine/race/explore/check.ts';
import { currentScenarios } from '../src/cli/load-release.ts';
import { expectEditor, hydrated, openScenarioEditor, scenarioEditor } from './site.ts';

const shipped = currentScenarios();
const editor = scenarioEditor;

/** Comments and blank lines dropped: what the reader would type of a shipped file. */
const typable = (text: string): string => text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).join('\n') + '\n';

const scenarios: readonly [string, string][] = [
  ['soc-nc-unmap-ctrl-2vcpu', typable(shipped['soc-nc-unmap-ctrl-2vcpu']!)],
  ['pcie-wb-fwb-unmap-civac-flr', typable(shipped['pcie-wb-fwb-unmap-civac-flr']!)],
  [
    'hostile',
    [
      'title <img src=x onerror=window.__xss=1> ; "é" `x` knobs: early-ack=no > quoted',
      'platform soc',
      'guest-s1 Normal-NC',
      'guest-s2 Normal-NC',
      'option same-pe=no',
      'guest store 0x0; store 0x8',
      'guest1 store 0x40',
      'host unmap-s2; reset ctrl',
      '',
    ].join('\n'),
  ],
];

for (const [name, text] of scenarios) {
  test(`typing ${name} key by key while runs finish keeps every keystroke`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/play/race/');
    await hydrated(page, '.race-explorer');
    await openScenarioEditor(page);
    await editor(page).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expectEditor(page, '');
    await page.keyboard.type(text, { delay: 0 });
    // CodeMirror holds lines: the text typed, its final newline an empty last line.
    await expectEditor(page, text);
    // Every run has finished now: still exactly what was typed, and the verdict is this text's.
    const verdict = checkScenario(text).result.verdict.toUpperCase();
    await expect(page.getByRole('heading', { name: /^Verdict:/ })).toHaveText(`Verdict: ${verdict}`);
    await expectEditor(page, text);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });
}
