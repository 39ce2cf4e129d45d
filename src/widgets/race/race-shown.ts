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
import type { RaceAnalysis, RaceScenarioInfo, RaceShown } from './race-messages.ts';
import { editFromControl } from '../../engine/race/language/edit.ts';
import { changesVerdict, whyOf, type Ablation, type Repair } from '../../engine/race/explain/index.ts';
import { explainText, fixSearch, fixSummary, fixText, stoppedText, variantLabel, variantVerdict } from '../../engine/format/race-explain-text.ts';
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

/**
 * Why and Smallest fix as the panels show them: the command line's words,
 * each variant and fix with the playground link to its exact state, and
 * each fix's scenario text (the scenario with that host program, printed
 * as the form controls print a change) for Apply.
 */
export function analysisOf(check: RaceCheck, ablation: Ablation, fix: Repair, site: string, text: string): RaceAnalysis {
  const why = whyOf(check, ablation);
  const link = (scenario: Scenario | undefined): { link?: string } => (scenario === undefined ? {} : { link: raceLink(BASE, scenario, SHIPPED) });
  const stopped = stoppedText(ablation.stopped);
  return {
    ...(why.headline === undefined ? {} : { headline: why.headline }),
    findings: why.findings.map((f) => ({ sentence: f.sentence, label: variantLabel(f.variant), ...link(f.variant.scenario) })),
    variants: [...ablation.ops, ...ablation.knobs].map((v) => ({ label: variantLabel(v), verdict: variantVerdict(v), changes: changesVerdict(ablation, v), ...link(v.scenario) })),
    ...(stopped === undefined ? {} : { stopped }),
    fixSearch: fixSearch(fix),
    fixSummary: fixSummary(check, fix),
    fixes: fix.fixes.map((program, i) => {
      const scenario = fix.scenarios[i]!;
      const applied = editFromControl(text, check.scenario, { ...check.scenario, host: scenario.host });
      return { program, link: raceLink(BASE, scenario, SHIPPED), text: applied.text, ...(applied.staleExpect === undefined ? {} : { staleExpect: applied.staleExpect }) };
    }),
    report: raceReport(check, site, SHIPPED, `${explainText(ablation, why)}${fixText(check, fix)}`),
  };
}
