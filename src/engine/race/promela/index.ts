/**
 * Promela export of a reset-race scenario: a self-contained model for SPIN
 * with the semantics of "The race model" page, the property as an
 * assertion, and comments naming the rule (M-...) each process and
 * transition implements. `pan` finds an assertion violation iff our
 * explorer's verdict is unsafe; how its state count relates to ours is in
 * the model's header.
 *
 * Pure string building: runs in Node, a page and a Web Worker alike.
 */
import { printScenario } from '../language/printer.ts';
import type { Scenario } from '../types.ts';
import { agentProcesses } from './agents.ts';
import { constants, state } from './declarations.ts';
import { fabricProcesses } from './fabric.ts';
import { guards } from './guards.ts';
import { helpers } from './helpers.ts';
import { layoutOf, type Layout } from './layout.ts';
import type { Encoding } from './proctype.ts';

/**
 * Stores the model without reduction can name: it keeps a write's stores as
 * the bits of a Promela `int` (32 bits, signed), one bit each. The reduced
 * model drops store names and takes any number of stores.
 */
export const MAX_NAMED_STORES = 31;

/** The scenario is past what the Promela model can say (MAX_NAMED_STORES); the message says what to do instead. */
export class PromelaError extends Error {
  override readonly name = 'PromelaError';
}

export interface PromelaOptions {
  /** Apply the reductions our explorer applies by default (true), or none of them, as `race --no-reduction` (false). */
  readonly reduction?: boolean;
}

/** Text that cannot end the block comment it is quoted in. */
const quoted = (text: string): string => text.replaceAll('*/', '* /');

function encodingOf(layout: Layout, reduction: boolean): Encoding {
  const { knobs } = layout;
  const t = layout.guestType;
  const reorder = t.normal || t.reordering;
  const ackedEarly = knobs['early-ack'] && (t.earlyAck || !knobs['ne-honoured']);
  return {
    keepIds: !reduction,
    sortBuffers: reorder,
    sortPath: reorder && !knobs['write-order'],
    anonymousPathWrites: reduction && knobs['write-order'] && knobs['np-pushes'] && ackedEarly,
    forgetPcs: reduction && !knobs['guest-stops'],
  };
}

/** Identical vCPU programs, which our explorer's reduction treats as interchangeable and this model does not. */
function twinVcpus(layout: Layout): boolean {
  const from = layout.knobs['same-pe'] ? 1 : 0;
  const programs = layout.vcpus.slice(from).map((v) => JSON.stringify(v.ops));
  return new Set(programs).size < programs.length;
}

/**
 * How pan's stored states (./pan -c0) relate to the states our explorer
 * reports in the same mode: equal, or at least as many when our reduction
 * also permutes vCPUs with identical programs (M-vcpu-symmetry), which the
 * model does not.
 */
export function stateRelation(scenario: Scenario, options: PromelaOptions = {}): 'equal' | 'at-least' {
  return (options.reduction ?? true) && twinVcpus(layoutOf(scenario)) ? 'at-least' : 'equal';
}

function reductionsText(layout: Layout, encoding: Encoding): string {
  const lines = [
    "   - SPIN's partial-order reduction stays on (pan's default). It finds no",
    '     independent moves here: every transition reads or writes global',
    '     state, so -DNOREDUCE stores the same number of states.',
  ];
  if (encoding.sortBuffers || encoding.sortPath) {
    const where = [encoding.sortBuffers ? 'the write buffers' : '', encoding.sortPath ? 'the path to the device' : ''].filter(Boolean).join(' and ');
    lines.push(
      `   - Canonical order (M-wb-reorder${encoding.sortPath ? ', M-path-write-order' : ''}): in ${where}, adjacent`,
      `     guest writes may leave or arrive in any order among themselves (${layout.guestType.name}`,
      '     is Reordering, so only epochs and PEs order them), so each run of them',
      '     is kept sorted (sort_*): states that differ only in that order are one.',
    );
  }
  if (encoding.keepIds) {
    lines.push('   - None of our explorer\'s reductions (as race --no-reduction).');
  } else {
    lines.push(
      '   - Store names dropped (M-reduce-symmetry): a guest write keeps its kind,',
      '     epoch and line but not which stores it carries, and a dirty line only',
      '     that it is dirty. No rule reads store names.',
    );
  }
  if (encoding.forgetPcs) {
    lines.push(
      "   - The vCPUs stop when the TLBI takes effect, their program counters",
      '     cleared: with guest-stops=no every later op writes nothing (a store',
      '     faults, a barrier only moves on) and the host waits for none of them.',
    );
  }
  if (encoding.anonymousPathWrites) {
    lines.push(
      '   - Guest writes on a path carry nothing but that they are guest writes:',
      '     every path is first in, first out and stores complete early, so no rule',
      '     reads their PE, epoch or kind there.',
    );
  }
  return lines.join('\n');
}

function relationText(layout: Layout, encoding: Encoding): string {
  if (encoding.keepIds) {
    return ` * stored" equals the states \`race --no-reduction\` reports for this scenario.`;
  }
  return twinVcpus(layout)
    ? ` * stored" is at least the states \`race --no-por\` reports: our explorer also
 * treats vCPUs with identical programs as interchangeable (M-vcpu-symmetry),
 * which this model does not; \`race --no-reduction\` and \`--promela
 * --no-reduction\` store equally many. Plain \`race\` stores fewer: its
 * partial-order reduction (M-reduce-por) is not in this model.`
    : ` * stored" equals the states \`race --no-por\` reports for this scenario
 * (plain \`race\` stores fewer: its partial-order reduction, M-reduce-por,
 * is not in this model).`;
}

function header(layout: Layout, encoding: Encoding): string {
  const title = layout.scenario.title ?? 'untitled scenario';
  const scenario = printScenario(layout.scenario).trimEnd().split('\n');
  return `/*
 * Reset race: ${quoted(title)}
 * Promela model of the scenario below, written by \`race --promela\`${encoding.keepIds ? ' --no-reduction' : ''}.
 * Each process and transition names the rules of "The race model" page
 * (/reference/race-model/) it implements.
 *
${scenario.map((line) => ` *     ${quoted(line)}`).join('\n')}
 *
 * Run it:
 *   spin -a model.pml && cc -O2 -DSAFETY -o pan pan.c && ./pan
 * "assertion violated" means UNSAFE (M-property: some execution delivers a
 * guest write to the device after the reset took effect); "errors: 0" means
 * SAFE. spin -t -p model.pml replays the trail of a violation.
 *
 * States: each step of our explorer is one d_step here, every process rests
 * at its loop between steps, and the globals hold what our state holds. So
 * with ./pan -c0 (search on past violations) pan's "states,
${relationText(layout, encoding)}
 *
 * Reductions (each sound: it merges only states with the same futures):
${reductionsText(layout, encoding)}
 */
`;
}

/** The Promela model of a parsed scenario; throws PromelaError past MAX_NAMED_STORES without reduction. */
export function toPromela(scenario: Scenario, options: PromelaOptions = {}): string {
  const layout = layoutOf(scenario);
  const encoding = encodingOf(layout, options.reduction ?? true);
  const stores = layout.vcpus.flatMap((vcpu) => vcpu.stores.filter((store) => store !== undefined)).length;
  if (encoding.keepIds && stores > MAX_NAMED_STORES) {
    throw new PromelaError(`the Promela model without reduction names at most ${MAX_NAMED_STORES} stores (one bit of an int each); this scenario has ${stores}: export it with the reductions`);
  }
  const processes = [...agentProcesses(layout, encoding), ...fabricProcesses(layout, encoding)].filter((text) => text !== '');
  return [header(layout, encoding), constants(layout), state(layout, encoding.keepIds), helpers(layout), guards(layout), ...processes].join('\n');
}

/**
 * The file name for a scenario's model: the shipped scenario's name when
 * there is one (`scenarios/pcie-nc-unmap-flr.race` or its base name gives
 * `pcie-nc-unmap-flr.pml`), else its title as a slug, else `scenario.pml`.
 */
export function promelaFileName(scenario: Scenario, name?: string): string {
  const base = (name ?? scenario.title ?? '')
    .replace(/^.*\//, '')
    .replace(/\.race$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base === '' ? 'scenario' : base}.pml`;
}
