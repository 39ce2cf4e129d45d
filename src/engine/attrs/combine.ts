/**
 * combine(): what memory type, shareability and properties an access really
 * gets from a stage-1 MAIR attribute and a stage-2 MemAttr, and why. The
 * architecture is in combine-asl.ts; this module chooses the rule that
 * explains the result, collects warnings and names, and memoises (the whole
 * input space is 2^18 combinations, all of them cheap to keep).
 */
import { decodeS1 } from './decode-s1.ts';
import { decodeS2 } from './decode-s2.ts';
import { s2ApplyFwbMemAttrs, s2CombineS1MemAttrs, s2TreatAsNormalNc, type MemoryAttributes } from './combine-asl.ts';
import { encodeMair, encodeParAttrs } from './encode.ts';
import { linuxResultNames } from './linux.ts';
import { hexByte, memTypeName, sameMemType } from './memtype.ts';
import { accessProperties } from './properties.ts';
import { RULES } from './rules.ts';
import { decodeShareability, encodeShareability, reservedShareability } from './shareability.ts';
import type { CombineInput, CombineResult, DecidedBy, MemType, Rule, S1Decoding, S2Decoding, ShEncoding } from './types.ts';

function checkInput(input: CombineInput): void {
  const bad = (what: string, value: unknown, range: string): never => {
    throw new RangeError(`${what} ${String(value)} is out of range (${range})`);
  };
  if (!Number.isInteger(input.s1) || input.s1 < 0 || input.s1 > 0xff) bad('stage-1 attribute', input.s1, '0x00..0xff');
  if (!Number.isInteger(input.s2) || input.s2 < 0 || input.s2 > 0xf) bad('stage-2 MemAttr', input.s2, '0x0..0xf');
  for (const [what, sh] of [['s1sh', input.s1sh], ['s2sh', input.s2sh]] as const) {
    if (!Number.isInteger(sh) || sh < 0 || sh > 3) bad(what, sh, '0..3');
  }
}

/** Same Device type, or same inner and outer cacheability: what "the result is stage N's type" means for decidedBy. */
function sameCacheability(a: MemType, b: MemType): boolean {
  if (a.kind === 'Device' || b.kind === 'Device') return a.kind === 'Device' && b.kind === 'Device' && a.device === b.device;
  return a.inner.cacheability === b.inner.cacheability && a.outer.cacheability === b.outer.cacheability;
}

function decider(result: MemType, s1: MemType, s2: MemType): DecidedBy {
  const fromS1 = sameCacheability(result, s1);
  const fromS2 = sameCacheability(result, s2);
  return fromS1 && !fromS2 ? 's1' : fromS2 && !fromS1 ? 's2' : 'both';
}

/** The rule that explains the combined type, and which stage it says decided. */
function explain(s1: S1Decoding, s2: S2Decoding, result: MemType): { rule: Rule; decidedBy: DecidedBy } {
  const s1Type = s1.memType;
  const s2Type = s2.memType;
  if (s2.effect === 'fwb-as-s1') return { rule: RULES['fwb-as-s1'], decidedBy: 's1' };
  if (s2.effect === 'fwb-wb') return { rule: RULES['fwb-force-wb'], decidedBy: 's2' };
  if (s2.effect === 'fwb-nc') {
    return s1Type.kind === 'Device' ? { rule: RULES['fwb-nc-keeps-s1-device'], decidedBy: 's1' } : { rule: RULES['fwb-nc'], decidedBy: 's2' };
  }
  if (s2Type === null) throw new Error(`stage-2 ${s2.hex} has no memory type of its own`);
  if (s2.fwb) return { rule: RULES['fwb-device'], decidedBy: s1Type.kind === 'Device' ? decider(result, s1Type, s2Type) : 's2' };
  if (s1Type.kind === 'Device' && s2Type.kind === 'Device') return { rule: RULES['device-device'], decidedBy: decider(result, s1Type, s2Type) };
  if (s1Type.kind === 'Device') return { rule: RULES['s1-device'], decidedBy: 's1' };
  if (s2Type.kind === 'Device') return { rule: RULES['s2-device'], decidedBy: 's2' };
  if (s2.memAttr === 0b1111) return { rule: RULES['s2-imposes-nothing'], decidedBy: 's1' };
  return { rule: RULES['normal-normal'], decidedBy: decider(result, s1Type, s2Type) };
}

/** The architecture's answer for one input: combine-asl.ts, with HCR_EL2.CD applied where the ASL applies it. */
function attributes(s1: S1Decoding, s2: S2Decoding, s1sh: ShEncoding, s2sh: ShEncoding, cd: boolean): MemoryAttributes {
  const stage1: MemoryAttributes = { type: s1.memType, shareability: decodeShareability(s1sh) };
  if (s2.fwb) return s2TreatAsNormalNc(s2ApplyFwbMemAttrs(stage1, s2.memAttr, decodeShareability(s2sh)), cd);
  if (s2.memType === null) throw new Error(`stage-2 ${s2.hex} without FWB has no memory type`);
  return s2CombineS1MemAttrs(stage1, s2TreatAsNormalNc({ type: s2.memType, shareability: decodeShareability(s2sh) }, cd));
}

/** Warnings about the combination itself (reserved encodings warn through their decodings). */
function combinationWarnings(input: Required<CombineInput>, s1: S1Decoding): string[] {
  const warnings: string[] = [];
  for (const [sh, stage] of [[input.s1sh, 1], [input.s2sh, 2]] as const) {
    const note = reservedShareability(sh, stage);
    if (note) warnings.push(`${note.what}; computed as ${note.chosen}. ${note.allowed}`);
  }
  if (input.fwb && (input.s2 & 0b111) === 0b110) {
    const s1Type = s1.memType;
    if (s1Type.kind === 'Device') {
      warnings.push(
        'Stage 1 is Device and FWB MemAttr[2:0] = 0b110 forces Write-Back: whether atomics and exclusives behave as on Device memory is IMPLEMENTATION DEFINED, and whether a misaligned access takes a stage-1 Alignment fault is CONSTRAINED UNPREDICTABLE (R_RMTWN).',
      );
    } else if (s1Type.inner.cacheability !== 'WB' || s1Type.outer.cacheability !== 'WB') {
      warnings.push(
        'Stage 1 is Normal but not Write-Back and FWB MemAttr[2:0] = 0b110 forces Write-Back: whether exclusives, atomics and non-atomic acquire/release follow the alignment rules of the stage-1 type is CONSTRAINED UNPREDICTABLE (D8.6.6).',
      );
    }
    const s1Effective = s1Type.kind === 'Device' || (s1Type.inner.cacheability === 'NC' && s1Type.outer.cacheability === 'NC');
    if (s1Effective && input.s1sh !== 2 && !input.cd) {
      warnings.push(
        'Stage 1 is Device or Normal-NC: it is IMPLEMENTATION DEFINED whether its SH field or Outer Shareable is input to stage 2 (R_NSCNC); this result uses the SH field, Outer Shareable input would make it Outer Shareable.',
      );
    }
  }
  return warnings;
}

function compute(input: Required<CombineInput>): CombineResult {
  const s1 = decodeS1(input.s1);
  const s2 = decodeS2(input.s2, input.fwb);
  const { type, shareability } = attributes(s1, s2, input.s1sh, input.s2sh, input.cd);
  const uncached = input.cd ? attributes(s1, s2, input.s1sh, input.s2sh, false).type : type;
  const explained = sameMemType(uncached, type) ? explain(s1, s2, type) : { rule: RULES['cd-forces-nc'], decidedBy: 'hcr' as const };
  const mair = encodeMair(type);
  return {
    input,
    s1,
    s2,
    type,
    typeName: memTypeName(type),
    sh: encodeShareability(shareability),
    mair,
    mairHex: hexByte(mair),
    parAttr: encodeParAttrs(type),
    properties: accessProperties(type),
    ...explained,
    warnings: [...s1.warnings, ...s2.warnings, ...combinationWarnings(input, s1)],
    linux: { s1: s1.linux, s2: s2.linux, result: linuxResultNames(mair) },
  };
}

const memo: (CombineResult | undefined)[] = [];

/** Index of an input in the memo: every field is small, so the key is dense. */
function key(input: Required<CombineInput>): number {
  return (((((input.s1 << 4) | input.s2) << 2 | input.s1sh) << 2 | input.s2sh) << 2) | (input.fwb ? 2 : 0) | (input.cd ? 1 : 0);
}

/**
 * Combine a stage-1 attribute byte with a stage-2 MemAttr as the PE does
 * (DDI0487 M.a.a D8.6; S2CombineS1MemAttrs without FWB,
 * AArch64.S2ApplyFWBMemAttrs with it). Throws RangeError for values outside
 * the encodings' ranges. Results are shared between calls; do not mutate.
 */
export function combine(input: CombineInput): CombineResult {
  const full: Required<CombineInput> = { s1: input.s1, s2: input.s2, fwb: input.fwb, s1sh: input.s1sh, s2sh: input.s2sh, cd: input.cd ?? false };
  checkInput(full);
  const k = key(full);
  return (memo[k] ??= compute(full));
}
