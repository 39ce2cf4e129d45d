/**
 * The messages between an exercise and its worker (learn-worker.ts). The
 * worker reads the page's address (the seed and this exercise's draw,
 * with what is wrong with them), poses a draw with the engines (the race
 * engine's explorations and "why" analysis included) and writes the
 * address that names it. The page itself loads no engine and no query
 * code: the lesson pages share nothing with the other widgets' pages but
 * the Svelte runtime, so a lesson's changes never regroup their scripts.
 */
import type { Draw } from '../../engine/learn/exercises.ts';
import type { FixEdit, FixGrade } from '../../engine/learn/fix-exercise.ts';
import type { FixInstance, Instance } from '../../engine/learn/instance.ts';

/** Which exercise: the lesson's slug, its id, its number and the ids of the lesson's exercises (for reading the address). */
export interface ExerciseRef {
  readonly lesson: string;
  readonly exercise: string;
  readonly number: number;
  readonly ids: readonly string[];
}

export type LearnRequest =
  /** What the address names for this exercise: the instance of its draw, if it names one. */
  | { readonly id: number; readonly kind: 'open'; readonly ref: ExerciseRef; readonly search: string }
  /** Another draw: at `draw`, from `seed` (a fresh one when absent). */
  | { readonly id: number; readonly kind: 'draw'; readonly ref: ExerciseRef; readonly search: string; readonly seed?: string; readonly draw: Draw }
  /** Grade the reader's edit of the fix exercise shown (its scenario and hint). */
  | { readonly id: number; readonly kind: 'grade'; readonly task: Pick<FixInstance, 'scenario' | 'hint'>; readonly edit: FixEdit };

export type LearnResponse =
  | {
      readonly id: number;
      readonly kind: 'opened';
      /** What is wrong with the address, one line per parameter (the first exercise also reports the seed and unknown parameters). */
      readonly problems: readonly string[];
      readonly seed?: string;
      /** The draw the address names and its instance, when it names one. */
      readonly shown?: { readonly draw: Draw; readonly instance: Instance };
    }
  | { readonly id: number; readonly kind: 'drawn'; readonly seed: string; readonly draw: Draw; readonly instance: Instance; readonly query: string }
  | { readonly id: number; readonly kind: 'graded'; readonly grade: FixGrade }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
