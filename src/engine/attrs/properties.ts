/**
 * What a memory type allows accesses to do (DDI0487 M.a.a B2.10.1 Normal
 * memory, B2.10.2 Device memory attributes G, R, E). Read by the race model
 * and shown beside every combined result.
 */
import type { AccessProperties, MemType } from './types.ts';

/**
 * Normal memory permits gathering (merging), reordering, early write
 * acknowledgement, speculative reads and unaligned accesses; a Device type
 * permits only what its G/R/E letters say and never speculative data
 * reads, and an unaligned access to it is not guaranteed to complete: it
 * takes an Alignment fault if the location cannot support unaligned
 * accesses, and where the location can, whether it faults is
 * IMPLEMENTATION DEFINED (B2.10.2; AArch64.S2HasAlignmentFaultDueToMemType()
 * in J1.1). `unalignedAccess` is therefore false for every Device type.
 */
export function accessProperties(type: MemType): AccessProperties {
  if (type.kind === 'Device') {
    return {
      gathering: !type.device.startsWith('nG'),
      reordering: !type.device.includes('nR'),
      earlyWriteAck: !type.device.endsWith('nE'),
      speculativeReads: false,
      unalignedAccess: false,
      cacheable: false,
    };
  }
  return {
    gathering: true,
    reordering: true,
    earlyWriteAck: true,
    speculativeReads: true,
    unalignedAccess: true,
    cacheable: type.inner.cacheability !== 'NC' || type.outer.cacheability !== 'NC',
  };
}
