/**
 * The sentences that say why a verdict is what it is. An unsafe verdict
 * gets the cause of its counterexample (cause.ts). A safe one gets what
 * the ablation found it rests on: the ops without which it turns unsafe,
 * each with the rule by which it blocks the late write, and the knobs
 * whose flip turns it unsafe, each with the rule it sets. Every variant
 * whose verdict differs from the scenario's is also one finding sentence
 * of its own.
 */
import type { RaceCheck } from '../explore/check.ts';
import { KNOB_RULES } from '../knobs.ts';
import { VCPU_DIRECTIVES, vcpuPrograms, type GuestOp, type HostOp } from '../types.ts';
import { changesVerdict, type Ablation, type KnobVariant, type OpVariant, type VariantResult } from './ablation.ts';
import { setting } from './variants.ts';
import { route } from '../model/path.ts';
import { SIDE_PATH } from '../model/state.ts';
import { causeOf, causeSentence, clause, type Reason } from './cause.ts';

/** What each op that ablation removes does to keep a guest write from arriving after the reset, said of the op. */
const HOST_ROLES: Readonly<Record<Exclude<HostOp['op'], 'reset'>, Reason>> = {
  'unmap-s2': { text: "stops the guest's stores and waits until every one is complete", rules: ['M-unmap-tlbi', 'M-unmap-dsb'] },
  dsb: { text: "waits until the writes of the host's PE are complete", rules: ['M-host-dsb'] },
  // Which rule keeps the writes ahead of the read depends on the scenario (readRules).
  read: { text: 'returns only after the writes ahead of it on the device path have arrived', rules: ['M-host-read'] },
  'dc-civac': { text: "writes dirty lines back as the host's own writes, which the next DSB waits for", rules: ['M-cache-dc-civac'] },
};
const GUEST_ROLES: Readonly<Record<Exclude<GuestOp['op'], 'store'>, Reason>> = {
  dsb: { text: "waits until the vCPU's earlier stores are complete", rules: ['M-barrier-dsb'] },
  dmb: { text: "keeps the vCPU's later stores behind its earlier ones", rules: ['M-barrier-dmb'] },
};

export interface Finding {
  readonly sentence: string;
  readonly variant: OpVariant | KnobVariant;
}

export interface Why {
  /** The one sentence that answers why (absent without a verdict). */
  readonly headline?: string;
  /** One sentence per variant whose verdict differs from the scenario's. */
  readonly findings: readonly Finding[];
}


/** The op of a variant as its sentence names it: `read 0x0` (host op 2). */
export const opLabel = (v: OpVariant): string => `\`${v.op}\` (${v.program} op ${v.index + 1})`;

function outcome(v: VariantResult): string {
  return v.verdict === 'unsafe'
    ? `a guest write can reach the device after the reset: ${v.depth}-step counterexample`
    : 'no guest write can reach the device after the reset';
}

/**
 * What keeps the guest's writes ahead of a read-back: the path's order for
 * a read (M-path-np-pushes) when the verdict rests on np-pushes; otherwise,
 * with same-pe, the arrival order of one PE's accesses
 * (M-path-arrival-order), the read being held behind vCPU 0's writes.
 */
function readRules(check: RaceCheck, ablation: Ablation): string[] {
  const pushes = ablation.knobs.find((k) => k.knob === 'np-pushes');
  if (pushes !== undefined && changesVerdict(ablation, pushes)) return ['M-path-np-pushes'];
  return check.knobs['same-pe'] ? ['M-path-arrival-order'] : [];
}

function roleOf(check: RaceCheck, ablation: Ablation, v: OpVariant): Reason | undefined {
  if (v.program === 'host') {
    const op = check.scenario.host[v.index];
    if (op === undefined || op.op === 'reset') return undefined;
    const role = HOST_ROLES[op.op];
    return op.op === 'read' ? { ...role, rules: [...role.rules, ...readRules(check, ablation)] } : role;
  }
  const op = vcpuPrograms(check.scenario)[VCPU_DIRECTIVES.indexOf(v.program)]?.[v.index];
  return op === undefined || op.op === 'store' ? undefined : GUEST_ROLES[op.op];
}

/** A list in words: `a`, `a and b`, `a, b and c`. */
const inWords = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function safeHeadline(check: RaceCheck, ablation: Ablation, ops: readonly OpVariant[], knobs: readonly KnobVariant[]): string {
  if (!check.scenario.host.some((op) => op.op === 'reset')) return 'SAFE only because the host never resets the device.';
  if (ops.length === 0 && knobs.length === 0) {
    return 'No single op or assumption carries this verdict: with any one op removed or any one knob flipped it is still SAFE.';
  }
  const roles = ops.map((v) => {
    const role = roleOf(check, ablation, v);
    return role === undefined ? opLabel(v) : `${opLabel(v)} ${clause(role)}`;
  });
  const rests = knobs.map((v) => `${setting(v.knob, !v.value)} (${KNOB_RULES[v.knob]})`);
  const parts = [...(roles.length > 0 ? [`SAFE because ${roles.join(', and ')}`] : ['SAFE']), ...(rests.length > 0 ? [`it rests on ${inWords(rests)}`] : [])];
  const them = ops.length + knobs.length === 1 ? 'it' : 'any one of them';
  return `${parts.join('; ')}: without ${them} a guest write can reach the device after the reset.`;
}

/** The headline and the findings of a check and its ablation (the ablation is not needed for an unsafe headline). */
export function whyOf(check: RaceCheck, ablation?: Ablation): Why {
  const findings: Finding[] = [];
  for (const v of ablation?.ops ?? []) {
    if (changesVerdict(ablation!, v)) findings.push({ sentence: `Without ${opLabel(v)} ${outcome(v)}.`, variant: v });
  }
  for (const v of ablation?.knobs ?? []) {
    if (changesVerdict(ablation!, v)) findings.push({ sentence: `This verdict rests on \`${setting(v.knob, !v.value)}\`: with it ${v.value ? 'on' : 'off'}, ${outcome(v)}.`, variant: v });
  }
  const { verdict, trace } = check.result;
  if (verdict === 'unsafe') {
    const cause = causeOf(check.model, trace);
    return { ...(cause === undefined ? {} : { headline: causeSentence(cause) }), findings };
  }
  if (verdict === 'incomplete' || ablation === undefined) return { findings };
  const needed = <V extends VariantResult>(list: readonly V[]): V[] => list.filter((v) => changesVerdict(ablation, v));
  return { headline: safeHeadline(check, ablation, needed(ablation.ops), needed(ablation.knobs)), findings };
}

/**
 * Why no host op can help, when the model's own rules say so: barriers
 * wait only until a guest write is acknowledged, a read-back does not
 * push writes ahead of it, and every reset takes a path of its own.
 */
export function noFixSentence(check: RaceCheck): string | undefined {
  const { model, knobs, scenario } = check;
  const sideOnly = scenario.host.every((op) => op.op !== 'reset' || route(model, op.method) === SIDE_PATH);
  if (model.guestCompletion !== 'ack' || knobs['np-pushes'] || !sideOnly) return undefined;
  return (
    `On this path no host op can help: a barrier waits only until a guest write is acknowledged at the ${model.ackName} (M-ack-point), ` +
    'a read-back does not push the writes ahead of it with np-pushes=no (M-path-np-pushes), and the reset takes a path of its own (M-path-side).'
  );
}
