/**
 * KVM's stage-2 decision for one set of inputs: the memslot check, then the
 * fault, then the page-table encoding, in the order the kernel runs them,
 * and the same inputs under every other behaviour.
 */
import { BEHAVIOURS, behaviourOf } from './behaviours.ts';
import type { KvmCode } from './code.ts';
import { faultProt } from './fault.ts';
import { prepareMemoryRegion } from './memslot.ts';
import { protBits, SET_PROT_ATTR, SET_PROT_ATTR_BEFORE, stage2HasFwb, stage2SetProtAttr } from './pgtable.ts';
import type { Difference, KvmAnswer, KvmInput, KvmResult, Rule, Step } from './types.ts';
import { describeS2 } from './describe.ts';

interface Decision {
  readonly answer: KvmAnswer;
  readonly rule: Rule;
  readonly steps: readonly Step[];
}

/** The decision at one code state (a release, or a commit of a series). */
export function decideAt(code: KvmCode, input: KvmInput): Decision {
  const memslot = prepareMemoryRegion(code, input);
  if (memslot.refusal) {
    return { answer: { outcome: 'refused', ...memslot.refusal }, rule: { text: ruleOfMemslot(memslot.step.said), source: memslot.step.source }, steps: [memslot.step] };
  }
  const fault = faultProt(code, input);
  const faultStep: Step = { source: fault.rule.source, said: fault.rule.text };
  if ('refusal' in fault) {
    return { answer: { outcome: 'refused', ...fault.refusal }, rule: fault.rule, steps: [memslot.step, faultStep] };
  }
  const fwb = stage2HasFwb(input);
  const set = stage2SetProtAttr(code, protBits(fault.prot), fwb);
  const pgtSource = code.normalNcAttr ? SET_PROT_ATTR : SET_PROT_ATTR_BEFORE;
  if ('einval' in set) {
    // Unreachable from user_mem_abort(), kept so the mirror is whole.
    const rule: Rule = { text: `stage2_set_prot_attr() refuses ${set.einval} with -EINVAL.`, source: pgtSource };
    return { answer: { outcome: 'refused', where: 'fault', errno: 'EINVAL', effect: 'the fault fails with -EINVAL' }, rule, steps: [memslot.step, faultStep, { source: pgtSource, said: rule.text }] };
  }
  const pgtStep: Step = { source: pgtSource, said: `installs ${describeS2(set.attr)}` };
  return { answer: { outcome: 'mapped', s2: set.attr }, rule: fault.rule, steps: [memslot.step, faultStep, pgtStep] };
}

function ruleOfMemslot(said: string): string {
  return `kvm_arch_prepare_memory_region() ${said}.`;
}

/** Two answers are the same when the guest would see no difference. */
export function answerKey(answer: KvmAnswer): string {
  return answer.outcome === 'mapped'
    ? `mapped ${answer.s2.constant} ${answer.s2.memAttr} ${answer.s2.exec ? 'x' : 'xn'}`
    : `refused ${answer.where} ${answer.errno}`;
}

/** What KVM does for these inputs in the release they name. */
export function kvmDecide(input: KvmInput): KvmResult {
  const info = behaviourOf(input.kernel);
  const own = decideAt(info.code, input);
  const key = answerKey(own.answer);
  const differences: Difference[] = BEHAVIOURS.filter((b) => b.behaviour !== info.behaviour)
    .map((b) => ({ behaviour: b.behaviour, releases: b.releases, answer: decideAt(b.code, input).answer }))
    .filter((d) => answerKey(d.answer) !== key);
  return { input, behaviour: info.behaviour, releases: info.releases, answer: own.answer, rule: own.rule, steps: own.steps, differences };
}
