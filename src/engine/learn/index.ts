/**
 * The learn engine: exercises drawn from a seed and graded by the other
 * engines (attrs/, kvm/, race/ and its "why" analysis), the lessons that
 * place them, the address that names a set of them, and the game in which
 * the reader plays the race model's scheduler. Pure: no DOM, no Node.js.
 */
export type { ChoiceInstance, Fact, FixInstance, Instance, KindName, PoseContext } from './instance.ts';
export { LEVELS, levelFor } from './instance.ts';
export { instanceAt, poolSize, START, stateAt, type Draw, type ExerciseDef } from './exercises.ts';
export { exerciseOf, LESSONS, type LessonDef } from './lessons.ts';
export { readLearnQuery, SEED_PARAM, seedOf, withDraw, type LearnAddress } from './learn-query.ts';
export { poseCombine } from './combine-exercise.ts';
export { poseMair } from './mair-exercise.ts';
export { poseRace, RACE_CHOICES } from './race-exercise.ts';
export { applyFix, gradeFix, poseFix, type FixEdit, type FixGrade } from './fix-exercise.ts';
export { moveLabels, movesOfTrace, play, type Move, type Playing } from './scheduler.ts';
