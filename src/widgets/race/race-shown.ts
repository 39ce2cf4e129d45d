/**
 * What the race widget shows for a checked scenario, computed where the
 * engine runs: in the worker for the reader's runs, at build time for the
 * first paint (src/components/RaceFigure.astro). One function, so both
 * draw the same thing.
 */
import type { RaceCheck } from '../../engine/race/index.ts';
import { replay } from '../../engine/race/explore/replay.ts';
import { raceChart } from '../../engine/format/race-chart.ts';
import { raceLink, raceQuery, shippedName } from '../../engine/links/race-query.ts';
import { raceReport } from '../../engine/links/race-report.ts';
import type { Scenario } from '../../engine/race/index.ts';
import type { RaceScenarioInfo, RaceShown } from './race-messages.ts';
import { SHIPPED } from './race-scenarios.ts';
import { BASE } from '../shared/url-state.ts';

export function shownOf(check: RaceCheck, site: string): RaceShown {
  const { model, ...rest } = check;
  return { check: rest, chart: raceChart(model, replay(model, check.result.trace)), report: raceReport(check, site, SHIPPED) };
}

export function scenarioInfo(text: string, scenario: Scenario, problems: readonly string[]): RaceScenarioInfo {
  const name = shippedName(scenario, SHIPPED);
  return { text, ...(name === undefined ? {} : { name }), problems, query: raceQuery(scenario, SHIPPED), playground: raceLink(BASE, scenario, SHIPPED) };
}
