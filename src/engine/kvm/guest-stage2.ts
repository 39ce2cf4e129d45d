/**
 * What the race scenario language's `kernel <release>` and
 * `vma <pgprot> [allow-any-uncached]` directives stand for: the stage 2
 * KVM installs for the guest's passthrough device memory, a VM_PFNMAP VMA
 * outside the linear map as vfio-pci maps a BAR, reached by data accesses
 * (the guest's stores), on a CPU with CTR_EL0.DIC and with or without FWB
 * as the scenario's `fwb` says.
 */
import { kvmDecide } from './decide.ts';
import { shortAnswer } from './describe.ts';
import { PGPROTS } from './inputs.ts';
import type { KvmResult, Pgprot } from './types.ts';

/** Bad `vma` or refused mapping: the message says what and why. */
export class KvmStage2Error extends Error {
  override readonly name = 'KvmStage2Error';
}

/** `noncached` or `pgprot_noncached`; undefined when the word is neither. */
export function parsePgprot(word: string): Pgprot | undefined {
  const bare = word.startsWith('pgprot_') ? word.slice('pgprot_'.length) : word;
  return (PGPROTS as readonly string[]).includes(bare) ? (bare as Pgprot) : undefined;
}

export interface GuestStage2 {
  /** The stage-2 MemAttr as `guest-s2` spells a raw value (`0x5`), read per the scenario's FWB. */
  readonly guestS2: string;
  readonly result: KvmResult;
}

/**
 * The `guest-s2` value the directives amount to. Throws KernelReleaseError
 * for a bad release and KvmStage2Error when KVM would not map the memory
 * (a scenario's verdict must rest on a mapping that exists).
 */
export function guestStage2FromKvm(kernel: string, pgprot: Pgprot, allowAnyUncached: boolean, fwb: boolean): GuestStage2 {
  const result = kvmDecide({ kernel, backing: 'pfnmap', pgprot, allowAnyUncached, fwb, dic: true, exec: false });
  const answer = result.answer;
  if (answer.outcome === 'refused') throw new KvmStage2Error(`Linux ${kernel} does not map this VMA: ${shortAnswer(answer)}; ${result.rule.text}`);
  return { guestS2: `0x${answer.s2.memAttr.toString(16)}`, result };
}
