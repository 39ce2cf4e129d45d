/**
 * Repair: the smallest changes to the host's teardown that make an unsafe
 * scenario safe. A fix inserts ops into the host program, anywhere, the
 * existing ops keeping their order; guest programs and knobs never
 * change. The ops a fix may insert (the alphabet): `unmap-s2`, `dsb`,
 * `read A` for each offset A any vCPU stores to, and `dc civac all` when
 * the guest type is cacheable (M-type-cacheable). A program holds at most
 * one `unmap-s2`: unmapping a range again finds no valid entry, and Linux
 * then issues no TLBI and no DSB (arch/arm64/kvm/hyp/pgtable.c,
 * stage2_unmap_walker() and stage2_unmap_put_pte(), v6.12; only with FWB
 * and FEAT_TLBIRANGE does kvm_pgtable_stage2_unmap() flush the range
 * anyway), so a second one is not a barrier a fix could rely on.
 *
 * Breadth first by the number of ops inserted: every distinct host
 * program of one more op (each program of the size before with one op of
 * the alphabet at one position; printed canonically, so inserting `dsb`
 * before or after an existing `dsb` is one program, explored once) is
 * explored, and the search stops at the first size that has a safe
 * program, reporting every safe program of that size, sorted. Within
 * `maxOps` this is complete: every program of k insertions is one of k-1
 * insertions with one op more.
 */
import type { RaceCheck } from '../explore/check.ts';
import { hostOpText } from '../language/printer.ts';
import type { Model } from '../model/model.ts';
import type { HostOp, Scenario } from '../types.ts';
import { DEFAULT_FIX_OPS, MAX_FIX_OPS } from './limits.ts';
import { Search, type SearchOptions } from './search.ts';
import { withHost } from './variants.ts';


export interface Repair {
  /** Ops inserted by the smallest fixes: 0 when the scenario is already safe, null when none of up to maxOps was found. */
  readonly size: number | null;
  /** The safe host programs of that size, printed canonically (`unmap-s2; read 0x0; reset ctrl`), sorted. */
  readonly fixes: readonly string[];
  /** The scenario of each fix, in the same order (for its link). */
  readonly scenarios: readonly Scenario[];
  readonly maxOps: number;
  /** Distinct host programs explored. */
  readonly variantsChecked: number;
  /** The ops a fix may insert, printed. */
  readonly alphabet: readonly string[];
  /** The search ran out of its budget or was cancelled: a larger or further fix may exist. */
  readonly stopped?: 'budget' | 'cancelled';
}

/** The host program as one line, as the fixes list it. */
export const hostProgramText = (host: readonly HostOp[]): string => host.map(hostOpText).join('; ');

const unmaps = (host: readonly HostOp[]): boolean => host.some((op) => op.op === 'unmap-s2');

/** The ops a fix may insert into this scenario's host program (`unmap-s2` only when it has none). */
export function fixAlphabet(model: Model): HostOp[] {
  const offsets = [...new Set(model.storeOffsets)].sort((a, b) => a - b);
  return [
    ...(unmaps(model.host) ? [] : [{ op: 'unmap-s2' } as const]),
    { op: 'dsb' },
    ...offsets.map((offset): HostOp => ({ op: 'read', offset })),
    ...(model.cacheable ? [{ op: 'dc-civac', offset: 'all' } as const] : []),
  ];
}

/** Thrown for a maxOps outside 1..MAX_FIX_OPS. */
export class FixSizeError extends RangeError {
  override readonly name = 'FixSizeError';
}

/** Every distinct program with one op of `alphabet` inserted into one of `programs`, not in `seen` (which it extends). */
function oneMore(programs: readonly (readonly HostOp[])[], alphabet: readonly HostOp[], seen: Set<string>): HostOp[][] {
  const next: HostOp[][] = [];
  for (const program of programs) {
    for (let at = 0; at <= program.length; at += 1) {
      for (const op of alphabet) {
        if (op.op === 'unmap-s2' && unmaps(program)) continue;
        const candidate = [...program.slice(0, at), op, ...program.slice(at)];
        const key = hostProgramText(candidate);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(candidate);
      }
    }
  }
  return next;
}

export function repair(check: RaceCheck, maxOps: number = DEFAULT_FIX_OPS, options: SearchOptions = {}): Repair {
  if (!Number.isInteger(maxOps) || maxOps < 1 || maxOps > MAX_FIX_OPS) throw new FixSizeError(`a fix inserts 1 to ${MAX_FIX_OPS} host ops, not ${maxOps}`);
  const alphabet = fixAlphabet(check.model);
  const base = { maxOps, alphabet: alphabet.map(hostOpText) };
  const { verdict, stopped } = check.result;
  if (verdict === 'safe') return { ...base, size: 0, fixes: [], scenarios: [], variantsChecked: 0 };
  if (verdict === 'incomplete') return { ...base, size: null, fixes: [], scenarios: [], variantsChecked: 0, stopped: stopped ?? 'budget' };
  const search = new Search(options);
  const seen = new Set([hostProgramText(check.scenario.host)]);
  let programs: HostOp[][] = [[...check.scenario.host]];
  for (let size = 1; size <= maxOps && search.stopped === undefined; size += 1) {
    programs = oneMore(programs, alphabet, seen);
    search.total += programs.length;
    const safe: { text: string; scenario: Scenario }[] = [];
    for (const program of programs) {
      const outcome = search.run(withHost(check.scenario, program));
      if (search.stopped !== undefined) break;
      if (outcome.verdict === 'safe') safe.push({ text: hostProgramText(program), scenario: outcome.scenario });
    }
    if (safe.length > 0 || search.stopped !== undefined) {
      safe.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
      return {
        ...base,
        size: safe.length > 0 ? size : null,
        fixes: safe.map((fix) => fix.text),
        scenarios: safe.map((fix) => fix.scenario),
        variantsChecked: search.checked,
        ...(search.stopped === undefined ? {} : { stopped: search.stopped }),
      };
    }
  }
  return { ...base, size: null, fixes: [], scenarios: [], variantsChecked: search.checked };
}
