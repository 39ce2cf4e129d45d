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
   * rules) and Normal memory, ordered only by barriers (B2.10.1).
   */
  readonly reorder: boolean;
  /**
   * Stores may be merged into one transaction (B2.10.2.1 Gathering; B2.10.1:
   * Normal accesses "can be merged"), never across a barrier.
   */
  readonly gather: boolean;
  /**
   * The Early Write Acknowledgement attribute (B2.10.2.3): false only for
   * Device-nGnRnE, whose write is acknowledged by the endpoint where the
   * system architecture requires it (the `ne-honoured` knob).
   */
  readonly earlyAck: boolean;
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
 * through, so it reaches the interconnect as an NC write would).
 * Write-Back is refused: a dirty line may be written back at any time, long
 * after the store, which this model does not cover.
 */
export function storeBehaviour(type: MemType): StoreBehaviour {
  if (type.kind === 'Device') {
    return {
      reorder: type.device === 'nGRE' || type.device === 'GRE',
      gather: type.device === 'GRE',
      earlyAck: type.device !== 'nGnRnE',
    };
  }
  if (type.inner.cacheability === 'WB' || type.outer.cacheability === 'WB') {
    throw new GuestTypeError(
      'guest-s2',
      `the combined guest type is ${memTypeName(type)} (Write-Back cacheable): ` +
        'the race model does not cover cache write-backs, which may happen at any ' +
        'time after the store; use a Non-cacheable, Write-Through or Device type',
    );
  }
  return { reorder: true, gather: true, earlyAck: true };
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
  return {
    type: result.type,
    name: memTypeName(result.type),
    behaviour: storeBehaviour(result.type),
    warnings: result.warnings,
  };
}
