/**
 * Ablation: which steps and assumptions a verdict rests on. The scenario
 * is explored again with each op removed in turn (every host op but the
 * reset, and every guest `dmb` and `dsb` of every vCPU) and with each knob
 * of the scenario language flipped in turn (its resolved value negated,
 * set explicitly, every other setting of the file kept). A variant whose
 * verdict differs from the scenario's is a finding (sentences.ts).
 *
 * A knob that no rule reads on this platform or for this guest type
 * (knobWithoutEffect: the message its warning gives) cannot be flipped
 * meaningfully, and a variant the language refuses (guest-stops=no while
 * same-pe=yes) cannot be asked: both are listed as refused with the
 * message, never left out.
 */
import type { RaceCheck } from '../explore/check.ts';
import { guestOpText, hostOpText } from '../language/printer.ts';
import { knobWithoutEffect } from '../model/build.ts';
import { KNOB_NAMES, vcpuPrograms, VCPU_DIRECTIVES, type KnobName, type RaceVerdict, type Scenario } from '../types.ts';
import { Search, type Outcome, type SearchOptions } from './search.ts';
import { withKnob, withoutOp, type ProgramName } from './variants.ts';

export type VariantVerdict = RaceVerdict | 'refused';

/** What one variant answered. */
export interface VariantResult {
  readonly verdict: VariantVerdict;
  /** The shortest counterexample's length, when unsafe. */
  readonly depth?: number;
  /** Why the variant was refused. */
  readonly error?: string;
  /** The variant as explored (for its link), unless refused. */
  readonly scenario?: Scenario;
}

export interface OpVariant extends VariantResult {
  readonly program: ProgramName;
  /** The op's 0-based position in its program. */
  readonly index: number;
  /** The op as the printer writes it. */
  readonly op: string;
}

export interface KnobVariant extends VariantResult {
  readonly knob: KnobName;
  /** The value the variant sets: the negation of the scenario's. */
  readonly value: boolean;
}

export interface Ablation {
  /** The verdict of the scenario itself. */
  readonly verdict: RaceVerdict;
  readonly ops: readonly OpVariant[];
  readonly knobs: readonly KnobVariant[];
  /** Set when the search's budget ran out or it was cancelled: later variants are `incomplete`. */
  readonly stopped?: 'budget' | 'cancelled';
}

/** The variant answered, and differently from the scenario: a finding. */
export function changesVerdict(ablation: Ablation, v: VariantResult): boolean {
  return ablation.verdict !== 'incomplete' && (v.verdict === 'safe' || v.verdict === 'unsafe') && v.verdict !== ablation.verdict;
}

function resultOf(outcome: Outcome): VariantResult {
  if (outcome.verdict === 'refused') return { verdict: 'refused', error: outcome.error };
  if (outcome.result === undefined) return { verdict: 'incomplete' };
  const { verdict, trace } = outcome.result;
  return { verdict, ...(verdict === 'unsafe' ? { depth: trace.length } : {}), scenario: outcome.scenario };
}

/** The ops ablation removes: host ops but the reset, then each vCPU's barriers, in program order. */
function removableOps(scenario: Scenario): { program: ProgramName; index: number; op: string }[] {
  const ops: { program: ProgramName; index: number; op: string }[] = [];
  scenario.host.forEach((op, index) => {
    if (op.op !== 'reset') ops.push({ program: 'host', index, op: hostOpText(op) });
  });
  vcpuPrograms(scenario).forEach((program, k) => {
    program.forEach((op, index) => {
      if (op.op !== 'store') ops.push({ program: VCPU_DIRECTIVES[k] ?? 'guest', index, op: guestOpText(op) });
    });
  });
  return ops;
}

export function ablate(check: RaceCheck, options: SearchOptions = {}): Ablation {
  const { scenario, knobs, model } = check;
  const search = new Search(options);
  const removable = removableOps(scenario);
  const pointless = (knob: KnobName): string | undefined => knobWithoutEffect(knob, scenario.platform, model.cacheable);
  search.total = removable.length + KNOB_NAMES.filter((knob) => pointless(knob) === undefined).length;
  search.report();
  const ops = removable.map((entry): OpVariant => ({ ...entry, ...resultOf(search.run(withoutOp(scenario, entry.program, entry.index))) }));
  const flipped = KNOB_NAMES.map((knob): KnobVariant => {
    const value = !knobs[knob];
    const error = pointless(knob);
    return { knob, value, ...(error === undefined ? resultOf(search.run(withKnob(scenario, knob, value))) : { verdict: 'refused', error }) };
  });
  return { verdict: check.result.verdict, ops, knobs: flipped, ...(search.stopped === undefined ? {} : { stopped: search.stopped }) };
}
