/**
 * What KVM maps per release: the stage-2 type KVM/arm64 installs when the
 * guest first touches a page of a memslot, or its refusal, for a kernel
 * release, the memory behind the memslot, the VMM's mapping and its flags,
 * and the CPU's features. The answer and the rule are the kvm engine's
 * (its functions mirror arch/arm64/kvm/mmu.c per release); the link opens
 * "What KVM maps" on the same inputs.
 */
import { KERNEL_CHOICES, kvmDecide, NEWEST, PGPROT_ATTRINDX, PGPROT_HELPER, type Backing, type KvmInput } from '../kvm/index.ts';
import { kvmLink } from '../links/kvm-query.ts';
import { newAt, type ByLevel, type ChoiceInstance, type PoseContext } from './instance.ts';

export type KvmFamily = 'vfio' | 'cacheable';

/** A refusal, in the words "What KVM maps" opens its result with (KVM refuses it at fault time, ...). */
export const KVM_REFUSED = 'KVM refuses it';

/** The answers: the three stage-2 types KVM installs (S2TypeName), or a refusal. */
export const KVM_CHOICES: readonly string[] = ['Device-nGnRE', 'Normal-NC', 'Normal-WB', KVM_REFUSED];

/** The releases around each change first (6.9 for Normal-NC, 6.17 for cacheable), then the others. */
const around = (first: readonly string[]): ByLevel<string> => [first, KERNEL_CHOICES.filter((k) => !first.includes(k)), []];

type Dimensions = { readonly [K in keyof KvmInput]: ByLevel<KvmInput[K]> };

const FAMILIES: Readonly<Record<KvmFamily, Dimensions>> = {
  // A vfio-pci BAR as vfio_pci_core_mmap() maps it, then other VMM mappings and CPUs, then other memory.
  vfio: {
    kernel: around(['6.8', '6.9', NEWEST]),
    backing: [['pfnmap'], [], ['mixedmap', 'ram']],
    pgprot: [['noncached'], ['device', 'writecombine'], []],
    allowAnyUncached: [[true, false], [], []],
    fwb: [[true], [false], []],
    dic: [[true], [], [false]],
    exec: [[false], [], []],
  },
  // Device memory the host maps cacheable, then CPUs without FWB or DIC, then non-cacheable mappings beside it.
  cacheable: {
    kernel: around(['6.16', '6.17', NEWEST]),
    backing: [['pfnmap'], [], ['mixedmap']],
    pgprot: [['cacheable'], [], ['writecombine', 'noncached']],
    allowAnyUncached: [[false], [], [true]],
    fwb: [[true], [false], []],
    dic: [[true], [false], []],
    exec: [[false], [], []],
  },
};

export const kvmKey = (s: KvmInput): string => [s.kernel, s.backing, s.pgprot, s.allowAnyUncached, s.fwb, s.dic, s.exec].join(' ');

export function kvmPool(family: KvmFamily, level: number): KvmInput[] {
  return newAt<KvmInput & Record<string, unknown>>(FAMILIES[family], level, kvmKey);
}

const BACKING_WORDS: Readonly<Record<Backing, string>> = {
  ram: "ordinary memory in the kernel's linear map",
  pfnmap: 'a `VM_PFNMAP` VMA outside the linear map (as a vfio-pci BAR is)',
  mixedmap: 'a `VM_MIXEDMAP` VMA outside the linear map',
};
const yes = (value: boolean): string => (value ? 'yes' : 'no');

export function poseKvm(state: KvmInput, ctx: PoseContext): ChoiceInstance {
  const result = kvmDecide(state);
  const { answer, rule } = result;
  return {
    kind: 'kvm',
    key: kvmKey(state),
    question: 'When the guest first touches a page of this memslot, what does KVM install at stage 2?',
    facts: [
      { label: 'Kernel', value: `Linux ${state.kernel}` },
      { label: 'Memory behind the memslot', value: BACKING_WORDS[state.backing] },
      { label: "The VMM's mapping", value: `\`${PGPROT_HELPER[state.pgprot]}\` (\`${PGPROT_ATTRINDX[state.pgprot]}\`)` },
      { label: '`VM_ALLOW_ANY_UNCACHED`', value: state.allowAnyUncached ? 'set' : 'not set' },
      { label: 'FEAT_S2FWB', value: yes(state.fwb) },
      { label: '`CTR_EL0.DIC`', value: yes(state.dic) },
      ...(state.exec ? [{ label: 'Fault', value: 'an instruction fetch' }] : []),
    ],
    choices: KVM_CHOICES,
    answer: answer.outcome === 'mapped' ? answer.s2.type : KVM_REFUSED,
    because: `${rule.text} (\`${rule.source.function}\`, ${rule.source.file}, Linux ${rule.source.releases}; commit ${rule.source.commit})${answer.outcome === 'refused' ? ` ${answer.effect}.` : ''}`,
    link: kvmLink(ctx.site, state),
  };
}
