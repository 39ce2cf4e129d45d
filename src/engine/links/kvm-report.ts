/** What the CLI prints and "Copy as plain text" copies for one KVM decision: the text and the link that reopens it. */
import type { CombineResult } from '../attrs/types.ts';
import type { KvmResult } from '../kvm/index.ts';
import type { CombineState } from './combine-query.ts';
import { combineKvmLink, kvmLink, type KvmModeState } from './kvm-query.ts';
import { kvmText } from '../format/kvm-text.ts';
import { linkLines } from './link-line.ts';

export function kvmReport(result: KvmResult, site: string, combined?: CombineResult): string {
  return `${kvmText(result, combined)}${linkLines(kvmLink(site, result.input))}`;
}

/** The combining explorer's text in "from KVM" mode: KVM's decision, the guest's access through it, and the link back. */
export function combineKvmReport(result: KvmResult, combined: CombineResult | undefined, site: string, state: CombineState, mode: KvmModeState): string {
  return `${kvmText(result, combined)}${linkLines(combineKvmLink(site, state, mode))}`;
}
