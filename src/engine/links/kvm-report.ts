/** What the CLI prints and "Copy as plain text" copies for one KVM decision: the text and the link that reopens it. */
import type { CombineInput, CombineResult } from '../attrs/types.ts';
import type { KvmInput, KvmResult } from '../kvm/index.ts';
import type { CombineState } from './combine-query.ts';
import { combineKvmLink, kvmLink, type KvmModeState } from './kvm-query.ts';
import { accessOf, kvmText } from '../format/kvm-text.ts';
import { linkLines } from './link-line.ts';

/** `combined`: the guest's access through the stage 2 (`kvm --s1`). */
export function kvmReport(result: KvmResult, site: string, combined?: CombineResult): string {
  return `${kvmText(result, combined && accessOf(combined))}${linkLines(kvmLink(site, result.input))}`;
}

/** The combining explorer's text in "from KVM" mode: KVM's decision, the guest's side of the access (`combined` absent when KVM refuses), and the link back. */
export function combineKvmReport(result: KvmResult, combined: CombineResult | undefined, site: string, state: CombineState, mode: KvmModeState): string {
  const guest = { s1: state.s1, s1sh: state.s1sh, cd: state.cd, ...(combined === undefined ? {} : { combined }) };
  return `${kvmText(result, guest)}${linkLines(combineKvmLink(site, state, mode))}`;
}

/**
 * The combining explorer's "from KVM" answer: KVM's decision for the
 * mode's inputs (with the explorer's FWB), and the guest's access through
 * the stage 2 it installs, which KVM maps Inner Shareable
 * (stage2_set_prot_attr()); no access when KVM refuses. `decide` and
 * `combine` are a model version's engines.
 */
export function guestAccessThroughKvm(
  state: CombineState,
  mode: KvmModeState,
  decide: (input: KvmInput) => KvmResult,
  combine: (input: CombineInput) => CombineResult,
): { decision: KvmResult; combined?: CombineResult } {
  const decision = decide({ ...mode, fwb: state.fwb });
  const answer = decision.answer;
  return answer.outcome === 'mapped' ? { decision, combined: combine({ ...state, s2: answer.s2.memAttr, s2sh: 3 }) } : { decision };
}
