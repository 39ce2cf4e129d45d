/**
 * What a memory type allows accesses to do (DDI0487 M.a.a B2.10.1 Normal
 * memory, B2.10.2 Device memory attributes G, R, E). Read by the race model
 * and shown beside every combined result.
 */
import type { AccessProperties, MemType } from './types.ts';

/**
 * Normal memory permits gathering (merging), reordering, early write
 * acknowledgement, speculative reads and unaligned accesses; a Device type
 * permits only what its G/R/E letters say, never speculative data reads, and
 * unaligned accesses to it take an Alignment fault (IMPLEMENTATION DEFINED
 * only where the PE supports unaligned Device accesses, J1.1.4.37).
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
