/**
 * How an exported model writes a process: one `do` loop whose options are
 * `d_step`s with the guard first, so that each step of our explorer is
 * exactly one SPIN transition and no process ever rests between two.
 */
import type { Layout } from './layout.ts';

export interface Step {
  /** The rule IDs and what the step does. */
  readonly comment: string;
  readonly guard: string;
  readonly body: string;
}

/** What the reductions change in the generated code (see the model's Reductions comment). */
export interface Encoding {
  /** Keep the names of guest stores (bit per store) in writes and dirty lines. */
  readonly keepIds: boolean;
  /** Keep the write buffers' runs of stores sorted. */
  readonly sortBuffers: boolean;
  /** Keep the device path's runs of guest writes sorted. */
  readonly sortPath: boolean;
  /** Guest writes on a path carry nothing but their kind (a FIFO path, stores complete early). */
  readonly anonymousPathWrites: boolean;
  /** Once the TLBI took effect the vCPUs stop, their program counters cleared (guest-stops=no: later ops write nothing). */
  readonly forgetPcs: boolean;
}

export function proctype(name: string, comment: string, steps: readonly Step[]): string {
  if (steps.length === 0) return '';
  const options = steps.map((s) => `  /* ${s.comment} */\n  :: d_step { ${s.guard} ->\n       ${s.body} }`);
  return `/* ${comment} */\nactive proctype ${name}() {\nend:\n  do\n${options.join('\n')}\n  od\n}\n`;
}

/** `; sort_Q()` when queue Q is kept in canonical order. */
export function sorted(q: string, on: boolean): string {
  return on ? `; sort_${q}()` : '';
}

/** Appends a guest write (a store or write-back) to the device path. */
export function guestWriteToPath(kind: string, pe: string, epoch: string, ids: string, encoding: Encoding): string {
  const append = encoding.anonymousPathWrites ? 'append_path0(STORE, 0, 0, 0, 0)' : `append_path0(${kind}, ${pe}, ${epoch}, 0, ${encoding.keepIds ? ids : '0'})`;
  return append + sorted('path0', encoding.sortPath);
}

/**
 * Writes back the dirty lines `lines` (ordinals) as writes of `pe` at
 * `epoch` (M-cache-evict, M-cache-dc-civac, M-unmap-cleans), in line order.
 */
export function writeBack(lines: readonly number[], pe: string, epoch: number, encoding: Encoding): string {
  return lines
    .map((l) => `if :: dirty[${l}] != 0 -> ${guestWriteToPath('WRITEBACK', pe, String(epoch), `dirty[${l}]`, encoding)}; dirty[${l}] = 0 :: else -> skip fi`)
    .join(';\n       ');
}

export function allLines(layout: Layout): number[] {
  return layout.lines.map((_, l) => l);
}
