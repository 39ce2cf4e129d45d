/**
 * What the old-link notice shows: the state a link from an older model
 * version describes, what that version answered and what the current one
 * answers, side by side, and the changelog entries since that affect it.
 * Runs in its own Web Worker (old-version-worker.ts), started only by the
 * notice, so the current engines it needs never weigh on a page.
 */
import changesText from '../../../CHANGES?raw';
import { COMBINE_DEFAULTS, COMBINE_PARAMS } from '../../engine/links/combine-query.ts';
import { readQuery } from '../../engine/links/query.ts';
import { changesSince, parseChanges, type ChangeEntry, type StateFacts } from '../../engine/release/changes.ts';
import { currentRelease } from '../../engine/release/current.ts';
import type { EngineRelease } from '../../engine/release/release.ts';
import { combineFacts, kvmFacts, mairFacts, raceFacts } from '../../engine/release/state-facts.ts';
import { KVM_DEFAULTS, KVM_MODE_PARAMS, KVM_PARAMS } from '../../engine/links/kvm-query.ts';
import { answerKey } from '../../engine/kvm/decide.ts';
import { MODEL_VERSION } from '../../engine/version.ts';
import { decodeMair } from '../../engine/attrs/mair.ts';
import { MAIR_DEFAULTS, MAIR_PARAMS } from '../../engine/links/mair-query.ts';
import { loadArchivedRelease } from './model-release.ts';
import { restoreRaceLink } from './race-link.ts';

export type NoticeKind = 'combine' | 'mair' | 'race' | 'kvm';

export interface ResultRow {
  readonly label: string;
  readonly old: string;
  readonly current: string;
}

export interface Comparison {
  /** The changelog entries since the link's version that affect its state, newest first. */
  readonly changes: readonly ChangeEntry[];
  readonly rows: readonly ResultRow[];
  readonly differs: boolean;
  /** The old version's own plain text for the state (its renderer), when it has one. */
  readonly oldText?: string;
  /** Why there is nothing to compare: the old version had no engine for this playground. */
  readonly absent?: string;
}

type Measured = { facts: StateFacts; rows: ResultRow[]; oldText?: string; absent?: string };

const row = (label: string, old: unknown, current: unknown): ResultRow => ({ label, old: String(old), current: String(current) });

// A link with a problem shows no answer (links/link-outcome.ts), so there is nothing to compare: each reader returns undefined for it.

function combineRows(search: string, old: EngineRelease, now: EngineRelease): Measured | undefined {
  const read = readQuery({ ...COMBINE_PARAMS, ...KVM_MODE_PARAMS }, search);
  if (read.problems.length > 0) return undefined;
  const input = { ...COMBINE_DEFAULTS, ...readQuery(COMBINE_PARAMS, search).values };
  const a = old.combine(input);
  const b = now.combine(input);
  return {
    facts: combineFacts(input),
    rows: [
      row('combined type', a.typeName, b.typeName),
      row('MAIR-style byte', a.mairHex, b.mairHex),
      row('shareability (SH)', a.sh, b.sh),
      row('rule', a.rule.id, b.rule.id),
      row('decided by', a.decidedBy, b.decidedBy),
      row('warnings', a.warnings.length, b.warnings.length),
    ],
    oldText: old.combineText(a),
  };
}

function mairRows(search: string, old: EngineRelease, now: EngineRelease): Measured | undefined {
  const read = readQuery(MAIR_PARAMS, search);
  if (read.problems.length > 0) return undefined;
  const value = read.values.mair ?? MAIR_DEFAULTS.mair;
  const a = decodeMair(value, old.decodeS1).attrs;
  const b = decodeMair(value, now.decodeS1).attrs;
  // One byte: the decoding's parts; a register: each attribute's type, labelled by its index.
  const [x, y] = [a[0]?.decoding, b[0]?.decoding];
  return {
    facts: mairFacts(a[0]?.byte ?? 0),
    rows:
      a.length === 1 && x && y
        ? [row('memory type', x.name, y.name), row('attributes', x.description, y.description), row('reserved', x.reserved ? 'yes' : 'no', y.reserved ? 'yes' : 'no')]
        : a.map((attr, i) => row(`Attr${attr.index} type`, attr.decoding.name, b[i]?.decoding.name ?? '')),
  };
}

function kvmRows(search: string, old: EngineRelease, now: EngineRelease): Measured | undefined {
  const read = readQuery(KVM_PARAMS, search);
  if (read.problems.length > 0) return undefined;
  const input = { ...KVM_DEFAULTS, ...read.values };
  const facts = kvmFacts(input);
  if (old.kvmDecide === undefined || old.kvmText === undefined) return { facts, rows: [], absent: `Model version ${old.model} had no KVM engine: there is no earlier answer to show.` };
  const a = old.kvmDecide(input);
  const b = now.kvmDecide!(input);
  return {
    facts,
    rows: [row('answer', answerKey(a.answer), answerKey(b.answer)), row('rule', a.rule.text, b.rule.text), row('behaves as', a.releases, b.releases)],
    oldText: old.kvmText(a),
  };
}

/** Race checks run here on the main thread: a budget keeps a large scenario from freezing the page. */
const BUDGET = { budget: 200_000 };

async function raceRows(search: string, old: EngineRelease, now: EngineRelease): Promise<Measured | undefined> {
  // An old link's scenario is read from its version's archived texts, never from today's.
  const { text, problems } = await restoreRaceLink(search, new Map());
  if (text === undefined || problems.length > 0) return undefined;
  const name = Object.entries(old.scenarios).find(([, t]) => t === text)?.[0];
  const file = name === undefined ? '<stdin>' : `scenarios/${name}.race`;
  const a = old.checkScenario(text, { file, ...BUDGET });
  let b;
  try {
    b = now.checkScenario(text, { file, ...BUDGET });
  } catch (error) {
    b = undefined;
    void error;
  }
  const steps = (t: readonly unknown[]): string => (t.length === 0 ? 'none' : `${t.length} steps`);
  return {
    facts: raceFacts(a, name),
    rows: [
      row('verdict', a.result.verdict, b ? b.result.verdict : 'refused by the current model'),
      row('guest type', a.guestType, b ? b.guestType : '-'),
      row('states explored', a.result.stats.states, b ? b.result.stats.states : '-'),
      row('counterexample', steps(a.result.trace), b ? steps(b.result.trace) : '-'),
    ],
    oldText: old.renderRaceText(a),
  };
}

export async function compareWithVersion(kind: NoticeKind, version: number, search: string): Promise<Comparison | undefined> {
  const old = await loadArchivedRelease(version);
  const now = currentRelease({});
  const measured =
    kind === 'combine' ? combineRows(search, old, now) : kind === 'mair' ? mairRows(search, old, now) : kind === 'kvm' ? kvmRows(search, old, now) : await raceRows(search, old, now);
  if (measured === undefined) return undefined;
  return {
    changes: changesSince(parseChanges(changesText), version, MODEL_VERSION, measured.facts),
    rows: measured.rows,
    differs: measured.rows.some((r) => r.old !== r.current),
    ...(measured.oldText === undefined ? {} : { oldText: measured.oldText }),
    ...(measured.absent === undefined ? {} : { absent: measured.absent }),
  };
}
