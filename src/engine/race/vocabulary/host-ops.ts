/**
 * The host program's ops (`host ...`): one row per op, read by the parser
 * and the highlighter (keywords, syntax), the op lists (meanings), the
 * model (its steps, whether it is a barrier) and the Promela export.
 */
import type { GuestOp, HostOp } from '../types.ts';
import { RESET_METHODS } from './reset-methods.ts';

export interface HostOpInfo {
  /** The op as the scenario language writes it, argument included. */
  readonly syntax: string;
  /** Its first word, which the parser and the highlighter look for. */
  readonly keyword: string;
  /**
   * The steps it takes (the model's host phase runs from 0 to phases - 1):
   * unmap-s2 its TLBI, its DSB, then the wait for the clean it asks for;
   * read its issue, after which only the data's arrival moves the host on.
   */
  readonly phases: number;
  /** Later accesses of the host's PE stay behind earlier ones: it opens a barrier epoch after itself (M-barrier-dmb). */
  readonly barrier: boolean;
  /**
   * What it is to an earlier `dc civac` (M-cache-dc-civac, DDI0487 M.a.a
   * D7.5.9.15): 'completes' it (a DSB, its own or unmap-s2's, waits for
   * the clean), or is a 'device-access' that the clean may execute after,
   * since no DSB or load-and-store DMB comes between (a reset's writel()
   * has only DMB OSHST); 'clean' is the clean itself.
   */
  readonly toClean: 'completes' | 'device-access' | 'clean';
  /** One line for op lists and the language reference. */
  readonly meaning: string;
  /** The rules on the race model page. */
  readonly rules: readonly string[];
}

export const HOST_OPS = {
  'unmap-s2': {
    syntax: 'unmap-s2',
    keyword: 'unmap-s2',
    phases: 3,
    barrier: true,
    toClean: 'completes',
    meaning: "unmap the guest's stage 2: TLBI for its IPA range, then DSB; without FWB also clean the cache",
    rules: ['M-unmap-tlbi', 'M-unmap-dsb', 'M-unmap-cleans'],
  },
  dsb: {
    syntax: 'dsb',
    keyword: 'dsb',
    phases: 1,
    barrier: true,
    toClean: 'completes',
    meaning: "wait until the earlier writes of the host's PE are complete",
    rules: ['M-host-dsb'],
  },
  read: {
    syntax: 'read <offset>',
    keyword: 'read',
    phases: 2,
    barrier: false,
    toClean: 'device-access',
    meaning: 'read from the device through the host mapping and wait for the data',
    rules: ['M-host-read'],
  },
  'dc-civac': {
    syntax: 'dc civac <offset>|all',
    keyword: 'dc',
    phases: 1,
    barrier: false,
    toClean: 'clean',
    meaning: 'clean and invalidate a cache line (or every line of the mapping) to the PoC',
    rules: ['M-cache-dc-civac'],
  },
  reset: {
    syntax: 'reset <method>',
    keyword: 'reset',
    phases: 1,
    barrier: false,
    toClean: 'device-access',
    meaning: 'reset the device by one of the reset methods; the host does not wait for it',
    rules: ['M-reset-flr', 'M-reset-ctrl', 'M-reset-reg', 'M-reset-acpi'],
  },
} as const satisfies Record<HostOp['op'], HostOpInfo>;
export type HostOpName = keyof typeof HOST_OPS;
export const HOST_OP_NAMES = Object.keys(HOST_OPS) as readonly HostOpName[];

/**
 * Barriers before each op of a program, counting from `start`: a guest
 * dmb or dsb and a host op that is a barrier open a new epoch after
 * themselves (M-barrier-dmb); a reset written with writel() opens one
 * before its write (M-writel).
 */
export function barrierEpochs(ops: readonly (GuestOp | HostOp)[], start: number): number[] {
  let epoch = start;
  return ops.map((op) => {
    if (op.op === 'reset' && RESET_METHODS[op.method].writel) epoch += 1;
    const before = epoch;
    if (op.op === 'dmb' || (op.op !== 'store' && (op.op === 'dsb' || HOST_OPS[op.op].barrier))) epoch += 1;
    return before;
  });
}
