/**
 * One test per branch of each mirrored kernel function, named for the rule
 * and the release whose code it describes.
 */
import { describe, expect, it } from 'vitest';
import { applyAll, behaviourInfo } from './behaviours.ts';
import { decideAt, kvmDecide } from './decide.ts';
import { faultProt } from './fault.ts';
import { prepareMemoryRegion } from './memslot.ts';
import { s2MemAttr, stage2HasFwb, stage2SetProtAttr } from './pgtable.ts';
import type { Behaviour, KvmInput } from './types.ts';
import { kvmSupportsCacheablePfnmap, kvmVmaIsCacheable } from './vma.ts';

const code = (b: Behaviour) => behaviourInfo(b).code;
/** 6.17 with 2a8dfab26677 applied but not yet 0c67288e0c8b. */
const blockedOnly = applyAll(code('6.9'), behaviourInfo('6.17').commits.slice(0, 3));

const bar: KvmInput = { kernel: '6.17', backing: 'pfnmap', pgprot: 'noncached', allowAnyUncached: false, fwb: false, dic: false, exec: false };
const at = (kernel: string, over: Partial<KvmInput> = {}): KvmInput => ({ ...bar, kernel, ...over });

describe('kvm_vma_is_cacheable() (arch/arm64/kvm/mmu.c, 6.17 to 7.3)', () => {
  it('6.17: pgprot_noncached() (MT_DEVICE_nGnRnE) is not cacheable', () => expect(kvmVmaIsCacheable('noncached')).toBe(false));
  it('6.17: pgprot_device() (MT_DEVICE_nGnRE) is not cacheable', () => expect(kvmVmaIsCacheable('device')).toBe(false));
  it('6.17: pgprot_writecombine() (MT_NORMAL_NC) is not cacheable', () => expect(kvmVmaIsCacheable('writecombine')).toBe(false));
  it('6.17: MT_NORMAL falls to the default case and is cacheable', () => expect(kvmVmaIsCacheable('cacheable')).toBe(true));
});

describe('kvm_supports_cacheable_pfnmap() (arch/arm64/include/asm/kvm_mmu.h, 6.17 to 7.3)', () => {
  it('6.17: FWB and DIC together support cacheable PFNMAP', () => expect(kvmSupportsCacheablePfnmap({ fwb: true, dic: true })).toBe(true));
  it('6.17: FWB without DIC does not (the instruction cache would need maintenance)', () => expect(kvmSupportsCacheablePfnmap({ fwb: true, dic: false })).toBe(false));
  it('6.17: DIC without FWB does not (the data cache would need maintenance)', () => expect(kvmSupportsCacheablePfnmap({ fwb: false, dic: true })).toBe(false));
});

describe('kvm_arch_prepare_memory_region() (arch/arm64/kvm/mmu.c)', () => {
  it('6.8: a cacheable VM_PFNMAP memslot is accepted (no cacheability check)', () =>
    expect(prepareMemoryRegion(code('6.8'), at('6.8', { pgprot: 'cacheable' })).refusal).toBeUndefined());
  it('6.9-6.16: a cacheable VM_PFNMAP memslot is accepted', () =>
    expect(prepareMemoryRegion(code('6.9'), at('6.12', { pgprot: 'cacheable' })).refusal).toBeUndefined());
  it('6.17: a cacheable VM_PFNMAP memslot without DIC is refused with -EINVAL', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { pgprot: 'cacheable', fwb: true })).refusal).toMatchObject({ where: 'memslot', errno: 'EINVAL' }));
  it('6.17: a cacheable VM_PFNMAP memslot with DIC but without FWB is refused with -EINVAL', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { pgprot: 'cacheable', dic: true })).refusal).toMatchObject({ where: 'memslot', errno: 'EINVAL' }));
  it('6.17: a cacheable VM_PFNMAP memslot with FWB and DIC is accepted', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { pgprot: 'cacheable', fwb: true, dic: true })).refusal).toBeUndefined());
  it('6.17: a non-cacheable VM_PFNMAP memslot is accepted without FWB or DIC', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { pgprot: 'writecombine' })).refusal).toBeUndefined());
  it('6.17: a cacheable VM_MIXEDMAP memslot is accepted (only VM_PFNMAP is checked)', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { backing: 'mixedmap', pgprot: 'cacheable' })).refusal).toBeUndefined());
  it('6.17: an ordinary-memory memslot is accepted whatever its protection', () =>
    expect(prepareMemoryRegion(code('6.17'), at('6.17', { backing: 'ram', pgprot: 'noncached' })).refusal).toBeUndefined());
  it('2a8dfab26677 alone: a cacheable VM_PFNMAP memslot is refused even with FWB and DIC', () =>
    expect(prepareMemoryRegion(blockedOnly, at('6.17', { pgprot: 'cacheable', fwb: true, dic: true })).refusal).toMatchObject({ errno: 'EINVAL' }));
  it('7.1: the 6.17 check is unchanged', () =>
    expect(prepareMemoryRegion(code('7.1'), at('7.1', { pgprot: 'cacheable' })).refusal).toMatchObject({ where: 'memslot', errno: 'EINVAL' }));
});

describe('the device / Normal-NC / cacheable branch of user_mem_abort() and kvm_s2_fault_compute_prot()', () => {
  const prot = (c: ReturnType<typeof code>, i: KvmInput) => {
    const d = faultProt(c, i);
    return 'prot' in d ? d.prot : d.refusal;
  };
  it('6.8: ordinary memory is mapped Normal, not executable without DIC on a data fault', () =>
    expect(prot(code('6.8'), at('6.8', { backing: 'ram' }))).toEqual({ attr: 'normal', exec: false }));
  it('6.8: ordinary memory under a non-cacheable VMA is still mapped Normal', () =>
    expect(prot(code('6.8'), at('6.8', { backing: 'ram', pgprot: 'noncached' }))).toEqual({ attr: 'normal', exec: false }));
  it('6.17: ordinary memory under a pgprot_writecombine() VMA is still mapped Normal', () =>
    expect(prot(code('6.17'), at('6.17', { backing: 'ram', pgprot: 'writecombine' }))).toEqual({ attr: 'normal', exec: false }));
  it('6.8: with DIC every cacheable mapping is executable (KVM_PGTABLE_PROT_X)', () =>
    expect(prot(code('6.8'), at('6.8', { backing: 'ram', dic: true }))).toEqual({ attr: 'normal', exec: true }));
  it('6.8: an instruction fetch from ordinary memory maps it executable without DIC', () =>
    expect(prot(code('6.8'), at('6.8', { backing: 'ram', exec: true }))).toEqual({ attr: 'normal', exec: true }));
  it('6.8: memory outside the linear map gets KVM_PGTABLE_PROT_DEVICE', () =>
    expect(prot(code('6.8'), at('6.8'))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.8: VM_ALLOW_ANY_UNCACHED does not exist yet and changes nothing', () =>
    expect(prot(code('6.8'), at('6.8', { allowAnyUncached: true }))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.8: VM_MIXEDMAP device memory is device memory too (kvm_is_device_pfn())', () =>
    expect(prot(code('6.8'), at('6.8', { backing: 'mixedmap' }))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.8: an instruction fetch from device memory fails with -ENOEXEC', () =>
    expect(prot(code('6.8'), at('6.8', { exec: true }))).toMatchObject({ where: 'fault', errno: 'ENOEXEC' }));
  it('6.9: device memory under VM_ALLOW_ANY_UNCACHED gets KVM_PGTABLE_PROT_NORMAL_NC', () =>
    expect(prot(code('6.9'), at('6.9', { allowAnyUncached: true }))).toEqual({ attr: 'KVM_PGTABLE_PROT_NORMAL_NC', exec: false }));
  it('6.9: device memory without VM_ALLOW_ANY_UNCACHED keeps KVM_PGTABLE_PROT_DEVICE', () =>
    expect(prot(code('6.9'), at('6.9'))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.9: an instruction fetch from Normal-NC device memory fails with -ENOEXEC', () =>
    expect(prot(code('6.9'), at('6.9', { allowAnyUncached: true, exec: true }))).toMatchObject({ errno: 'ENOEXEC' }));
  it('6.9-6.16: a cacheable PFNMAP VMA is not consulted and is mapped Device', () =>
    expect(prot(code('6.9'), at('6.16', { pgprot: 'cacheable', fwb: true, dic: true }))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.9-6.16: a cacheable PFNMAP VMA with VM_ALLOW_ANY_UNCACHED is mapped Normal-NC', () =>
    expect(prot(code('6.9'), at('6.16', { pgprot: 'cacheable', allowAnyUncached: true }))).toEqual({ attr: 'KVM_PGTABLE_PROT_NORMAL_NC', exec: false }));
  it('6.17: cacheable PFNMAP without DIC is refused at fault time with -EFAULT', () =>
    expect(prot(code('6.17'), at('6.17', { pgprot: 'cacheable', fwb: true }))).toMatchObject({ where: 'fault', errno: 'EFAULT' }));
  it('6.17: cacheable MIXEDMAP without FWB is refused at fault time with -EFAULT', () =>
    expect(prot(code('6.17'), at('6.17', { backing: 'mixedmap', pgprot: 'cacheable', dic: true }))).toMatchObject({ where: 'fault', errno: 'EFAULT' }));
  it('6.17: cacheable PFNMAP with FWB and DIC is mapped Normal and executable', () =>
    expect(prot(code('6.17'), at('6.17', { pgprot: 'cacheable', fwb: true, dic: true }))).toEqual({ attr: 'normal', exec: true }));
  it('6.17: an instruction fetch from cacheable PFNMAP with FWB and DIC is allowed', () =>
    expect(prot(code('6.17'), at('6.17', { pgprot: 'cacheable', fwb: true, dic: true, exec: true }))).toEqual({ attr: 'normal', exec: true }));
  it('6.17: a pgprot_device() PFNMAP VMA is still forced non-cacheable: Device', () =>
    expect(prot(code('6.17'), at('6.17', { pgprot: 'device', fwb: true, dic: true }))).toEqual({ attr: 'KVM_PGTABLE_PROT_DEVICE', exec: false }));
  it('6.17: an instruction fetch from forced non-cacheable memory still fails with -ENOEXEC', () =>
    expect(prot(code('6.17'), at('6.17', { pgprot: 'writecombine', allowAnyUncached: true, exec: true }))).toMatchObject({ errno: 'ENOEXEC' }));
  it('2a8dfab26677 alone: a cacheable MIXEDMAP VMA over device memory fails the fault with -EINVAL', () =>
    expect(prot(blockedOnly, at('6.17', { backing: 'mixedmap', pgprot: 'cacheable', fwb: true, dic: true }))).toMatchObject({ errno: 'EINVAL' }));
  it('7.1: kvm_s2_fault_compute_prot() holds the branch and answers as 7.0', () => {
    const d = faultProt(code('7.1'), at('7.1', { allowAnyUncached: true }));
    expect(d.rule.source.function).toBe('kvm_s2_fault_compute_prot()');
    expect('prot' in d && d.prot).toEqual({ attr: 'KVM_PGTABLE_PROT_NORMAL_NC', exec: false });
  });
  it('7.1: the cacheable PFNMAP -EFAULT is decided in kvm_s2_fault_pin_pfn() (e314a4dbdb8b)', () => {
    const d = faultProt(code('7.1'), at('7.1', { backing: 'mixedmap', pgprot: 'cacheable', fwb: false, dic: true }));
    expect('refusal' in d && d.refusal.errno).toBe('EFAULT');
    expect(d.rule.source.function).toBe('kvm_s2_fault_pin_pfn()');
  });
  it('7.1: a cacheable PFNMAP with FWB and DIC is mapped cacheable by kvm_s2_fault_pin_pfn()\'s decision', () =>
    expect(faultProt(code('7.1'), at('7.1', { pgprot: 'cacheable', fwb: true, dic: true })).rule.source.function).toBe('kvm_s2_fault_pin_pfn()'));
  it('7.0: the branch is still in user_mem_abort()', () => expect(faultProt(code('7.0'), at('7.0')).rule.source.function).toBe('user_mem_abort()'));
});

describe('stage2_set_prot_attr() (arch/arm64/kvm/hyp/pgtable.c)', () => {
  const bits = (device: boolean, normalNc: boolean, exec: boolean) => ({ device, normalNc, exec });
  it('6.8: KVM_PGTABLE_PROT_DEVICE selects DEVICE_nGnRE', () => expect(stage2SetProtAttr(code('6.8'), bits(true, false, false), false)).toMatchObject({ attr: { constant: 'MT_S2_DEVICE_nGnRE' } }));
  it('6.8: an executable device mapping is -EINVAL', () => expect(stage2SetProtAttr(code('6.8'), bits(true, false, true), false)).toHaveProperty('einval'));
  it('6.8: anything else is NORMAL, executable if asked', () => expect(stage2SetProtAttr(code('6.8'), bits(false, false, true), false)).toMatchObject({ attr: { constant: 'MT_S2_NORMAL', exec: true } }));
  it('6.9: DEVICE together with NORMAL_NC is -EINVAL', () => expect(stage2SetProtAttr(code('6.9'), bits(true, true, false), false)).toHaveProperty('einval'));
  it('6.9: an executable DEVICE mapping is -EINVAL', () => expect(stage2SetProtAttr(code('6.9'), bits(true, false, true), false)).toHaveProperty('einval'));
  it('6.9: an executable NORMAL_NC mapping is -EINVAL', () => expect(stage2SetProtAttr(code('6.9'), bits(false, true, true), false)).toHaveProperty('einval'));
  it('6.9: NORMAL_NC selects MT_S2_NORMAL_NC', () => expect(stage2SetProtAttr(code('6.9'), bits(false, true, false), false)).toMatchObject({ attr: { constant: 'MT_S2_NORMAL_NC', memAttr: 0x5 } }));
  it('6.9: DEVICE selects MT_S2_DEVICE_nGnRE', () => expect(stage2SetProtAttr(code('6.9'), bits(true, false, false), false)).toMatchObject({ attr: { memAttr: 0x1, type: 'Device-nGnRE' } }));
  it('6.9: the default is NORMAL', () => expect(stage2SetProtAttr(code('6.9'), bits(false, false, false), true)).toMatchObject({ attr: { constant: 'MT_S2_FWB_NORMAL', memAttr: 0x6 } }));
});

describe('the encoding by FWB (KVM_S2_MEMATTR(), arch/arm64/include/asm/memory.h)', () => {
  it('without FWB: MT_S2_NORMAL is 0xf, MT_S2_NORMAL_NC 0x5, MT_S2_DEVICE_nGnRE 0x1', () => {
    expect([s2MemAttr('NORMAL', false).memAttr, s2MemAttr('NORMAL_NC', false).memAttr, s2MemAttr('DEVICE_nGnRE', false).memAttr]).toEqual([0xf, 0x5, 0x1]);
  });
  it('with FWB: MT_S2_FWB_NORMAL is 6, MT_S2_FWB_NORMAL_NC 5, MT_S2_FWB_DEVICE_nGnRE 1', () => {
    expect([s2MemAttr('NORMAL', true).memAttr, s2MemAttr('NORMAL_NC', true).memAttr, s2MemAttr('DEVICE_nGnRE', true).memAttr]).toEqual([6, 5, 1]);
  });
  it('every release: a guest stage 2 uses FWB exactly when the CPU has ARM64_HAS_STAGE2_FWB', () => {
    expect([stage2HasFwb({ fwb: true }), stage2HasFwb({ fwb: false })]).toEqual([true, false]);
  });
});

describe('the corners', () => {
  const answer = (i: KvmInput) => kvmDecide(i).answer;
  it('DIC without FWB, 6.17: cacheable PFNMAP is refused at memslot creation, MIXEDMAP at the fault', () => {
    expect(answer(at('6.17', { pgprot: 'cacheable', dic: true }))).toMatchObject({ outcome: 'refused', where: 'memslot', errno: 'EINVAL' });
    expect(answer(at('6.17', { backing: 'mixedmap', pgprot: 'cacheable', dic: true }))).toMatchObject({ outcome: 'refused', where: 'fault', errno: 'EFAULT' });
  });
  it('DIC without FWB, 6.17: ordinary memory is MT_S2_NORMAL (0xf) and executable', () =>
    expect(answer(at('6.17', { backing: 'ram', dic: true }))).toEqual({ outcome: 'mapped', s2: { constant: 'MT_S2_NORMAL', memAttr: 0xf, fwb: false, type: 'Normal-WB', exec: true } }));
  it('the memslot check comes before the fault: an instruction fetch cannot reach a refused memslot', () =>
    expect(decideAt(code('6.17'), at('6.17', { pgprot: 'cacheable', exec: true })).answer).toMatchObject({ where: 'memslot' }));
});
