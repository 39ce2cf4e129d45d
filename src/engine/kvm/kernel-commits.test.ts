import { describe, expect, it } from 'vitest';
import { commitCitation, commitReference, commitTopic, KERNEL_COMMITS, type CommitId } from './kernel-commits.ts';
import { BEHAVIOUR_ORDER, RELEASES } from './releases.ts';

const table = Object.entries(KERNEL_COMMITS) as [CommitId, (typeof KERNEL_COMMITS)[CommitId]][];

describe('the commits table', () => {
  it('keys each commit by the first 12 hex digits of its id, and names the mainline release that first has it', () => {
    for (const [sha, commit] of table) {
      expect(sha).toMatch(/^[0-9a-f]{12}$/);
      expect(commit.release).toMatch(/^\d+\.\d+$/);
      expect(commit.subject.startsWith('Merge ')).toBe(commitTopic(sha) === 'merge');
    }
  });

  it('gives the engine\'s and the kernel\'s form of a reference, and refuses a commit it does not hold', () => {
    expect(commitCitation('a39d3a966a09')).toBe('a39d3a966a09 ("vfio: Convey kvm that the vfio-pci device is wc safe")');
    expect(commitReference('a39d3a966a09')).toBe('commit a39d3a966a09 ("vfio: Convey kvm that the vfio-pci device is wc safe")');
    expect(() => commitReference('0123456789ab')).toThrow(/0123456789ab is not in src\/engine\/kvm\/kernel-commits.ts/);
  });
});

describe('the release table and the commits table agree', () => {
  it('each commit a release brings was first released in it, and each stage-2 commit first released in a modelled release is brought by it', () => {
    for (const behaviour of BEHAVIOUR_ORDER) {
      const brought: readonly string[] = RELEASES[behaviour].commits;
      const firstReleased = table.filter(([sha, c]) => c.release === behaviour && commitTopic(sha) === 'stage-2').map(([sha]) => sha);
      expect({ behaviour, brought: [...brought].sort() }).toEqual({ behaviour, brought: firstReleased.sort() });
    }
  });
});
