/**
 * What a reviewer pastes into a mail about one race check: the plain-text
 * result followed by the link that reopens it on the site. The CLI's `race`
 * command and the race explorer's "Copy as plain text" both print exactly
 * this.
 */
import type { RaceCheck } from '../race/explore/check.ts';
import { linkLines } from './link-line.ts';
import { raceLink, type ShippedScenarios } from './race-query.ts';
import { renderRaceText } from '../format/race-text.ts';

/** `sections`: further plain text (race --explain, --fix) between the result and the link. */
export function raceReport(check: RaceCheck, site: string, shipped: ShippedScenarios, sections = ''): string {
  return `${renderRaceText(check)}${sections}${linkLines(raceLink(site, check.scenario, shipped))}`;
}
