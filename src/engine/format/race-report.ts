/**
 * What a reviewer pastes into a mail about one race check: the plain-text
 * result followed by the link that reopens it on the site. The CLI's `race`
 * command and the race explorer's "Copy as plain text" both print exactly
 * this.
 */
import type { RaceCheck } from '../race/check.ts';
import { raceLink, type ShippedScenarios } from './race-query.ts';
import { renderRaceText } from './race-text.ts';

/** The link stays whole on its own line, however long, so mail clients keep it clickable. */
export function raceReport(check: RaceCheck, site: string, shipped: ShippedScenarios): string {
  return `${renderRaceText(check)}Link:\n${raceLink(site, check.scenario, shipped)}\n`;
}
