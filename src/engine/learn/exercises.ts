/**
 * Drawing an exercise's instances. Draw 0 is the state the lesson asks
 * about first (its `start`); "Another one" asks draw 1, 2, ... of the
 * address's seed, each at the difficulty level the reader has reached.
 * Draw n at level l is item n - 1 of a seeded shuffle of the states new at
 * level l (the start left out), so the same seed, exercise, draw and level
 * give the same question on every machine, consecutive draws at one level
 * differ, and the states of a higher level are harder than those below.
 */
import { KVM_DEFAULTS, type KvmInput } from '../kvm/index.ts';
import { combineKey, combinePool, poseCombine, type CombineFamily, type CombineState } from './combine-exercise.ts';
import { LEVELS, type Instance, type KindName, type PoseContext } from './instance.ts';
import { fixPool, poseFix } from './fix-exercise.ts';
import { kvmKey, kvmPool, poseKvm, type KvmFamily } from './kvm-exercise.ts';
import { mairKey, mairPool, poseMair, type MairFamily, type MairState } from './mair-exercise.ts';
import { poseRace, raceKey, racePool, type RaceFamily } from './race-exercise.ts';
import { generator, hashParts, shuffled } from './random.ts';

interface Common {
  /** Unique within its lesson, and the address parameter for its draw. */
  readonly id: string;
  /** What it asks, in a few words, after "Exercise N: ". */
  readonly title: string;
}

/** An exercise of a lesson: its kind, the family of states it draws from, and the state it asks about first. */
export type ExerciseDef =
  | (Common & { readonly kind: 'mair'; readonly family: MairFamily; readonly start: MairState })
  | (Common & { readonly kind: 'combine'; readonly family: CombineFamily; readonly start: CombineState })
  | (Common & { readonly kind: 'kvm'; readonly family: KvmFamily; readonly start: Partial<KvmInput> })
  | (Common & { readonly kind: 'race'; readonly family: RaceFamily; readonly start: string })
  /** Add one host op to an UNSAFE scenario so that it is SAFE: the family's UNSAFE scenarios that one op fixes. */
  | (Common & { readonly kind: 'fix'; readonly family: RaceFamily; readonly start: string });

/** Which instance: `n` 0 is the start; `level` from 0 to LEVELS - 1. */
export interface Draw {
  readonly n: number;
  readonly level: number;
}

export const START: Draw = { n: 0, level: 0 };

/** One kind's states as drawing needs them. */
interface Kind<S> {
  readonly name: KindName;
  readonly start: S;
  pool(level: number): readonly S[];
  key(state: S): string;
  pose(state: S): Instance;
}

function kindOf(def: ExerciseDef, ctx: PoseContext): Kind<unknown> {
  const kind = <S>(k: Kind<S>): Kind<unknown> => k as Kind<unknown>;
  switch (def.kind) {
    case 'mair':
      return kind<MairState>({ name: 'mair', start: def.start, pool: (l) => mairPool(def.family, l), key: mairKey, pose: (s) => poseMair(s, ctx) });
    case 'combine':
      return kind<CombineState>({ name: 'combine', start: def.start, pool: (l) => combinePool(def.family, l), key: combineKey, pose: (s) => poseCombine(s, ctx) });
    case 'kvm':
      return kind<KvmInput>({ name: 'kvm', start: { ...KVM_DEFAULTS, ...def.start }, pool: (l) => kvmPool(def.family, l), key: kvmKey, pose: (s) => poseKvm(s, ctx) });
    case 'race':
    case 'fix': {
      const text = ctx.shipped.get(def.start);
      if (text === undefined) throw new Error(`exercise ${def.id}: no shipped scenario '${def.start}'`);
      return def.kind === 'race'
        ? kind<string>({ name: 'race', start: text, pool: (l) => racePool(def.family, l), key: raceKey, pose: (s) => poseRace(s, ctx) })
        : kind<string>({ name: 'fix', start: text, pool: (l) => fixPool(def.family, l), key: raceKey, pose: (s) => poseFix(s, ctx) });
    }
  }
}

/**
 * The states draw n >= 1 picks from at `level`: those new at it, without
 * the start; those of every level up to it if that leaves none; those of
 * the nearest level above with any if that still leaves none (a family
 * filtered by what it asks, such as the fix exercises', may have no
 * easy state but its start). Throws when the family has no other state.
 */
function poolOf<S>(kind: Kind<S>, level: number): readonly S[] {
  const start = kind.key(kind.start);
  const without = (states: readonly S[]): S[] => states.filter((s) => kind.key(s) !== start);
  const fresh = without(kind.pool(level));
  if (fresh.length > 0) return fresh;
  const below = without(Array.from({ length: level + 1 }, (_, l) => kind.pool(l)).flat());
  if (below.length > 0) return below;
  for (let above = level + 1; above < LEVELS; above += 1) {
    const states = without(kind.pool(above));
    if (states.length > 0) return states;
  }
  throw new Error('this exercise has no other question to draw');
}

/** The state of a draw: the start, or item n - 1 of the seeded shuffle of its level's pool. */
export function stateAt(def: ExerciseDef, seed: string, draw: Draw, ctx: PoseContext): { kind: Kind<unknown>; state: unknown } {
  const kind = kindOf(def, ctx);
  if (draw.n === 0) return { kind, state: kind.start };
  const pool = shuffled(poolOf(kind, draw.level), generator(hashParts(seed, def.id, draw.level)));
  return { kind, state: pool[(draw.n - 1) % pool.length] };
}

/** The instance a draw asks: its state posed and graded by the kind's engine. */
export function instanceAt(def: ExerciseDef, seed: string, draw: Draw, ctx: PoseContext): Instance {
  const { kind, state } = stateAt(def, seed, draw, ctx);
  return kind.pose(state);
}

/** How many states draw n >= 1 picks from at `level` (tests: consecutive draws differ when there are two or more). */
export function poolSize(def: ExerciseDef, level: number, ctx: PoseContext): number {
  return poolOf(kindOf(def, ctx), level).length;
}
