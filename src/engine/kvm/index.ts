/**
 * The kvm engine's public API: KVM/arm64's stage-2 choice for a memslot's
 * memory, per kernel release, mirrored function by function from
 * arch/arm64/kvm/mmu.c, arch/arm64/kvm/hyp/pgtable.c and
 * arch/arm64/include/asm/memory.h.
 */
export type * from './types.ts';
export { kvmDecide, decideAt, answerKey } from './decide.ts';
export { BEHAVIOURS, behaviourOf, type BehaviourInfo } from './behaviours.ts';
export { KERNEL_CHOICES, OLDEST, NEWEST, parseRelease, releaseLabel, releasesFrom, KernelReleaseError } from './releases.ts';
export { describeS2, shortAnswer, hexNibble } from './describe.ts';
export { PGPROT_ATTRINDX, PGPROT_HELPER } from './vma.ts';
export { BACKINGS, PGPROTS, KVM_DEFAULTS, allInputs } from './inputs.ts';
export { guestStage2FromKvm, parsePgprot, KvmStage2Error, type GuestStage2 } from './guest-stage2.ts';
