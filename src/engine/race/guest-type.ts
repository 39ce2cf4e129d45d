/**
 * The only bridge between the race model and the combining engine: the
 * guest's stage-1 and stage-2 attributes go through the real S1 x S2
 * combination (src/engine/attrs/), and the combined memory type is turned
 * into what a PE write buffer may do with the guest's stores.
 */
import { combine, memTypeName, parseS1, parseS2 } from '../attrs/index.ts';
import type { MemType } from '../attrs/types.ts';

/** What the combined type permits for stores (Arm ARM DDI0487 M.a.a, B2.10). */
export interface StoreBehaviour {
  /**
   * Stores may leave the write buffer out of program order: the Reordering
   * attribute (B2.10.2.2: R types follow the Normal Non-cacheable ordering
   * rules) and Normal memory, ordered only by barriers (B2.10.1); M-wb-reorder.
   */
  readonly reorder: boolean;
  /**
   * Stores may be merged into one transaction (B2.10.2.1 Gathering; B2.10.1:
   * Normal accesses "can be merged"), never across a barrier; M-wb-gather.
   */
  readonly gather: boolean;
  /**
   * The Early Write Acknowledgement attribute (B2.10.2.3): false only for
   * Device-nGnRnE, whose write is acknowledged by the endpoint where the
   * system architecture requires it (the `ne-honoured` knob); M-ack-point.
   */
  readonly earlyAck: boolean;
  /** Write-Back at the inner or outer level: stores go to the coherent cache (M-type-cacheable, M-cache-line). */
  readonly cacheable: boolean;
  /** The FEAT_XS attribute: program-order arrival needs equal XS (M-wb-xs, B2.4.1.1). */
  readonly xs: boolean;
}

export interface GuestType {
  readonly type: MemType;
  /** `Normal-NC`, `Device-nGnRE`, ... */
  readonly name: string;
  readonly behaviour: StoreBehaviour;
  readonly warnings: readonly string[];
}

/** Which input an error is about, so the parser can point at its column. */
export class GuestTypeError extends Error {
  override readonly name = 'GuestTypeError';
  readonly input: 'guest-s1' | 'guest-s2';

  constructor(input: 'guest-s1' | 'guest-s2', message: string) {
    super(message);
    this.input = input;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Device-nGnRnE/nGnRE drain in program order and never merge; nGRE may
 * reorder; GRE may also gather; Normal Non-cacheable and Write-Through
 * behave alike for stores (M-type-wt: a Write-Through write is written
 * through, so it reaches the interconnect as an NC write would). A type
 * that is Write-Back at either level is cacheable (M-type-cacheable): its
 * stores reorder and merge like Normal-NC in the buffer and then go to the
 * cache.
 */
export function storeBehaviour(type: MemType): StoreBehaviour {
  if (type.kind === 'Device') {
    return {
      reorder: type.device === 'nGRE' || type.device === 'GRE',
      gather: type.device === 'GRE',
      earlyAck: type.device !== 'nGnRnE',
      cacheable: false,
      xs: type.xs,
    };
  }
  const cacheable = type.inner.cacheability === 'WB' || type.outer.cacheability === 'WB';
  return { reorder: true, gather: true, earlyAck: true, cacheable, xs: type.xs };
}

/**
 * M-type-reserved: no verdict may rest on a reserved or UNPREDICTABLE
 * encoding. The combining engine still computes a type for one (as the ASL
 * does) and notes what the Arm ARM allows (K1.2.19); the race model refuses
 * it, naming the encoding and that range.
 */
function refuseReserved(result: ReturnType<typeof combine>): void {
  const s1 = result.s1.reserved;
  const s2 = result.s2.reserved;
  const note = s1 ?? s2;
  if (!note) return;
  throw new GuestTypeError(
    s1 ? 'guest-s1' : 'guest-s2',
    `${note.what}. ${note.allowed} The race model gives no verdict on it (M-type-reserved); use an allocated encoding`,
  );
}

/** Combines the guest's attributes as the MMU would (shareability Inner Shareable at both stages). */
export function resolveGuestType(s1Text: string, s2Text: string, fwb: boolean): GuestType {
  let s1: number;
  let s2: number;
  try {
    s1 = parseS1(s1Text);
  } catch (error) {
    throw new GuestTypeError('guest-s1', messageOf(error));
  }
  try {
    s2 = parseS2(s2Text, fwb);
  } catch (error) {
    throw new GuestTypeError('guest-s2', messageOf(error));
  }
  let result: ReturnType<typeof combine>;
  try {
    result = combine({ s1, s2, fwb, s1sh: 3, s2sh: 3 });
  } catch (error) {
    throw new GuestTypeError('guest-s2', messageOf(error));
  }
  refuseReserved(result);
  return {
    type: result.type,
    name: memTypeName(result.type),
    behaviour: storeBehaviour(result.type),
    warnings: result.warnings,
  };
}
