/**
 * A race check as JSON (the CLI contract): at least `verdict`, `states`, `trace` as
 * `{actor, event}` steps, and `expected`/`matches` when the file has an
 * `expect` line. Steps also carry their timeline lane for the widgets; a
 * vCPU's steps have its directive's name as actor (`guest`, `guest1`, ...).
 */
import type { RaceCheck } from '../race/explore/check.ts';

export function raceJson(check: RaceCheck): Record<string, unknown> {
  const { result } = check;
  return {
    file: check.file,
    title: check.scenario.title ?? null,
    platform: check.scenario.platform,
    guestType: check.guestType,
    vcpus: check.model.vcpus.length,
    cacheable: check.model.cacheable,
    knobs: check.knobs,
    verdict: result.verdict,
    ...(check.expected === undefined ? {} : { expected: check.expected, matches: check.matches }),
    ...(result.stopped ? { stopped: result.stopped } : {}),
    states: result.stats.states,
    transitions: result.stats.transitions,
    depth: result.stats.depth,
    timeMs: Math.round(result.stats.timeMs * 1000) / 1000,
    reduction: result.reduction,
    partialOrder: result.partialOrder,
    writes: result.writes ?? null,
    trace: result.trace.map((step) => ({ actor: step.actor, event: step.event, lane: step.lane })),
    warnings: check.warnings,
  };
}
