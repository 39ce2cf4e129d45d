/**
 * What each commit a release brings (releases.ts) does to the code
 * switches of code.ts, which the mirrored functions read; its id, subject
 * and author are in kernel-commits.ts, and what it changed for the
 * engine's inputs in changelog.ts. A release's code is the one before
 * with its commits applied in merge order (behaviours.ts).
 */
import type { KvmCode } from './code.ts';
import type { ReleaseCommit } from './releases.ts';

export type CommitEffect = (code: KvmCode) => KvmCode;

/** Every commit some release brings must be here: the compiler asks for a new release's commits. */
export const COMMIT_EFFECTS: Readonly<Record<ReleaseCommit, CommitEffect>> = {
  // Linux 6.9
  'c034ec84e879': (code) => ({ ...code, normalNcAttr: true }),
  '5c656fcdd6c6': (code) => code,
  '8c47ce3e1d2c': (code) => ({ ...code, readsAllowAnyUncached: true }),
  'a39d3a966a09': (code) => code,
  // Linux 6.17
  '8cc9dc1ae4fb': (code) => ({ ...code, noncacheableVariable: 's2_force_noncacheable' }),
  '216887f79d98': (code) => ({ ...code, noncacheableTest: 'vma-and-pfn' }),
  '2a8dfab26677': (code) => ({ ...code, cacheablePfnmap: 'refused' }),
  '0c67288e0c8b': (code) => ({ ...code, cacheablePfnmap: 'if-fwb-and-dic' }),
  'f55ce5a6cd33': (code) => code,
  // Linux 7.0
  'd4236f1ef270': (code) => code,
  '17d7b15131f3': (code) => code,
  'a373930ec940': (code) => code,
  '4f27fe82aa30': (code) => ({ ...code, noFwbFlag: false }),
  '65d00e37b17f': (code) => code,
  // Linux 7.1
  'a6e11bd6e1bd': (code) => ({ ...code, faultFunction: 'kvm_s2_fault_compute_prot' }),
  'e314a4dbdb8b': (code) => ({ ...code, pinFunction: 'kvm_s2_fault_pin_pfn' }),
};
