import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { parseScenario } from '../src/engine/race/index.ts';
import { toPromela } from '../src/engine/race/promela/index.ts';
import { hydrated } from './site.ts';

test('Download Promela model saves the export of the shown scenario, named after it', async ({ page }) => {
  await page.goto('/play/race/?scenario=soc-nc-unmap-ctrl');
  await hydrated(page, '.race-explorer');
  const button = page.getByRole('button', { name: 'Download Promela model' });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.focus().then(() => page.keyboard.press('Enter'))]);
  expect(download.suggestedFilename()).toBe('soc-nc-unmap-ctrl.pml');
  const saved = readFileSync(await download.path(), 'utf8');
  const file = 'scenarios/soc-nc-unmap-ctrl.race';
  expect(saved).toBe(toPromela(parseScenario(readFileSync(file, 'utf8'), file)));
  await expect(page.getByRole('status').filter({ hasText: 'Saved soc-nc-unmap-ctrl.pml' })).toBeVisible();
});
