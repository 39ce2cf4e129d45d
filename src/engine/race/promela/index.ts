/**
 * Promela export of a reset-race scenario: a self-contained model for SPIN
 * with the semantics of the race model page ("The race model"), the
 * property as an assertion, and comments naming the rule each process and
 * transition implements. `pan` finds an assertion violation iff our
 * explorer's verdict is unsafe, and stores as many states as it does.
 *
 * Pure string building: runs in Node, a page and a Web Worker alike.
 */
import { printScenario } from '../printer.ts';
import type { Scenario } from '../types.ts';
import { constants, helpers, state } from './declarations.ts';
import { guards } from './guards.ts';
import { layoutOf, type Layout } from './layout.ts';
import { processes, type Canon } from './processes.ts';
import { RULE } from './rules.ts';

export interface PromelaOptions {
  /**
   * Drop the names of guest stores from the state (the symmetry reduction
   * of our explorer; default true). With false the model matches
   * `race --no-reduction`.
   */
  readonly reduction?: boolean;
}

/** Text that cannot end the block comment it is quoted in. */
const quoted = (text: string): string => text.replaceAll('*/', '* /');

function reductions(layout: Layout, reduction: boolean, canon: Canon): string {
  const lines = [
    '   - SPIN\'s partial-order reduction stays on (the default). It finds no',
    '     independent moves here: every transition reads or writes global state.',
    '     -DNOREDUCE stores the same number of states.',
  ];
  if (canon.buffers || canon.paths) {
    const where = [canon.buffers ? 'the write buffers' : '', canon.paths ? 'the path to the device' : ''].filter(Boolean).join(' and ');
    lines.push(
      `   - Canonical order: in ${where}, adjacent guest stores may leave`,
      `     or arrive in any order among themselves (${layout.guestType.name} is`,
      '     Reordering, and only epochs order them), so each run of them is kept',
      '     sorted (the sort_ helpers): states that differ only in that order are one.',
    );
  }
  if (reduction) {
    lines.push(
      '   - Store names dropped: a guest write keeps its kind, epoch and line but',
      '     not which stores it carries (ids = 0). No rule reads them, so states',
      '     equal but for store names have the same futures (sound symmetry).',
    );
  }
  return lines.join('\n');
}

function header(layout: Layout, reduction: boolean, canon: Canon): string {
  const title = layout.scenario.title ?? 'untitled scenario';
  const scenario = printScenario(layout.scenario).trimEnd().split('\n').map((line) => `     ${quoted(line)}`);
  return `/*
 * Reset race: ${quoted(title)}
 * Promela model of the scenario below, written by \`race --promela\`${reduction ? '' : ' --no-reduction'}.
 * Every process and transition names the rule of "The race model" page
 * (/reference/race-model/) it implements.
 *
${scenario.map((line) => ` *${line}`).join('\n')}
 *
 * Run it:
 *   spin -a model.pml && cc -O2 -DSAFETY -o pan pan.c && ./pan
 * "assertion violated" means UNSAFE (${RULE.property}: some execution delivers a
 * guest write to the device after the reset took effect); "errors: 0" means
 * SAFE. spin -t -p model.pml replays the trail of a violation.
 *
 * States: ./pan -c0 searches on past violations, and then its "states,
 * stored" equals the states the race command reports for this scenario
 * (${reduction ? 'race' : 'race --no-reduction'}): each of our steps is one d_step, every process
 * rests at its loop between steps, and the globals hold what our state does.
 *
 * Reductions (each sound: it merges only states with the same futures):
${reductions(layout, reduction, canon)}
 */
`;
}

/** The Promela model of a scenario (parse it with parseScenario first). */
export function toPromela(scenario: Scenario, options: PromelaOptions = {}): string {
  const reduction = options.reduction ?? true;
  const layout = layoutOf(scenario);
  const reorder = layout.guestType.normal || layout.guestType.reordering;
  const canon: Canon = { buffers: reorder, paths: reorder && !layout.knobs['path-order'] };
  return [header(layout, reduction, canon), constants(layout), state(layout, !reduction), helpers(layout), guards(layout), processes(layout, !reduction, canon)].join(
    '\n',
  );
}

/**
 * The file name for a scenario's model: the shipped scenario's name when
 * there is one (`pcie-nc-unmap-flr.pml`), else its title as a slug, else
 * `scenario.pml`.
 */
export function promelaFileName(scenario: Scenario, name?: string): string {
  const base = (name ?? scenario.title ?? '')
    .replace(/\.race$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base === '' ? 'scenario' : base}.pml`;
}
