/**
 * The vocabulary of the reset-race engine (its rules: the race model page, M-...): the
 * parsed scenario, the knobs, and the result objects that the CLI, the
 * plain-text renderer and the widgets all read.
 *
 * Plain readonly data and string-literal unions, so that a scenario can be
 * compared structurally (parse(print(s)) == s), and a result serialised to
 * JSON or posted from a Web Worker unchanged.
 */
import type { Pgprot } from '../kvm/types.ts';
import type { Actor, Lane, VcpuName } from './vocabulary/lanes.ts';
import type { Platform } from './vocabulary/platforms.ts';
import type { ResetMethod } from './vocabulary/reset-methods.ts';
import type { StepKind } from './vocabulary/steps.ts';

export type { Actor, Lane, Platform, ResetMethod, StepKind, VcpuName };
export type { VcpuLane } from './vocabulary/lanes.ts';
export { MAX_VCPUS, VCPU_DIRECTIVES, vcpuActor, vcpuLane } from './vocabulary/lanes.ts';
import { VCPU_DIRECTIVES } from './vocabulary/lanes.ts';

export type GuestOp =
  | { readonly op: 'store'; readonly offset: number }
  | { readonly op: 'dmb' }
  | { readonly op: 'dsb' };

export type HostOp =
  | { readonly op: 'unmap-s2' }
  | { readonly op: 'dsb' }
  | { readonly op: 'read'; readonly offset: number }
  /** `dc civac <offset>|all`: clean and invalidate one 64-byte line, or every line of the mapping (M-cache-dc-civac). */
  | { readonly op: 'dc-civac'; readonly offset: number | 'all' }
  | { readonly op: 'reset'; readonly method: ResetMethod };

export type Verdict = 'safe' | 'unsafe';

/**
 * The knobs of the scenario language, in the order the printer writes them.
 * `path-order` is not among them: it is a shorthand for `write-order` and
 * `np-pushes` together (M-path-order-shorthand), expanded by the parser.
 */
export const KNOB_NAMES = [
  'guest-stops',
  'same-pe',
  'early-ack',
  'write-order',
  'np-pushes',
  'ne-honoured',
  'config-order',
  'unmap-cleans',
] as const;
export type KnobName = (typeof KNOB_NAMES)[number];

/** Every knob with its value after defaults are applied. */
export type Knobs = Readonly<Record<KnobName, boolean>>;

/**
 * A parsed scenario. Only what the file says: `options` holds the knobs set
 * explicitly (defaults are applied by `resolveKnobs`), `guestS1`/`guestS2`
 * keep the spelling of the file (a name or a raw encoding) so that printing
 * writes back what the author wrote.
 */

/**
 * `kernel <release>` and `vma <pgprot> [allow-any-uncached]`: the guest's
 * stage 2 given as what KVM installs for a VM_PFNMAP VMA with that
 * protection in that release (src/engine/kvm/), instead of `guest-s2`.
 */
export interface KvmDirectives {
  readonly kernel: string;
  readonly vma: Pgprot;
  readonly allowAnyUncached: boolean;
}

export interface Scenario {
  readonly title?: string;
  readonly platform: Platform;
  readonly fwb: boolean;
  readonly guestS1: string;
  /** The stage-2 value as the file spells it, or as KVM installs it when the file says `kernel` and `vma`. */
  readonly guestS2: string;
  /** Present when the file gives `kernel` and `vma` instead of `guest-s2`; printing writes those back. */
  readonly kvm?: KvmDirectives;
  readonly options: Readonly<Partial<Record<KnobName, boolean>>>;
  /** vCPU 0's program (always present, possibly empty). */
  readonly guest: readonly GuestOp[];
  /** vCPUs 1-3, present only when the file has the directive (and then every lower one). */
  readonly guest1?: readonly GuestOp[];
  readonly guest2?: readonly GuestOp[];
  readonly guest3?: readonly GuestOp[];
  readonly host: readonly HostOp[];
  readonly expect?: Verdict;
}

/** The programs of the scenario's vCPUs, vCPU 0 first (one to four of them). */
export function vcpuPrograms(scenario: Scenario): readonly (readonly GuestOp[])[] {
  const programs: (readonly GuestOp[])[] = [scenario.guest];
  for (const name of VCPU_DIRECTIVES.slice(1)) {
    const program = scenario[name as Exclude<VcpuName, 'guest'>];
    if (program === undefined) break;
    programs.push(program);
  }
  return programs;
}

/**
 * One step of an execution: what the model decided (the step's kind and
 * the rule it applies, who took it, `ref`), and the same in words, readable
 * on its own ("guest: store 0x8 enters the write buffer").
 */
export interface TraceStep {
  readonly actor: Actor;
  readonly lane: Lane;
  readonly event: string;
  readonly kind: StepKind;
  /** The rule of the race model page it applies (M-...). */
  readonly rule: string;
  /** Identifies the transition for replay (stable across runs): the step's operands, no words. */
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
  /** The reductions applied: symmetry (M-reduce-symmetry) and partial order (M-reduce-por). */
  readonly reduction: boolean;
  readonly partialOrder: boolean;
}
