/**
 * Poses exercises off the main thread, with the engines: the draw a
 * lesson's address names when the page opens, "Another one" (a race
 * exercise explores its scenario and, for a SAFE verdict, every variant
 * the "why" analysis asks about), and the grade of a fix exercise's edit
 * (the edited scenario explored). Links are site-relative, as the page's
 * own are.
 */
import { exerciseOf, gradeFix, instanceAt, readLearnQuery, seedOf, withDraw } from '../../engine/learn/index.ts';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { BASE } from '../shared/url-state.ts';
import type { ExerciseRef, LearnRequest, LearnResponse } from './learn-messages.ts';

const post = (message: LearnResponse): void => self.postMessage(message);
const context = { site: BASE, shipped: SHIPPED };
const defOf = (ref: ExerciseRef) => exerciseOf(ref.lesson, ref.exercise).def;

self.onmessage = (event: MessageEvent<LearnRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.kind === 'grade') {
      post({ id, kind: 'graded', grade: gradeFix(request.task, request.edit, context) });
      return;
    }
    const { ref } = request;
    if (request.kind === 'open') {
      const address = readLearnQuery(request.search, ref.ids);
      // Each exercise names what is wrong with its own parameter; the first also with the seed and unknown ones.
      const mine = (p: string): boolean => p.includes(`'${ref.exercise}'`) || (ref.number === 1 && !ref.ids.some((other) => p.includes(`'${other}'`)));
      const draw = address.draws[ref.exercise];
      const shown = address.seed !== undefined && draw !== undefined ? { draw, instance: instanceAt(defOf(ref), address.seed, draw, context) } : undefined;
      post({ id, kind: 'opened', problems: address.problems.filter(mine), ...(address.seed === undefined ? {} : { seed: address.seed }), ...(shown ? { shown } : {}) });
      return;
    }
    const seed = request.seed ?? seedOf(crypto.getRandomValues(new Uint32Array(1))[0] ?? 0);
    const instance = instanceAt(defOf(ref), seed, request.draw, context);
    post({ id, kind: 'drawn', seed, draw: request.draw, instance, query: withDraw(request.search, seed, ref.exercise, request.draw) });
  } catch (error) {
    post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
