/**
 * The vocabulary of the reset-race engine (its rules: the race model page, M-...): the
 * parsed scenario, the knobs, and the result objects that the CLI, the
 * plain-text renderer and the widgets all read.
 *
 * Plain readonly data and string-literal unions, so that a scenario can be
 * compared structurally (parse(print(s)) == s), and a result serialised to
 * JSON or posted from a Web Worker unchanged.
 */

export type Platform = 'pcie' | 'soc';

/** How the host resets the device: PCIe FLR (config write), SoC reset controller, or a reset register of the device. */
export type ResetMethod = 'flr' | 'ctrl' | 'reg';

export type GuestOp =
  | { readonly op: 'store'; readonly offset: number }
  | { readonly op: 'dmb' }
  | { readonly op: 'dsb' };

export type HostOp =
  | { readonly op: 'unmap-s2' }
  | { readonly op: 'dsb' }
  | { readonly op: 'read'; readonly offset: number }
  | { readonly op: 'reset'; readonly method: ResetMethod };

export type Verdict = 'safe' | 'unsafe';

/** The knobs of the scenario language, in the order the printer writes them. */
export const KNOB_NAMES = ['guest-stops', 'same-pe', 'early-ack', 'path-order', 'ne-honoured', 'config-order'] as const;
export type KnobName = (typeof KNOB_NAMES)[number];

/** Every knob with its value after defaults are applied. */
export type Knobs = Readonly<Record<KnobName, boolean>>;

/**
 * A parsed scenario. Only what the file says: `options` holds the knobs set
 * explicitly (defaults are applied by `resolveKnobs`), `guestS1`/`guestS2`
 * keep the spelling of the file (a name or a raw encoding) so that printing
 * writes back what the author wrote.
 */
export interface Scenario {
  readonly title?: string;
  readonly platform: Platform;
  readonly fwb: boolean;
  readonly guestS1: string;
  readonly guestS2: string;
  readonly options: Readonly<Partial<Record<KnobName, boolean>>>;
  readonly guest: readonly GuestOp[];
  readonly host: readonly HostOp[];
  readonly expect?: Verdict;
}

/** Who does something in a counterexample, as a reader names it. */
export type Actor = 'guest' | 'host' | 'fabric' | 'device' | 'reset controller';

/**
 * The timeline lane a step is drawn in: the two PEs, the acknowledgement
 * point (interconnect on an SoC, root complex on PCIe), the device, and the
 * SoC reset controller.
 */
export type Lane = 'guest-pe' | 'host-pe' | 'interconnect' | 'root-complex' | 'device' | 'reset-controller';

/** One step of an execution, readable on its own ("guest: store 0x8 enters write buffer"). */
export interface TraceStep {
  readonly actor: Actor;
  readonly lane: Lane;
  readonly event: string;
  /** Identifies the transition for replay (stable across runs). */
  readonly ref: string;
}

export interface ExploreStats {
  /** Distinct canonical states reached. */
  readonly states: number;
  /** Transitions generated (including those to states already seen). */
  readonly transitions: number;
  /** Length of the longest shortest path from the initial state (BFS depth reached). */
  readonly depth: number;
  readonly timeMs: number;
}

/** Number of write transactions from the guest that reach the device, over all complete executions. */
export interface WriteCounts {
  readonly min: number;
  readonly max: number;
}

export type RaceVerdict = Verdict | 'incomplete';

export interface ExploreResult {
  /**
   * `unsafe` as soon as a violating execution is known (the counterexample
   * proves it even if the budget is hit later); `safe` only after the whole
   * state space was explored; `incomplete` otherwise (budget or cancel).
   */
  readonly verdict: RaceVerdict;
  /** Why exploration stopped early, when it did. */
  readonly stopped?: 'budget' | 'cancelled';
  /** A shortest counterexample, for `unsafe`. */
  readonly trace: readonly TraceStep[];
  readonly stats: ExploreStats;
  /** Only when the whole state space was explored. */
  readonly writes?: WriteCounts;
  readonly reduction: boolean;
}
