/**
 * "Now add one host op so that nobody can win": the reader is given an
 * UNSAFE scenario of a teaching family and adds one host op of their
 * choice, anywhere in the host program. The race engine grades the edited
 * scenario itself (several edits can be right, e.g. a read back of either
 * stored offset): SAFE is right, and the "why" analysis says what now
 * blocks every late write; UNSAFE is not, with the engine's
 * counterexample. The repair search (`race --fix`, explain/repair.ts)
 * counts how many single insertions of its alphabet are SAFE, for the hint
 * and for the answer shown without JavaScript.
 */
import { buildModel, checkScenario, parseScenario, printScenario, type HostOp, type RaceCheck, type Scenario } from '../race/index.ts';
import { fixAlphabet, repair } from '../race/explain/index.ts';
import { hostOpText } from '../race/language/printer.ts';
import { ScenarioError } from '../race/language/errors.ts';
import { raceLink } from '../links/race-query.ts';
import type { FixInstance, PoseContext } from './instance.ts';
import { raceFacts, raceKey, racePool, stepsOf, verdictReason, type RaceFamily } from './race-exercise.ts';

const code = (text: string): string => `\`${text}\``;

/** Where an op can go, by insertion position: before the first op, between two, after the last (`code` in backticks). */
export function placesOf(host: readonly HostOp[]): string[] {
  const ops = host.map(hostOpText);
  if (ops.length === 0) return ['as the only op'];
  const op = (at: number): string => code(ops[at] ?? '');
  return Array.from({ length: ops.length + 1 }, (_, at) => (at === 0 ? `first, before ${op(0)}` : at === ops.length ? `last, after ${op(at - 1)}` : `between ${op(at - 1)} and ${op(at)}`));
}

/** The family's UNSAFE scenarios of a level that one inserted host op (the repair search's) makes SAFE. */
export function fixPool(name: RaceFamily, level: number): string[] {
  return racePool(name, level).filter((text) => {
    const check = checkScenario(text, { file: 'exercise' });
    return check.result.verdict === 'unsafe' && repair(check, 1).size === 1;
  });
}

export function poseFix(text: string, ctx: PoseContext): FixInstance {
  const check = checkScenario(text, { file: 'exercise' });
  if (check.result.verdict !== 'unsafe') throw new Error(`a fix exercise needs an UNSAFE scenario, and this one is ${check.result.verdict.toUpperCase()}`);
  const found = repair(check, 1);
  if (found.size !== 1) throw new Error('no single host op makes this scenario SAFE');
  const safe = found.fixes.length;
  const hint = `Hint: of the ${found.variantsChecked} different host programs that one added op can make, ${safe} ${safe === 1 ? 'is' : 'are'} SAFE.`;
  return {
    kind: 'fix',
    key: `fix:${raceKey(text)}`,
    question: 'This one is UNSAFE. Add one host op so that nobody can win: which op, and where does it go?',
    facts: raceFacts(check),
    // The ops the reader may add: the repair search's alphabet, with this scenario's operands.
    ops: found.alphabet,
    places: placesOf(check.scenario.host),
    answer: `SAFE with one op more: ${found.fixes.map((fix) => code(`host ${fix}`)).join(' or ')}`,
    hint,
    // Why the first of them is SAFE (the why analysis on it), after how many there are.
    because: `${hint} ${code(`host ${found.fixes[0]}`)}: ${verdictReason(checkScenario(printScenario(found.scenarios[0]!), { file: 'exercise' }))}`,
    link: raceLink(ctx.site, check.scenario, ctx.shipped),
    scenario: printScenario(check.scenario),
  };
}

/** The reader's edit: one of the offered ops (as the language writes it) at one of the places. */
export interface FixEdit {
  readonly op: string;
  readonly place: number;
}

export interface FixGrade {
  readonly right: boolean;
  /** "Right: ..." or "Not quite: ...", `code` in backticks. */
  readonly feedback: string;
  /** The engine's counterexample on the edited scenario, one step a line, when it is still UNSAFE. */
  readonly steps?: readonly string[];
  /** The edited scenario: its playground link, and its text for playing the scheduler on it. */
  readonly link: string;
  readonly scenario: string;
}

/** The edited scenario: the op inserted at its place, nothing else changed; throws in words for an op or place the exercise does not offer. */
export function applyFix(text: string, edit: FixEdit): Scenario {
  const { title: _title, expect: _expect, ...scenario } = parseScenario(text, 'exercise');
  const op = fixAlphabet(buildModel(scenario)).find((o) => hostOpText(o) === edit.op);
  if (op === undefined) throw new Error(`'${edit.op}' is not one of the host ops this exercise offers`);
  if (!Number.isInteger(edit.place) || edit.place < 0 || edit.place > scenario.host.length) throw new Error(`there is no place ${edit.place} in a host program of ${scenario.host.length} ops`);
  return { ...scenario, host: [...scenario.host.slice(0, edit.place), op, ...scenario.host.slice(edit.place)] };
}

/** Grades the reader's edit of a fix exercise's scenario with the race engine: right exactly when the edited scenario is SAFE. */
export function gradeFix(task: Pick<FixInstance, 'scenario' | 'hint'>, edit: FixEdit, ctx: PoseContext): FixGrade {
  const edited = applyFix(task.scenario, edit);
  const editedText = printScenario(edited);
  const what = `with ${code(edit.op)} added ${placesOf(parseScenario(task.scenario, 'exercise').host)[edit.place]}`;
  const link = raceLink(ctx.site, edited, ctx.shipped);
  let check: RaceCheck;
  try {
    check = checkScenario(editedText, { file: 'exercise' });
  } catch (error) {
    // A program the language refuses (a clean with no DSB after it, M-cache-dc-civac) has no verdict: say why.
    if (!(error instanceof ScenarioError)) throw error;
    return { right: false, feedback: `Not quite: ${what} the engine refuses the program: ${error.detail}. ${task.hint}`, link, scenario: editedText };
  }
  const verdict = check.result.verdict.toUpperCase();
  const right = check.result.verdict === 'safe';
  const feedback =
    check.result.verdict === 'incomplete'
      ? `Not quite: ${what} the engine finds no verdict within its state budget. ${task.hint}`
      : right
        ? `Right: ${what} the engine answers SAFE. ${verdictReason(check)}`
        : `Not quite: ${what} the engine still answers ${verdict}. ${verdictReason(check)} ${task.hint}`;
  return { right, feedback, ...stepsOf(check), link, scenario: editedText };
}
