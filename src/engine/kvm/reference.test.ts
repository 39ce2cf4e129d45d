/**
 * An independent statement of the same kernel code, written as one
 * decision list per release range rather than function by function, and
 * compared with the engine over the whole input space and every release
 * from 6.8 to 7.3. If the two disagree, one of them misreads the sources.
 */
import { describe, expect, it } from 'vitest';
import { kvmDecide } from './decide.ts';
import { allInputs } from './inputs.ts';
import type { KvmInput } from './types.ts';

const RELEASES = ['6.8', ...Array.from({ length: 11 }, (_, n) => `6.${n + 9}`), '7.0', '7.1', '7.2', '7.3'];

function version(release: string): number {
  const [major, minor] = release.split('.').map(Number);
  return (major ?? 0) * 100 + (minor ?? 0);
}

/** `mapped <MemAttr> <x|xn>` or `refused <where> <errno>`. */
function reference(release: string, i: KvmInput): string {
  const v = version(release);
  const device = i.backing !== 'ram';
  const cacheableVma = i.pgprot === 'cacheable';
  const both = i.fwb && i.dic;
  const normal = i.fwb ? 6 : 0xf;
  if (v >= 617 && i.backing === 'pfnmap' && cacheableVma && !both) return 'refused memslot EINVAL';
  if (!device) return `mapped ${normal} ${i.exec || i.dic ? 'x' : 'xn'}`;
  if (v >= 617 && cacheableVma) return both ? `mapped ${normal} x` : 'refused fault EFAULT';
  if (i.exec) return 'refused fault ENOEXEC';
  return v >= 609 && i.allowAnyUncached ? 'mapped 5 xn' : 'mapped 1 xn';
}

function engine(i: KvmInput): string {
  const a = kvmDecide(i).answer;
  return a.outcome === 'mapped' ? `mapped ${a.s2.memAttr} ${a.s2.exec ? 'x' : 'xn'}` : `refused ${a.where} ${a.errno}`;
}

describe('the engine against an independent decision list', () => {
  for (const release of RELEASES) {
    it(`Linux ${release}: all ${allInputs(release).length} inputs agree`, () => {
      for (const i of allInputs(release)) expect({ i, got: engine(i) }).toEqual({ i, got: reference(release, i) });
    });
  }
});
