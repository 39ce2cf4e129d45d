/**
 * The exercise engine against the engines it grades with: every instance
 * any lesson can draw has its answer among its choices, the answer is what
 * the engine answers for the state its playground link restores, draws
 * are reproducible from the seed and consecutive ones differ, and the
 * scheduler game wins exactly along the engine's counterexamples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { combine, decodeS1 } from '../attrs/index.ts';
import { kvmDecide } from '../kvm/index.ts';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from '../links/combine-query.ts';
import { KVM_DEFAULTS, KVM_PARAMS } from '../links/kvm-query.ts';
import { MAIR_PARAMS } from '../links/mair-query.ts';
import { readQuery } from '../links/query.ts';
import { readRaceQuery } from '../links/race-query.ts';
import { buildModel, checkScenario, parseScenario } from '../race/index.ts';
import { MODEL_VERSION } from '../version.ts';
import { applyFix, exerciseOf, gradeFix, instanceAt, LESSONS, LEVELS, levelFor, moveLabels, movesOfTrace, play, poolSize, poseCombine, readLearnQuery, seedOf, START, withDraw, type ExerciseDef, type FixInstance, type Instance } from './index.ts';
import { hostProgramText, repair } from '../race/explain/index.ts';
import { TYPE_CHOICES } from './type-choices.ts';
import { KVM_REFUSED } from './kvm-exercise.ts';

const ctx = { site: 'https://example.org', shipped: SHIPPED };
const ALL: readonly { lesson: string; def: ExerciseDef }[] = LESSONS.flatMap((l) => l.exercises.map((def) => ({ lesson: l.slug, def })));

/** What the engine answers for the state the instance's link restores, spelled as the choices are (a fix exercise's link: the scenario to fix). */
function answerAtLink(instance: Instance): string {
  const url = new URL(instance.link);
  expect(url.searchParams.get('v')).toBe(String(MODEL_VERSION));
  const restored = <S>(params: Parameters<typeof readQuery<S>>[0]): Partial<S> => {
    const { values, problems } = readQuery(params, url.search);
    expect(problems).toEqual([]);
    return values;
  };
  switch (instance.kind) {
    case 'mair': {
      expect(url.pathname).toBe('/play/mair/');
      const { mair } = restored(MAIR_PARAMS);
      return decodeS1(Number(mair?.value ?? 0x44n)).name;
    }
    case 'combine':
      expect(url.pathname).toBe('/play/combine/');
      return combine({ ...COMBINE_DEFAULTS, ...restored(COMBINE_PARAMS) }).typeName;
    case 'kvm': {
      expect(url.pathname).toBe('/play/kvm/');
      const { answer } = kvmDecide({ ...KVM_DEFAULTS, ...restored(KVM_PARAMS) });
      return answer.outcome === 'mapped' ? answer.s2.type : KVM_REFUSED;
    }
    case 'race':
    case 'fix': {
      expect(url.pathname).toBe('/play/race/');
      const { text, problems } = readRaceQuery(url.search, SHIPPED);
      expect(problems).toEqual([]);
      return checkScenario(text ?? '').result.verdict.toUpperCase();
    }
  }
}

describe('lessons', () => {
  it('give every lesson two exercises or more, with ids that are address parameters of their own', () => {
    for (const lesson of LESSONS) {
      expect(lesson.exercises.length).toBeGreaterThanOrEqual(2);
      const ids = lesson.exercises.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(ids).not.toContain('seed');
      expect(ids).not.toContain('v');
    }
  });

  it('refuses an unknown lesson or exercise by name', () => {
    expect(() => exerciseOf('learn/nope', 'x')).toThrow("no lesson 'learn/nope'");
    expect(() => exerciseOf('learn/combining', 'nope')).toThrow("lesson 'learn/combining' has no exercise 'nope'");
    expect(exerciseOf('learn/combining', 'after').number).toBe(2);
  });
});

describe('instances', () => {
  it.each(ALL.map(({ lesson, def }) => [`${lesson} ${def.id}`, def] as const))('%s: the first instance is graded as the engine answers at its link', (_, def) => {
    const instance = instanceAt(def, 'any', START, ctx);
    expect(instance.because.length).toBeGreaterThan(20);
    if (instance.kind === 'fix') {
      expect(answerAtLink(instance)).toBe('UNSAFE');
      return;
    }
    expect(instance.choices).toContain(instance.answer);
    expect(answerAtLink(instance)).toBe(instance.answer);
  });

  it('start from the states the lessons are written about', () => {
    const first = (lesson: string, id: string): Instance => instanceAt(exerciseOf(lesson, id).def, 'x', START, ctx);
    expect(first('learn/combining', 'before')).toMatchObject({ answer: 'Device-nGnRE', because: expect.stringMatching(/^Device has precedence over Normal: stage 2 gives Device/) });
    expect(first('learn/combining', 'after').answer).toBe('Normal-NC');
    expect(first('learn/fwb', 'forced').answer).toBe('Normal-WB');
    expect(first('learn/fwb', 'nc').answer).toBe('Device-nGnRE');
    expect(first('learn/kvm', 'before').answer).toBe('Device-nGnRE');
    expect(first('learn/kvm', 'after').answer).toBe('Normal-NC');
    expect(first('learn/cacheable', 'kvm').answer).toBe('Normal-WB');
    expect(first('learn/memory-types', 'helper')).toMatchObject({ answer: 'Device-nGnRE', question: 'On arm64, which memory type does `pgprot_device()` give a mapping?' });
    const flr = first('learn/reset-race-pcie', 'flr');
    expect(flr.answer).toBe('UNSAFE');
    expect(flr.steps?.length).toBe(checkScenario(SHIPPED.get('pcie-nc-flr-without-unmap')!).result.trace.length);
    expect(flr.because).toMatch(/reached the device after the reset \(step \d+\)/);
    const fix = first('learn/reset-race-soc', 'one-op') as FixInstance;
    expect(fix.kind).toBe('fix');
    expect(fix.link).toBe('https://example.org/play/race/?v=2&scenario=soc-nc-unmap-ctrl&h=' + new URL(fix.link).searchParams.get('h'));
    expect(fix.answer).toBe('SAFE with one op more: `host unmap-s2; read 0x0; reset ctrl` or `host unmap-s2; read 0x8; reset ctrl`');
    expect(fix.hint).toBe("Hint: of the 9 different host programs that one added op can make, 2 are SAFE.");
    expect(fix.places).toEqual(['first, before `unmap-s2`', 'between `unmap-s2` and `reset ctrl`', 'last, after `reset ctrl`']);
  });

  it('draw only states whose answer is among the choices, at every level of every exercise', () => {
    for (const { def } of ALL) {
      for (let level = 0; level < LEVELS; level += 1) {
        const size = poolSize(def, level, ctx);
        expect(size, `${def.id} level ${level}`).toBeGreaterThanOrEqual(2);
        // Every state of the smaller pools; a sample of the large KVM ones.
        const draws = def.kind === 'kvm' ? [1, 2, 3, 5, 8, 13] : Array.from({ length: size }, (_, i) => i + 1);
        for (const n of draws) {
          const instance = instanceAt(def, 'teacher', { n, level }, ctx);
          if (instance.kind === 'fix') expect(answerAtLink(instance), instance.key).toBe('UNSAFE');
          else expect(instance.choices, `${def.id} ${n}.${level}: ${instance.key}`).toContain(instance.answer);
        }
      }
    }
  }, 60_000);

  it('grade each drawn instance as the engine answers at its link (random seeds, draws and levels)', () => {
    const cheap = ALL.filter(({ def }) => def.kind !== 'race' && def.kind !== 'fix');
    fc.assert(
      fc.property(fc.constantFrom(...cheap), fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: LEVELS - 1 }), ({ def }, seed, n, level) => {
        const instance = instanceAt(def, seed, { n, level }, ctx);
        expect(answerAtLink(instance)).toBe(instance.answer);
      }),
      { numRuns: 200 },
    );
    const race = ALL.filter(({ def }) => def.kind === 'race' || def.kind === 'fix');
    fc.assert(
      fc.property(fc.constantFrom(...race), fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: LEVELS - 1 }), ({ def }, seed, n, level) => {
        const instance = instanceAt(def, seed, { n, level }, ctx);
        expect(answerAtLink(instance)).toBe(instance.kind === 'fix' ? 'UNSAFE' : instance.answer);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('draw the same instance from the same seed, draw and level, and consecutive draws that differ', () => {
    const { def } = exerciseOf('learn/combining', 'after');
    const first = instanceAt(def, 'week3', { n: 4, level: 1 }, ctx);
    expect(instanceAt(def, 'week3', { n: 4, level: 1 }, ctx)).toEqual(first);
    for (const { def: d } of ALL.filter(({ def }) => def.kind !== 'race')) {
      let previous = instanceAt(d, 's', START, ctx).key;
      for (let n = 1; n <= 12; n += 1) {
        const key = instanceAt(d, 's', { n, level: Math.min(LEVELS - 1, Math.floor(n / 4)) }, ctx).key;
        expect(key, `${d.id} draw ${n}`).not.toBe(previous);
        previous = key;
      }
    }
    const seeds = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => instanceAt(def, seed, { n: 1, level: 0 }, ctx).key));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('grows the level one step per right answer, up to the last', () => {
    expect([0, 1, 2, 3, 9].map(levelFor)).toEqual([0, 1, 2, 2, 2]);
  });

  it('asks about memory types with the choices the playgrounds spell', () => {
    expect(TYPE_CHOICES).toEqual(['Device-nGnRnE', 'Device-nGnRE', 'Device-nGRE', 'Device-GRE', 'Normal-NC', 'Normal-WT', 'Normal-WB']);
    expect(TYPE_CHOICES).toContain(combine({ ...COMBINE_DEFAULTS }).typeName);
  });

  it("carries what the combining engine notes of a state, and nothing when it notes nothing (the guide's FWB figure shows them)", () => {
    const forced = { s1: 0x04, s2: 0x6, fwb: true };
    const warnings = combine({ ...COMBINE_DEFAULTS, ...forced }).warnings;
    expect(warnings.some((w) => w.includes('IMPLEMENTATION DEFINED'))).toBe(true);
    expect(poseCombine(forced, ctx).notes).toEqual(warnings);
    expect(poseCombine({ s1: 0x04, s2: 0x5, fwb: true }, ctx)).not.toHaveProperty('notes');
  });
});

describe('the fix exercise', () => {
  const { def } = exerciseOf('learn/reset-race-soc', 'one-op');
  const fixOf = (seed: string, n: number, level: number): FixInstance => instanceAt(def, seed, { n, level }, ctx) as FixInstance;

  it('grades every op at every place as the engine answers on the edited scenario at its link, and finds right exactly the repair search’s fixes', () => {
    for (const [seed, n, level] of [['', 0, 0], ['teacher', 1, 0], ['teacher', 2, 1], ['teacher', 3, 2]] as const) {
      const task = fixOf(seed, n, level);
      const right: string[] = [];
      task.places.forEach((_, place) => {
        for (const op of task.ops) {
          const grade = gradeFix(task, { op, place }, ctx);
          const { text, problems } = readRaceQuery(new URL(grade.link).search, SHIPPED);
          expect(problems).toEqual([]);
          const check = checkScenario(text ?? '');
          expect(check.scenario.host).toEqual(applyFix(task.scenario, { op, place }).host);
          expect(grade.right, `${op} at ${place}`).toBe(check.result.verdict === 'safe');
          expect(grade.feedback).toMatch(grade.right ? /^Right: with `[^`]+` added .* the engine answers SAFE\. SAFE because / : /^Not quite: with `[^`]+` added .* the engine still answers UNSAFE\. /);
          if (!grade.right) expect(grade.feedback.endsWith(task.hint)).toBe(true);
          expect(grade.steps?.length).toBe(grade.right ? undefined : check.result.verdict === 'unsafe' ? check.result.trace.length : 0);
          if (grade.right) right.push(hostProgramText(check.scenario.host));
        }
      });
      const fixes = repair(checkScenario(task.scenario), 1).fixes;
      expect([...new Set(right)].sort(), task.key).toEqual([...fixes]);
      expect(right.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it('offers the repair search’s ops with this scenario’s operands (no second unmap-s2, no clean on a Normal-NC type), and refuses any other edit by name', () => {
    const task = fixOf('', 0, 0);
    expect(task.ops).toEqual(["dsb", "read 0x0", "read 0x8"]);
    expect(() => applyFix(task.scenario, { op: 'read 0x10', place: 1 })).toThrow("'read 0x10' is not one of the host ops this exercise offers");
    expect(() => applyFix(task.scenario, { op: 'dsb', place: 3 })).toThrow('there is no place 3 in a host program of 2 ops');
  });

  it('draws only UNSAFE scenarios of the family that one host op makes SAFE, other than the start, at every level', () => {
    for (let level = 0; level < LEVELS; level += 1) {
      expect(poolSize(def, level, ctx)).toBeGreaterThanOrEqual(2);
      const task = fixOf('s', 1, level);
      expect(task.key).not.toBe(fixOf('', 0, 0).key);
      expect(repair(checkScenario(task.scenario), 1).size).toBe(1);
    }
  });
});

describe('the address', () => {
  it('reads a seed and the draws of the lesson’s exercises, naming what it ignores', () => {
    expect(readLearnQuery('?seed=week3&before=3.1&after=2.0', ['before', 'after'])).toEqual({ seed: 'week3', draws: { before: { n: 3, level: 1 }, after: { n: 2, level: 0 } }, problems: [] });
    const bad = readLearnQuery('?seed=<b>&before=0.1&after=3.7&zz=1', ['before', 'after']);
    expect(bad.seed).toBeUndefined();
    expect(bad.draws).toEqual({});
    expect(bad.problems).toEqual([
      "parameter 'seed': '<b>' is not a seed (1 to 32 letters, digits, '-' or '_')",
      "parameter 'before': '0.1' is not a draw: <number 1-9999>.<level 0-2>, e.g. 3.1",
      "parameter 'after': '3.7' is not a draw: <number 1-9999>.<level 0-2>, e.g. 3.1",
      "unknown parameter 'zz'",
    ]);
  });

  it('writes a draw beside the other parameters, and drops it for the start', () => {
    expect(withDraw('?after=2.0', 'week3', 'before', { n: 3, level: 1 })).toBe('?after=2.0&seed=week3&before=3.1');
    expect(withDraw('?seed=week3&before=3.1', 'week3', 'before', START)).toBe('?seed=week3');
    expect(readLearnQuery(withDraw('', seedOf(0xffffffff), 'x', { n: 9999, level: 2 }), ['x']).problems).toEqual([]);
    expect(seedOf(0)).toBe('000000');
  });
});

describe('playing the scheduler', () => {
  const modelOf = (name: string) => buildModel(parseScenario(SHIPPED.get(name)!, name));

  it.each([...SHIPPED.keys()].filter((name) => checkScenario(SHIPPED.get(name)!).result.verdict === 'unsafe'))('%s: the engine’s counterexample, played move by move, wins at its last step', (name) => {
    const check = checkScenario(SHIPPED.get(name)!);
    const model = check.model;
    const refs = check.result.trace.map((s) => s.ref);
    const labels = movesOfTrace(model, check.result.trace);
    expect(labels).toHaveLength(refs.length);
    for (let k = 0; k < refs.length; k += 1) {
      const game = play(model, refs.slice(0, k));
      expect(game.won).toBe(false);
      expect(new Set(game.moves.map((m) => m.label)).size).toBe(game.moves.length);
      expect(game.moves.find((m) => m.ref === refs[k])?.label).toBe(labels[k]);
    }
    const end = play(model, refs);
    expect(end).toMatchObject({ won: true, moves: [] });
    expect(end.played.at(-1)).toMatch(/after the reset/);
  });

  it('offers every step the model allows, names each by its event text, and refuses a step not offered', () => {
    const model = modelOf('pcie-nc-unmap-flr');
    const start = play(model, []);
    expect(start.moves.map((m) => m.label)).toEqual(['store 0x0 enters the write buffer', "unmap-s2: TLBI of the guest's IPA range takes effect; later guest stores fault"]);
    expect(start.holding.map((c) => c.name)).toContain('Guest PE write buffer');
    expect(() => play(model, ['nonsense'])).toThrow('step 1 is not one the model offers here');
  });

  it('never wins a SAFE scenario, whatever it plays (every path of the model, depth first)', () => {
    const model = modelOf('soc-nc-unmap-read-ctrl');
    let games = 0;
    const visit = (refs: string[]): void => {
      const game = play(model, refs);
      expect(game.won).toBe(false);
      if (game.moves.length === 0) games += 1;
      if (games > 400) return;
      for (const move of game.moves) visit([...refs, move.ref]);
    };
    visit([]);
    expect(games).toBeGreaterThan(10);
  });

  it('names clashing steps by their actor first, then by number', () => {
    const ts = (actor: 'guest' | 'guest1' | 'host', event: string) => ({ actor, lane: 'host-pe' as const, event, kind: 'store' as const, rule: 'M-x', ref: `${actor}${event}` });
    expect(moveLabels([ts('guest', 'a'), ts('guest1', 'a'), ts('host', 'b'), ts('guest', 'c'), ts('guest', 'c')])).toEqual(['guest: a', 'guest1: a', 'b', 'guest: c (1)', 'guest: c (2)']);
  });
});
