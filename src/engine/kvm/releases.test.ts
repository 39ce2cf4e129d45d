import { describe, expect, it } from 'vitest';
import { BEHAVIOURS } from './behaviours.ts';
import { KernelReleaseError, KERNEL_CHOICES, NEWEST, parseRelease, RELEASES, releasesFrom } from './releases.ts';

describe('the release table', () => {
  it('ends at the newest release read: 7.3, from Debian 7.3.4, after 7.2 from Debian 7.2.13, neither bringing a commit', () => {
    expect(NEWEST).toBe('7.3');
    expect(KERNEL_CHOICES.at(-1)).toBe('7.3');
    expect(RELEASES['7.2']).toMatchObject({ commits: [], source: expect.stringMatching(/7\.2\.13/) });
    expect(RELEASES['7.3']).toMatchObject({ commits: [], source: expect.stringMatching(/7\.3\.4/) });
  });

  it('refuses a release it has not read instead of answering for it', () => {
    expect(() => parseRelease('7.4')).toThrow(KernelReleaseError);
    expect(() => parseRelease('v7.4-rc2')).toThrow(/7\.4 is newer than 7\.3/);
    expect(parseRelease('7.3.4')).toEqual({ major: 7, minor: 3 });
  });

  it('writes spans that end at the newest release, never "and later"', () => {
    expect(BEHAVIOURS.map((b) => b.releases)).toEqual(['6.8', '6.9-6.16', '6.17-6.19', '7.0', '7.1', '7.2', '7.3']);
    expect(releasesFrom('6.17')).toBe('6.17 to 7.3');
    expect(releasesFrom('7.3')).toBe('7.3');
    expect(() => releasesFrom('7.4')).toThrow(KernelReleaseError);
  });

  it('7.2 and 7.3 decide as 7.1 does: the same code state', () => {
    const code = (label: string) => BEHAVIOURS.find((b) => b.behaviour === label)?.code;
    expect(code('7.2')).toEqual(code('7.1'));
    expect(code('7.3')).toEqual(code('7.1'));
  });
});
