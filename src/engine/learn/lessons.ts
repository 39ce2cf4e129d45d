/**
 * The lessons of the learning path (src/content/docs/learn/) and their
 * exercises, in reading order: one table that the lesson pages, the
 * progress view and the tests all read. A lesson page places each of its
 * exercises by id; the start states are the ones its text builds on (the
 * guide's figures, mostly), and "Another one" draws from the family.
 */
import type { ExerciseDef } from './exercises.ts';

export interface LessonDef {
  /** The page's slug under the docs collection, e.g. `learn/combining`. */
  readonly slug: string;
  readonly exercises: readonly ExerciseDef[];
}

export const LESSONS: readonly LessonDef[] = [
  {
    slug: 'learn/memory-types',
    exercises: [
      { id: 'byte', title: 'decode an attribute byte', kind: 'mair', family: 'byte', start: { byte: 0x08 } },
      { id: 'helper', title: 'the type a Linux helper asks for', kind: 'mair', family: 'helper', start: { helper: 'pgprot_device()' } },
    ],
  },
  {
    slug: 'learn/combining',
    exercises: [
      { id: 'before', title: 'a write-combining guest before Linux 6.9', kind: 'combine', family: 'nofwb', start: { s1: 0x44, s2: 0x1, fwb: false } },
      { id: 'after', title: 'the same guest over a Normal-NC stage 2', kind: 'combine', family: 'nofwb', start: { s1: 0x44, s2: 0x5, fwb: false } },
      { id: 'cap', title: 'a cacheable guest over a Normal-NC stage 2', kind: 'combine', family: 'nofwb', start: { s1: 0xff, s2: 0x5, fwb: false } },
    ],
  },
  {
    slug: 'learn/fwb',
    exercises: [
      { id: 'forced', title: 'a Device guest over FWB value 6', kind: 'combine', family: 'fwb', start: { s1: 0x04, s2: 0x6, fwb: true } },
      { id: 'nc', title: 'the same guest over FWB value 5', kind: 'combine', family: 'fwb', start: { s1: 0x04, s2: 0x5, fwb: true } },
    ],
  },
  {
    slug: 'learn/kvm',
    exercises: [
      { id: 'before', title: 'a vfio-pci BAR in Linux 6.8', kind: 'kvm', family: 'vfio', start: { kernel: '6.8', allowAnyUncached: false } },
      { id: 'after', title: 'the same BAR in Linux 6.9', kind: 'kvm', family: 'vfio', start: { kernel: '6.9' } },
    ],
  },
  {
    slug: 'learn/reset-race-pcie',
    exercises: [
      { id: 'unmap-flr', title: 'unmap, then FLR', kind: 'race', family: 'pcie', start: 'pcie-nc-unmap-flr' },
      { id: 'flr', title: 'an FLR without the unmap', kind: 'race', family: 'pcie', start: 'pcie-nc-flr-without-unmap' },
      { id: 'acpi', title: 'unmap, then ACPI _RST', kind: 'race', family: 'pcie', start: 'pcie-nc-unmap-acpi' },
    ],
  },
  {
    slug: 'learn/reset-race-soc',
    exercises: [
      { id: 'unmap-ctrl', title: 'unmap, then the reset controller', kind: 'race', family: 'soc', start: 'soc-nc-unmap-ctrl' },
      { id: 'one-op', title: 'add one host op so that nobody can win', kind: 'fix', family: 'soc', start: 'soc-nc-unmap-ctrl' },
      { id: 'ngnre', title: 'the old default, Device-nGnRE', kind: 'race', family: 'soc', start: 'soc-ngnre-unmap-ctrl' },
    ],
  },
  {
    slug: 'learn/cacheable',
    exercises: [
      { id: 'kvm', title: 'a cacheable VM_PFNMAP VMA in Linux 6.17', kind: 'kvm', family: 'cacheable', start: { kernel: '6.17', pgprot: 'cacheable', allowAnyUncached: false } },
      { id: 'race', title: 'unmap, then FLR, with a cacheable stage 2', kind: 'race', family: 'cacheable', start: 'pcie-wb-fwb-unmap-flr' },
      { id: 'clean', title: 'a clean before the FLR', kind: 'race', family: 'cacheable', start: 'pcie-wb-fwb-unmap-civac-flr' },
    ],
  },
];

/** An exercise by lesson slug and id; throws naming both when there is none (a page that places an unknown exercise fails its build). */
export function exerciseOf(lesson: string, id: string): { def: ExerciseDef; number: number } {
  const exercises = LESSONS.find((l) => l.slug === lesson)?.exercises;
  if (exercises === undefined) throw new Error(`no lesson '${lesson}' in src/engine/learn/lessons.ts`);
  const index = exercises.findIndex((e) => e.id === id);
  if (index < 0) throw new Error(`lesson '${lesson}' has no exercise '${id}' (src/engine/learn/lessons.ts)`);
  return { def: exercises[index]!, number: index + 1 };
}
