/**
 * What an exercise shows and how it is graded, as plain data: the question
 * and the state it is about, the choices, the engine's answer and why, and
 * the playground link to the same state. Everything in an instance is
 * computed by an engine from the exercise's state (the kinds beside this
 * file); a page only renders it, at build time for the first instance and
 * in a Web Worker for "Another one".
 */
import type { ShippedScenarios } from '../links/race-query.ts';

/** The exercise kinds: what engine grades them ('fix': the race engine, on the reader's edit of a scenario). */
export type KindName = 'mair' | 'combine' | 'kvm' | 'race' | 'fix';

/** One line of the state an exercise asks about ("Stage 2 MemAttr": "`0x5` (Normal-NC)"); `code` in backticks. */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

interface Posed {
  /** Identifies the state: two instances with the same key ask the same question. */
  readonly key: string;
  /** The question, `code` in backticks. */
  readonly question: string;
  readonly facts: readonly Fact[];
  /** Why the engine answers so: the rule that decided it and its source, or the cause of the counterexample. */
  readonly because: string;
  /** What else the engine says of this state (IMPLEMENTATION DEFINED or CONSTRAINED UNPREDICTABLE cases), when anything. */
  readonly notes?: readonly string[];
  /** The engine's shortest counterexample, one step a line (`actor: event`), when the answer is UNSAFE. */
  readonly steps?: readonly string[];
  /** The playground link to this exact state (a versioned link, under the context's site). */
  readonly link: string;
  /** The scenario text, for playing the scheduler on it (race exercises). */
  readonly scenario?: string;
}

/** A question with a fixed set of answers, one of which the engine gives. */
export interface ChoiceInstance extends Posed {
  readonly kind: Exclude<KindName, 'fix'>;
  /** The answer choices, spelled as the playground shows its results. */
  readonly choices: readonly string[];
  /** The engine's answer: one of the choices. */
  readonly answer: string;
}

/**
 * A task rather than a question: add one host op to an UNSAFE scenario so
 * that it becomes SAFE. Several edits can be right; the race engine grades
 * the reader's own (fix-exercise.ts, gradeFix), never a list of answers.
 */
export interface FixInstance extends Posed {
  readonly kind: 'fix';
  /** The host ops the reader may add, as the scenario language writes them. */
  readonly ops: readonly string[];
  /** Where one may go, by insertion position in the host program (0: before the first op). */
  readonly places: readonly string[];
  /** The engine's answer, `code` in backticks: the host programs of one op more that it finds SAFE. */
  readonly answer: string;
  /** How many of the single insertions the repair search tried are SAFE, `code` in backticks. */
  readonly hint: string;
  readonly scenario: string;
}

export type Instance = ChoiceInstance | FixInstance;

/** What posing an exercise needs besides its state. */
export interface PoseContext {
  /** Where playground links start: the site's address, or its base path for links within the site. */
  readonly site: string;
  /** The shipped race scenarios by name: a race exercise may start from one, and its link names it. */
  readonly shipped: ShippedScenarios;
}

/** How many difficulty levels each kind has (0 to LEVELS - 1). */
export const LEVELS = 3;

/** How difficult the next draw is after `right` right answers: one level up per right answer, up to the last. */
export const levelFor = (right: number): number => Math.min(LEVELS - 1, Math.max(0, Math.floor(right)));

/**
 * The options a family adds at each level, for one dimension of its state:
 * index 0 holds those of level 0, index 1 those added at level 1, and so on.
 */
export type ByLevel<T> = readonly [readonly T[], readonly T[], readonly T[]];

/** The options of one dimension available at `level`: those of that level and every lower one. */
export function upTo<T>(options: ByLevel<T>, level: number): T[] {
  return options.slice(0, level + 1).flat();
}

/** Every combination of one option per dimension (the first dimension varies slowest). */
export function product<T extends Record<string, unknown>>(dimensions: { readonly [K in keyof T]: readonly T[K][] }): T[] {
  let out: Partial<T>[] = [{}];
  for (const key of Object.keys(dimensions) as (keyof T)[]) {
    out = out.flatMap((partial) => dimensions[key].map((value) => ({ ...partial, [key]: value })));
  }
  return out as T[];
}

/**
 * The states new at `level`: every combination of the options up to it,
 * less those already offered below it, so that difficulty grows.
 */
export function newAt<T extends Record<string, unknown>>(dimensions: { readonly [K in keyof T]: ByLevel<T[K]> }, level: number, key: (state: T) => string): T[] {
  const at = (l: number): T[] =>
    product<T>(Object.fromEntries(Object.entries(dimensions).map(([name, options]) => [name, upTo(options as ByLevel<unknown>, l)])) as { [K in keyof T]: T[K][] });
  const below = new Set(level === 0 ? [] : at(level - 1).map(key));
  return at(level).filter((state) => !below.has(key(state)));
}

/** `a`, `a and b`, `a, b and c`. */
export const inWords = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
