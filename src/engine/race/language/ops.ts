/**
 * The ops of the guest and host programs (each with its rules in vocabulary/). Each parser takes the
 * words of one `;`-separated op and returns the op, or throws a
 * ScenarioError naming what was expected.
 */
import { ScenarioError } from './errors.ts';
import { parseNumber, type Word } from './lines.ts';
import type { GuestOp, HostOp } from '../types.ts';
import { HOST_OP_NAMES, HOST_OPS } from '../vocabulary/host-ops.ts';
import { isResetMethod, RESET_METHOD_NAMES } from '../vocabulary/reset-methods.ts';

export interface OpContext {
  readonly file: string;
  readonly line: number;
}

const GUEST_OPS = "'store <offset>', 'dmb' or 'dsb'";
/** `a, b or c`, for messages. */
export const orList = (words: readonly string[]): string => words.join(', ').replace(/, ([^,]*)$/, ' or $1');
const HOST_SYNTAX = orList(HOST_OP_NAMES.map((op) => `'${op === 'reset' ? `reset ${RESET_METHOD_NAMES.join('|')}` : HOST_OPS[op].syntax}'`));
const RESET_LIST = orList(RESET_METHOD_NAMES);

function fail(ctx: OpContext, col: number, detail: string): never {
  throw new ScenarioError(ctx.file, ctx.line, col, detail);
}

function noMoreWords(ctx: OpContext, words: readonly Word[], count: number, op: string): void {
  const extra = words[count];
  if (extra) fail(ctx, extra.col, `unexpected '${extra.text}' after '${op}'; expected ';' or end of line`);
}

function offsetArg(ctx: OpContext, words: readonly Word[], op: Word): number {
  const arg = words[1];
  if (!arg) fail(ctx, op.col + op.text.length, `expected an offset after '${op.text}' (e.g. 0x8)`);
  const value = parseNumber(arg.text);
  if (value === undefined) fail(ctx, arg.col, `bad offset '${arg.text}'; expected a number such as 0x8 or 16, below 2^32`);
  noMoreWords(ctx, words, 2, `${op.text} ${arg.text}`);
  return value;
}

export function parseGuestOp(ctx: OpContext, words: readonly [Word, ...Word[]]): GuestOp {
  const [op] = words;
  switch (op.text) {
    case 'store':
      return { op: 'store', offset: offsetArg(ctx, words, op) };
    case 'dmb':
    case 'dsb':
      noMoreWords(ctx, words, 1, op.text);
      return { op: op.text };
    default:
      return fail(ctx, op.col, `unknown guest op '${op.text}'; expected ${GUEST_OPS}`);
  }
}

/** Whether `word` names an op of a vCPU program or of the host program (an indented line of ops continues that program; parser.ts). */
export function isOpName(program: 'guest' | 'host', word: string): boolean {
  return program === 'guest' ? ['store', 'dmb', 'dsb'].includes(word) : HOST_OP_NAMES.some((op) => HOST_OPS[op].keyword === word);
}

/** `dc civac <offset>|all` (M-cache-dc-civac). */
function dcCivac(ctx: OpContext, words: readonly Word[], op: Word): HostOp {
  const what = words[1];
  if (what?.text !== 'civac') fail(ctx, what?.col ?? op.col + op.text.length, "expected 'civac' after 'dc' (dc civac <offset>|all)");
  const arg = words[2];
  if (!arg) fail(ctx, what.col + what.text.length, "expected an offset or 'all' after 'dc civac'");
  if (arg.text === 'all') {
    noMoreWords(ctx, words, 3, 'dc civac all');
    return { op: 'dc-civac', offset: 'all' };
  }
  const value = parseNumber(arg.text);
  if (value === undefined) fail(ctx, arg.col, `bad offset '${arg.text}'; expected 'all' or a number such as 0x40, below 2^32`);
  noMoreWords(ctx, words, 3, `dc civac ${arg.text}`);
  return { op: 'dc-civac', offset: value };
}

export function parseHostOp(ctx: OpContext, words: readonly [Word, ...Word[]]): HostOp {
  const [op] = words;
  switch (op.text) {
    case 'unmap-s2':
    case 'dsb':
      noMoreWords(ctx, words, 1, op.text);
      return { op: op.text };
    case 'read':
      return { op: 'read', offset: offsetArg(ctx, words, op) };
    case 'dc':
      return dcCivac(ctx, words, op);
    case 'reset': {
      const how = words[1];
      if (!how) fail(ctx, op.col + op.text.length, `expected a reset method after 'reset': ${RESET_LIST}`);
      const method = how.text;
      if (!isResetMethod(method)) fail(ctx, how.col, `unknown reset method '${how.text}'; expected ${RESET_LIST}`);
      noMoreWords(ctx, words, 2, `reset ${method}`);
      return { op: 'reset', method };
    }
    default:
      return fail(ctx, op.col, `unknown host op '${op.text}'; expected ${HOST_SYNTAX}`);
  }
}
