import { describe, expect, it } from 'vitest';
import { guestStage2FromKvm, KvmStage2Error, parsePgprot } from './guest-stage2.ts';
import { KernelReleaseError } from './releases.ts';

describe('the stage 2 behind the race directives kernel and vma', () => {
  it('6.9, a vfio-pci BAR (pgprot_noncached, VM_ALLOW_ANY_UNCACHED): guest-s2 0x5 (Normal-NC)', () =>
    expect(guestStage2FromKvm('6.9', 'noncached', true, false).guestS2).toBe('0x5'));
  it('6.8, the same VMA: guest-s2 0x1 (Device-nGnRE), the flag being unknown', () => expect(guestStage2FromKvm('6.8', 'noncached', true, false).guestS2).toBe('0x1'));
  it('6.17 with FWB, a cacheable VMA: guest-s2 0x6 (FWB Normal-WB)', () => expect(guestStage2FromKvm('6.17', 'cacheable', false, true).guestS2).toBe('0x6'));
  it('6.17 without FWB, a cacheable VMA: refused, with the reason', () =>
    expect(() => guestStage2FromKvm('6.17', 'cacheable', false, false)).toThrow(KvmStage2Error));
  it('a release before 6.8 is a KernelReleaseError', () => expect(() => guestStage2FromKvm('6.1', 'device', false, false)).toThrow(KernelReleaseError));
  it('pgprot names are accepted bare or with the pgprot_ prefix', () => {
    expect([parsePgprot('writecombine'), parsePgprot('pgprot_device'), parsePgprot('wc')]).toEqual(['writecombine', 'device', undefined]);
  });
});
