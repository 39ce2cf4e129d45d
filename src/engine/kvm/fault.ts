/**
 * The stage-2 fault: the device / Normal-NC / cacheable branch of
 * user_mem_abort() in arch/arm64/kvm/mmu.c (read at 6.8, 6.9, 6.17 and
 * 7.0), which 7.1 split: the protection (the choice between Normal-NC
 * and Device-nGnRE) and -ENOEXEC into kvm_s2_fault_compute_prot()
 * (a6e11bd6e1bd); the detection of memory outside the linear map, the
 * cacheable-or-not decision and the cacheable PFNMAP -EFAULT into
 * kvm_s2_fault_pin_pfn() (e314a4dbdb8b). Both as read in 7.2.13 and
 * 7.3.4 (releases.ts).
 * The result is the kvm_pgtable_prot handed to the page-table code, or the
 * error the fault ends with. Not modelled: MTE, nested virtualisation,
 * dirty logging, hwpoison, and write permission.
 */
import { releasesWhere } from './behaviours.ts';
import type { KvmCode } from './code.ts';
import { commitCitation, STAGE2_COMMITS, type Stage2CommitId } from './kernel-commits.ts';
import { missing } from './memslot.ts';
import { behaviourFrom } from './releases.ts';
import { kvmSupportsCacheablePfnmap, kvmVmaIsCacheable } from './vma.ts';
import type { FaultProt, KvmInput, Refusal, Rule, Source } from './types.ts';

/** The branch taken (`rule`), which is also the decisive rule unless the page-table code refuses. */
export type FaultDecision = { readonly prot: FaultProt; readonly rule: Rule } | { readonly refusal: Refusal; readonly rule: Rule };

const DEVICE_FAULTS: Stage2CommitId = '6d674e28f642';
const NORMAL_NC: Stage2CommitId = '8c47ce3e1d2c';
const ALLOW_CACHEABLE: Stage2CommitId = '0c67288e0c8b';
const BLOCK_CACHEABLE: Stage2CommitId = '2a8dfab26677';

/** The first release of a commit. */
const releaseOf = (commit: Stage2CommitId): string => STAGE2_COMMITS[commit].release;

type Place = 'prot' | 'pin';

/** The function holding a rule (`place`: the protection, or the cacheable decision) at this code state. */
function holder(code: KvmCode, place: Place): string {
  return place === 'pin' && code.pinFunction !== 'user_mem_abort' ? code.pinFunction : code.faultFunction;
}

/**
 * Where a rule is at this code state, and the releases in which it is
 * there: from the first release of the commit that introduced the rule
 * (or the oldest modelled) for as long as it stays in user_mem_abort(),
 * or from the release that moved it out.
 */
function source(code: KvmCode, commit: Stage2CommitId, place: Place = 'prot'): Source {
  const fn = holder(code, place);
  const inUserMemAbort = (c: KvmCode): boolean => holder(c, place) === 'user_mem_abort';
  const releases = releasesWhere((c) => inUserMemAbort(c) === inUserMemAbort(code), behaviourFrom(releaseOf(commit)));
  return { file: 'arch/arm64/kvm/mmu.c', function: `${fn}()`, releases, commit: commitCitation(commit) };
}

/**
 * Whether KVM must not map the page cacheable (`device` until 8cc9dc1ae4fb
 * renamed it `s2_force_noncacheable`). Before 216887f79d98 the test was
 * kvm_is_device_pfn(), the PFN being outside the linear map; since, the
 * VMA must also be VM_PFNMAP or VM_MIXEDMAP. For this model's inputs the
 * two agree: device memory comes only under those VMAs.
 */
export function outsideLinearMap(code: KvmCode, input: KvmInput): boolean {
  const pfnIsMapMemory = input.backing === 'ram';
  if (code.noncacheableTest === 'pfn') return !pfnIsMapMemory;
  return (input.backing === 'pfnmap' || input.backing === 'mixedmap') && !pfnIsMapMemory;
}

const faultError = (errno: 'EFAULT' | 'EINVAL'): Refusal => ({
  where: 'fault',
  errno,
  effect: `the fault fails with -${errno}: KVM_RUN returns -${errno} to the VMM`,
});

const noExec: Refusal = {
  where: 'fault',
  errno: 'ENOEXEC',
  effect: 'the fault fails with -ENOEXEC, which kvm_handle_guest_abort() turns into an instruction abort injected into the guest',
};

export function faultProt(code: KvmCode, input: KvmInput): FaultDecision {
  let forceNoncacheable = false;
  let rule: Rule = {
    text: 'Ordinary memory of the linear map is mapped Normal cacheable whatever the VMA\'s protection says.',
    source: source(code, DEVICE_FAULTS),
  };
  if (outsideLinearMap(code, input)) {
    const cacheable = code.cacheablePfnmap !== 'ignored' && kvmVmaIsCacheable(input.pgprot);
    if (cacheable && code.cacheablePfnmap === 'if-fwb-and-dic') {
      if (!kvmSupportsCacheablePfnmap(input)) {
        return {
          refusal: faultError('EFAULT'),
          rule: {
            text: `A cacheable VMA over memory outside the linear map needs FWB and DIC (kvm_supports_cacheable_pfnmap()); with ${missing(input)} the fault fails with -EFAULT.`,
            source: source(code, ALLOW_CACHEABLE, 'pin'),
          },
        };
      }
      rule = {
        text: 'A cacheable VMA over memory outside the linear map is mapped Normal cacheable, as FWB and DIC make cache maintenance through the linear map unnecessary.',
        source: source(code, ALLOW_CACHEABLE, 'pin'),
      };
    } else {
      forceNoncacheable = true;
      if (cacheable) {
        // 2a8dfab26677 alone: a cacheable VMA must not be mapped non-cacheable.
        return {
          refusal: faultError('EINVAL'),
          rule: { text: 'A cacheable VMA over memory outside the linear map is refused: it would be mapped non-cacheable at stage 2.', source: source(code, BLOCK_CACHEABLE, 'pin') },
        };
      }
    }
  }
  if (input.exec && forceNoncacheable) {
    return {
      refusal: noExec,
      rule: { text: 'An instruction fetch from memory KVM maps non-cacheable (Device-nGnRE or Normal-NC) is refused with -ENOEXEC.', source: source(code, DEVICE_FAULTS) },
    };
  }
  if (!forceNoncacheable) {
    // An exec fault sets KVM_PGTABLE_PROT_X; with DIC every cacheable mapping is executable.
    return { prot: { attr: 'normal', exec: input.exec || input.dic }, rule };
  }
  if (code.readsAllowAnyUncached && input.allowAnyUncached) {
    return {
      prot: { attr: 'KVM_PGTABLE_PROT_NORMAL_NC', exec: false },
      rule: { text: 'Memory outside the linear map under a VMA with VM_ALLOW_ANY_UNCACHED gets KVM_PGTABLE_PROT_NORMAL_NC, so the guest may choose Device or Normal-NC.', source: source(code, NORMAL_NC) },
    };
  }
  const why =
    code.cacheablePfnmap === 'ignored' && input.pgprot === 'cacheable'
      ? ` (the VMA's cacheable protection is not consulted before ${releaseOf(BLOCK_CACHEABLE)})`
      : input.allowAnyUncached && !code.readsAllowAnyUncached
        ? ` (nothing reads VM_ALLOW_ANY_UNCACHED before ${releaseOf(NORMAL_NC)})`
        : '';
  return {
    prot: { attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false },
    rule: {
      text: `Memory outside the linear map gets KVM_PGTABLE_PROT_DEVICE${code.readsAllowAnyUncached ? ' unless the VMA has VM_ALLOW_ANY_UNCACHED' : ''}${why}.`,
      source: source(code, code.readsAllowAnyUncached ? NORMAL_NC : DEVICE_FAULTS),
    },
  };
}
