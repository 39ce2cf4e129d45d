import { describe, expect, it } from 'vitest';
import { COMBINE_DEFAULTS } from './combine-query.ts';
import { combineKvmLink, combineModeQuery, KVM_DEFAULTS, KVM_MODE_DEFAULTS, KVM_MODE_PARAMS, KVM_PARAMS, kvmLink } from './kvm-query.ts';
import { readQuery } from './query.ts';

describe('KVM state as a URL query', () => {
  it('a link restores every input of the playground', () => {
    const state = { kernel: '6.8', backing: 'mixedmap', pgprot: 'writecombine', allowAnyUncached: false, fwb: false, dic: false, exec: true } as const;
    const url = new URL(kvmLink('https://example.org', state));
    expect(url.pathname).toBe('/play/kvm/');
    expect({ ...KVM_DEFAULTS, ...readQuery(KVM_PARAMS, url.search).values }).toEqual(state);
  });
  it('a release is written as X.Y and a release that does not exist is named as the bad parameter', () => {
    expect(readQuery(KVM_PARAMS, '?kernel=v6.12.3').values).toEqual({ kernel: '6.12' });
    expect(readQuery(KVM_PARAMS, '?kernel=6.25').problems).toEqual([expect.stringContaining("parameter 'kernel'")]);
  });
  it('the combining explorer carries KVM\'s inputs only in "from KVM" mode, and shares its fwb', () => {
    expect(combineModeQuery('?s1=0x04', KVM_MODE_DEFAULTS)).toBe('?s1=0x04');
    const on = combineModeQuery('?s1=0x04&fwb=on', { ...KVM_MODE_DEFAULTS, kvm: true, kernel: '6.9' });
    expect(new URLSearchParams(on).get('kvm')).toBe('on');
    expect(readQuery(KVM_MODE_PARAMS, on).values).toMatchObject({ kvm: true, kernel: '6.9' });
    expect(new URL(combineKvmLink('https://example.org/', { ...COMBINE_DEFAULTS }, { ...KVM_MODE_DEFAULTS, kvm: true })).search).toContain('kvm=on');
  });
});
