/**
 * The reset-race engine's public API (rules: the race model page): scenario text in,
 * verdict, shortest counterexample and statistics out; plus the pieces a
 * widget needs to draw a timeline (replay with per-step lanes and state
 * views). Pure TypeScript: runs in Node, a page and a Web Worker alike.
 */
export type * from './types.ts';
export { KNOB_NAMES, MAX_VCPUS, VCPU_DIRECTIVES, vcpuActor, vcpuLane, vcpuPrograms } from './types.ts';
export { checkScenario, type CheckOptions, type RaceCheck } from './explore/check.ts';
export { ScenarioError } from './language/errors.ts';
export { DEFAULT_BUDGET, explore, type ExploreOptions, type ExploreProgress } from './explore/explorer.ts';
export { defaultKnobs, KNOB_MEANINGS, KNOB_RULES, resolveKnobs } from './knobs.ts';
export { buildModel } from './model/build.ts';
export { MERGE_GRANULE, type Model } from './model/model.ts';
export { MAX_GUEST_STORES, parseScenario } from './language/parser.ts';
export { printScenario } from './language/printer.ts';
export { editFromControl, editScenarioText, EDITED_MARK, type ControlEdit } from './language/edit.ts';
export { replay, ReplayError, viewOf, type ReplayFrame, type StateView } from './explore/replay.ts';
