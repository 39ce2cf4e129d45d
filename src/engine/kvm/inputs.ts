/** The input space, for tables and exhaustive tests. */
import type { Backing, KvmInput, Pgprot } from './types.ts';

export const BACKINGS: readonly Backing[] = ['ram', 'pfnmap', 'mixedmap'];
export const PGPROTS: readonly Pgprot[] = ['noncached', 'device', 'writecombine', 'cacheable'];

/** A vfio-pci BAR as vfio_pci_core_mmap() maps it (a39d3a966a09), on a 6.17 host with FWB and DIC. */
export const KVM_DEFAULTS: KvmInput = {
  kernel: '6.17',
  backing: 'pfnmap',
  pgprot: 'noncached',
  allowAnyUncached: true,
  fwb: true,
  dic: true,
  exec: false,
};

const flags = [false, true] as const;

/** Every combination of the inputs other than the release, in a stable order. */
export function allInputs(kernel: string): KvmInput[] {
  const out: KvmInput[] = [];
  for (const backing of BACKINGS)
    for (const pgprot of PGPROTS)
      for (const allowAnyUncached of flags)
        for (const fwb of flags)
          for (const dic of flags) for (const exec of flags) out.push({ kernel, backing, pgprot, allowAnyUncached, fwb, dic, exec });
  return out;
}

