/** Short words for answers, shared by the text renderers and the steps. */
import type { KvmAnswer, S2Attr } from './types.ts';

export const hexNibble = (value: number): string => `0x${value.toString(16)}`;

/** `MT_S2_FWB_NORMAL (MemAttr 0x6 with FWB): Normal-WB, executable` */
export function describeS2(s2: S2Attr): string {
  return `${s2.constant} (MemAttr ${hexNibble(s2.memAttr)} ${s2.fwb ? 'with' : 'without'} FWB): ${s2.type}, ${s2.exec ? 'executable' : 'not executable'}`;
}

/** `Device-nGnRE (0x1)` or `refused at the memslot (-EINVAL)` */
export function shortAnswer(answer: KvmAnswer): string {
  if (answer.outcome === 'mapped') return `${answer.s2.type} (${hexNibble(answer.s2.memAttr)}${answer.s2.fwb ? ', FWB' : ''})${answer.s2.exec ? ', executable' : ''}`;
  return `refused at ${answer.where === 'memslot' ? 'the memslot' : 'the fault'} (-${answer.errno})`;
}
