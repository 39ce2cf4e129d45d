/** What the CLI prints and "Copy as plain text" copies for one KVM decision: the text and the link that reopens it. */
import type { CombineResult } from '../attrs/types.ts';
import type { KvmResult } from '../kvm/index.ts';
import { kvmLink } from './kvm-query.ts';
import { kvmText } from './kvm-text.ts';

export function kvmReport(result: KvmResult, site: string, combined?: CombineResult): string {
  return `${kvmText(result, combined)}Link:\n${kvmLink(site, result.input)}\n`;
}
