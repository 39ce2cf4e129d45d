/**
 * combine(): what memory type, shareability and properties an access really
 * gets from a stage-1 MAIR attribute and a stage-2 MemAttr, and why. The
 * architecture is in combine-asl.ts; this module chooses the rule that
 * explains the result, collects warnings and names, and caches what does
 * not depend on shareability (2^14 entries).
 */
import { decodeS1 } from './decode-s1.ts';
import { decodeS2 } from './decode-s2.ts';
import { combinedShareability, s2ApplyFwbMemAttrs, s2CombineS1MemAttrs, s2TreatAsNormalNc, type MemoryAttributes } from './combine-asl.ts';
import { encodeMair, encodeParAttrs } from './encode.ts';
import { linuxResultNames } from './linux.ts';
import { hexByte, memTypeName, sameMemType } from './memtype.ts';
import { accessProperties } from './properties.ts';
import { RULES } from './rules.ts';
import { MAY_DIFFER } from './reserved.ts';
import { decodeShareability, encodeShareability } from './shareability.ts';
import type { CombineInput, CombineResult, DecidedBy, MemType, Rule, S1Decoding, S2Decoding, ShEncoding } from './types.ts';

const inRange = (value: number, max: number): boolean => Number.isInteger(value) && value >= 0 && value <= max;

function checkInput(input: Required<CombineInput>): void {
  if (inRange(input.s1, 0xff) && inRange(input.s2, 0xf) && inRange(input.s1sh, 3) && inRange(input.s2sh, 3)) return;
  const fields = [['stage-1 attribute', input.s1, 0xff], ['stage-2 MemAttr', input.s2, 0xf], ['s1sh', input.s1sh, 3], ['s2sh', input.s2sh, 3]] as const;
  const [what, value, max] = fields.find(([, v, m]) => !inRange(v, m)) ?? fields[0];
  throw new RangeError(`${what} ${String(value)} is out of range (0..${max})`);
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

/**
 * Warnings about the combination itself, as bits of a mask so that equal
 * warning lists are shared. Short: the decodings carry the full notes.
 */
const COMBINATION_WARNINGS = [
  `stage-1 SH=0b01 is reserved; computed as Non-shareable (${MAY_DIFFER})`,
  `stage-2 SH=0b01 is reserved; computed as Non-shareable (${MAY_DIFFER})`,
  'FWB forces Write-Back over a stage-1 Device type: whether atomics and exclusives are supported as for Device memory is IMPLEMENTATION DEFINED; whether a misaligned access or DC ZVA, DC GVA or DC GZVA takes a stage-1 Alignment fault, and whether some elements of SVE non-fault and first-fault loads are performed, is CONSTRAINED UNPREDICTABLE (R_RMTWN)',
  'FWB forces Write-Back over a stage-1 type that is not Write-Back: alignment of exclusives, atomics and acquire/release is CONSTRAINED UNPREDICTABLE (D8.6.6)',
  'stage 1 is Device or Normal-NC, so whether its SH or Outer Shareable is input to stage 2 is IMPLEMENTATION DEFINED (R_NSCNC); Outer Shareable would give SH=0b10',
] as const;

function warningMask(input: Required<CombineInput>, s1Type: MemType): number {
  let mask = (input.s1sh === 1 ? 1 : 0) | (input.s2sh === 1 ? 2 : 0);
  if (input.fwb && (input.s2 & 0b111) === 0b110) {
    const s1Nc = s1Type.kind === 'Normal' && s1Type.inner.cacheability === 'NC' && s1Type.outer.cacheability === 'NC';
    if (s1Type.kind === 'Device') mask |= 4;
    else if (s1Type.inner.cacheability !== 'WB' || s1Type.outer.cacheability !== 'WB') mask |= 8;
    if ((s1Type.kind === 'Device' || s1Nc) && input.s1sh !== 2 && !input.cd) mask |= 16;
  }
  return mask;
}

/** Everything that depends on the encodings but not on shareability: computed once per (s1, s2, fwb, cd). */
interface Core {
  readonly s1: S1Decoding;
  readonly s2: S2Decoding;
  readonly type: MemType;
  readonly typeName: string;
  readonly mair: number;
  readonly mairHex: string;
  readonly parAttr: number;
  readonly properties: CombineResult['properties'];
  readonly rule: Rule;
  readonly decidedBy: DecidedBy;
  readonly linux: CombineResult['linux'];
  /** Warning lists by warningMask. */
  readonly warnings: (readonly string[] | undefined)[];
}

function makeCore(s1: S1Decoding, s2: S2Decoding, cd: boolean): Core {
  // Shareability does not affect the memory type, so any SH values do here.
  const { type } = attributes(s1, s2, 3, 3, cd);
  const uncached = cd ? attributes(s1, s2, 3, 3, false).type : type;
  const explained = sameMemType(uncached, type) ? explain(s1, s2, type) : { rule: RULES['cd-forces-nc'], decidedBy: 'hcr' as const };
  const mair = encodeMair(type);
  return {
    s1,
    s2,
    type,
    typeName: memTypeName(type),
    mair,
    mairHex: hexByte(mair),
    parAttr: encodeParAttrs(type),
    properties: accessProperties(type),
    ...explained,
    linux: { s1: s1.linux, s2: s2.linux, result: linuxResultNames(mair) },
    warnings: [],
  };
}

function warningsFor(core: Core, mask: number): readonly string[] {
  return (core.warnings[mask] ??= [...core.s1.warnings, ...core.s2.warnings, ...COMBINATION_WARNINGS.filter((_, bit) => (mask & (1 << bit)) !== 0)]);
}

// Preallocated: filling a growing array out of order would turn it into a slow dictionary.
const cores: (Core | undefined)[] = new Array<Core | undefined>(1 << 14).fill(undefined);

function coreFor(input: Required<CombineInput>): Core {
  const k = (input.s1 << 6) | (input.s2 << 2) | (input.fwb ? 2 : 0) | (input.cd ? 1 : 0);
  return (cores[k] ??= makeCore(decodeS1(input.s1), decodeS2(input.s2, input.fwb), input.cd));
}

function compute(input: Required<CombineInput>): CombineResult {
  const core = coreFor(input);
  // HCR_EL2.CD replaces stage-2 shareability only where the result is Normal-NC,
  // which EffectiveShareability makes Outer Shareable anyway, so the final type suffices.
  const shareability = combinedShareability(core.type, decodeShareability(input.s1sh), decodeShareability(input.s2sh));
  return {
    input,
    s1: core.s1,
    s2: core.s2,
    type: core.type,
    typeName: core.typeName,
    sh: encodeShareability(shareability),
    mair: core.mair,
    mairHex: core.mairHex,
    parAttr: core.parAttr,
    properties: core.properties,
    rule: core.rule,
    decidedBy: core.decidedBy,
    warnings: warningsFor(core, warningMask(input, core.s1.memType)),
    linux: core.linux,
  };
}

/**
 * Combine a stage-1 attribute byte with a stage-2 MemAttr as the PE does
 * (DDI0487 M.a.a D8.6; S2CombineS1MemAttrs without FWB,
 * AArch64.S2ApplyFWBMemAttrs with it). Throws RangeError for values outside
 * the encodings' ranges. Results share their parts with other results; do
 * not mutate them.
 */
export function combine(input: CombineInput): CombineResult {
  const full: Required<CombineInput> = { s1: input.s1, s2: input.s2, fwb: input.fwb, s1sh: input.s1sh, s2sh: input.s2sh, cd: input.cd ?? false };
  checkInput(full);
  return compute(full);
}
