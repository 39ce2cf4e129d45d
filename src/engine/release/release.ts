/**
 * What one model version offers its front ends: the two engines, the
 * shipped scenario texts as they were, and the plain-text and JSON
 * renderers of that version. The current version is assembled from the
 * sources (current.ts); each older one is a module built from its commit
 * (public/engines/v<N>/engine.js, see scripts/release/archive-engine.ts) that
 * exports exactly these names, so the CLI's `--model N`, the widgets'
 * old-link notice and the corpus guard treat every version alike.
 *
 * Results are typed with today's types: an archived version's results
 * have the shape its own renderers expect, and only those renderers and
 * the fields named in corpus/ are read from them.
 */
import type { CombineInput, CombineResult, S1Decoding } from '../attrs/types.ts';
import type { CheckOptions, RaceCheck } from '../race/explore/check.ts';
import type { Ablation, Repair, SearchOptions, Why } from '../race/explain/index.ts';
import type { KvmInput, KvmResult } from '../kvm/types.ts';
import type { Scenario } from '../race/types.ts';

export interface EngineRelease {
  readonly model: number;
  /** Shipped scenarios by name (file name without `.race`), as their files read at this version. */
  readonly scenarios: Readonly<Record<string, string>>;
  readonly combine: (input: CombineInput) => CombineResult;
  readonly decodeS1: (byte: number) => S1Decoding;
  /** One combination as 72-column text, without the link. */
  readonly combineText: (result: CombineResult) => string;
  /** The named S1 x S2 matrix as 72-column text, without the link. */
  readonly matrixText: (fwb: boolean) => string;
  readonly matrixRst: (fwb: boolean) => string;
  readonly checkScenario: (text: string, options?: CheckOptions) => RaceCheck;
  /** One race check as 72-column text, without the link. */
  readonly renderRaceText: (check: RaceCheck) => string;
  readonly raceJson: (check: RaceCheck) => Record<string, unknown>;
  readonly parseScenario: (text: string, file: string) => Scenario;
  /** Ablation and the sentences that say why; repair with at most `maxOps` inserted host ops (from model version 2 on: race --explain, --fix). */
  readonly raceExplain?: (check: RaceCheck, options?: SearchOptions) => { readonly ablation: Ablation; readonly why: Why };
  readonly raceFix?: (check: RaceCheck, maxOps: number, options?: SearchOptions) => Repair;
  readonly printScenario: (scenario: Scenario) => string;
  /** KVM's stage-2 choice (from model version 2 on; older versions had no such engine). */
  readonly kvmDecide?: (input: KvmInput) => KvmResult;
  readonly kvmText?: (result: KvmResult) => string;
}

/** The shipped scenarios of a release as the link layer takes them. */
export function shippedOf(release: EngineRelease): ReadonlyMap<string, string> {
  return new Map(Object.entries(release.scenarios).sort(([a], [b]) => a.localeCompare(b)));
}
