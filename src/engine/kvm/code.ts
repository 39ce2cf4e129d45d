/**
 * The state of KVM/arm64's stage-2 code as a handful of switches, one per
 * change that matters to the choice of stage-2 attributes, each set by the
 * commit that made the change. A release is the state after its commits
 * (releases.ts); the mirrored functions read these switches, so a single
 * commit of a series can be replayed on its own.
 */

export interface KvmCode {
  /** KVM_PGTABLE_PROT_NORMAL_NC exists and stage2_set_prot_attr() encodes it (c034ec84e879). */
  readonly normalNcAttr: boolean;
  /** user_mem_abort() picks KVM_PGTABLE_PROT_NORMAL_NC for a VMA with VM_ALLOW_ANY_UNCACHED (8c47ce3e1d2c; the flag is 5c656fcdd6c6's). */
  readonly readsAllowAnyUncached: boolean;
  /**
   * How user_mem_abort() decides that the page must not be cacheable:
   * `pfn` (kvm_is_device_pfn(): the PFN is not in the linear map) or
   * `vma-and-pfn` (216887f79d98: the VMA is VM_PFNMAP or VM_MIXEDMAP and
   * the PFN is not in the linear map).
   */
  readonly noncacheableTest: 'pfn' | 'vma-and-pfn';
  /**
   * What a cacheable VMA over memory outside the linear map gets:
   * `ignored` (the VMA's pgprot is not consulted: the page is treated as
   * device memory), `refused` (2a8dfab26677: -EINVAL at memslot creation
   * and at fault time), `if-fwb-and-dic` (0c67288e0c8b: mapped cacheable
   * when kvm_supports_cacheable_pfnmap(), else refused).
   */
  readonly cacheablePfnmap: 'ignored' | 'refused' | 'if-fwb-and-dic';
  /** The variable user_mem_abort() keeps the decision in: `device`, then `s2_force_noncacheable` (8cc9dc1ae4fb). */
  readonly noncacheableVariable: 'device' | 's2_force_noncacheable';
  /** KVM_PGTABLE_S2_NOFWB exists (set only for the pKVM host's stage 2; removed by 4f27fe82aa30). */
  readonly noFwbFlag: boolean;
  /** Where the Device/Normal-NC protection and the -ENOEXEC check live: user_mem_abort() or, since the 7.1 refactoring, kvm_s2_fault_compute_prot() (a6e11bd6e1bd). */
  readonly faultFunction: 'user_mem_abort' | 'kvm_s2_fault_compute_prot';
  /**
   * Where the detection of memory outside the linear map, the
   * cacheable-or-not decision and the cacheable PFNMAP -EFAULT live:
   * user_mem_abort() or, since e314a4dbdb8b (7.1), kvm_s2_fault_pin_pfn().
   * The Normal-NC/Device choice stays with `faultFunction`.
   */
  readonly pinFunction: 'user_mem_abort' | 'kvm_s2_fault_pin_pfn';
}

/** Linux 6.8, the last release before the Normal-NC series. */
export const LINUX_6_8: KvmCode = {
  normalNcAttr: false,
  readsAllowAnyUncached: false,
  noncacheableTest: 'pfn',
  cacheablePfnmap: 'ignored',
  noncacheableVariable: 'device',
  noFwbFlag: true,
  faultFunction: 'user_mem_abort',
  pinFunction: 'user_mem_abort',
};
