/**
 * Independent differential reference for the stage-1 x stage-2 combining
 * engine, written straight from the Arm ARM (DDI0487 M.a.a) pseudocode, not
 * from the engine. Every rule below names the ASL function it transcribes:
 * J1.3.5 (shared/translation: S1DecodeMemAttrs, DecodeDevice, DecodeLDFAttr,
 * DecodeShareability, S1ConstrainUnpredictableRESMAIR, S2DecodeMemAttrs,
 * S2ResMemAttr, S2DecodeCacheability, S2CombineS1MemAttrs, S2CombineS1Device,
 * S2CombineS1AttrHints, S2CombineS1Shareability, S2MemTagType,
 * IsTaggableMemAttr, EffectiveShareability, EncodePARAttrs) and J1.1.4
 * (AArch64.S2ApplyFWBMemAttrs, AArch64.S2NextWalkStateLeaf,
 * AArch64.S1Translate).
 *
 * Modelled PE: AArch64 at both stages, FEAT_XS and FEAT_MTE2 implemented
 * (so 0x0n with n odd, 0x40, 0xa0 and 0xf0 are allocated MAIR encodings),
 * FEAT_MTE_PERM either way, stage-2 descriptor FnXS = 0, stage 1 enabled
 * with its data cache on, a data access; HCR_EL2.CD both ways
 * (AArch64.S2TreatAsNormalNC), the acceptance space being CD = 0.
 *
 * Where the architecture does not fix the answer, the reference does not
 * guess: it enumerates every outcome the ASL permits and compares a field
 * (type, mair, sh) only when all outcomes agree on it; for an open input it
 * checks instead that the engine's (type, mair, sh) is one of the permitted
 * outcomes. The open choices are
 *   - ConstrainUnpredictableBits(Unpredictable_RESMAIR) for a reserved MAIR
 *     byte (S1ConstrainUnpredictableRESMAIR): any allocated byte;
 *   - ConstrainUnpredictableBits(Unpredictable_S2RESMEMATTR) for a reserved
 *     stage-2 MemAttr with FWB = 0 (S2ResMemAttr: 0b0100 without
 *     FEAT_MTE_PERM, 0b1x00): any allocated MemAttr (0b0100 with
 *     FEAT_MTE_PERM is Normal WB NoTagAccess, the same type as 0b1111);
 *   - ConstrainUnpredictable(Unpredictable_Shareability) for SH = 0b01
 *     (DecodeShareability): NSH, ISH or OSH;
 *   - the IMPLEMENTATION DEFINED "Apply effective shareability at stage 1"
 *     (AArch64.S1Translate, D8.6.2 R_NSCNC): the stage-1 Shareability that
 *     enters stage 2 for Device and Normal iNCoNC is either the descriptor
 *     value or Outer Shareable.
 * Encodings the prose calls Reserved but the ASL still computes
 * deterministically (FWB MemAttr 0bx100, FWB MemAttr[3] = 1) are compared
 * strictly against what the ASL computes.
 *
 * The MAIR-style byte is compared XS-insensitively: the engine may give the
 * XS=1 form or, where the ASL's XS is 0 and an XS=0 encoding of exactly that
 * type exists (Device 0b0000xx01, 0x40, 0xa0), the XS=0 form.
 */
import { describe, expect, it } from 'vitest';
import { combine } from './index.ts';

// ---------------------------------------------------------------------------
// The ASL data types, reduced to what the combination needs.

type Cache = 'NC' | 'WT' | 'WB';
type Dev = 'nGnRnE' | 'nGnRE' | 'nGRE' | 'GRE';
type Share = 'NSH' | 'ISH' | 'OSH';

/** MemAttrHints: attrs, hints (RA, WA), transient. */
interface Hints {
  readonly attrs: Cache;
  readonly ra: boolean;
  readonly wa: boolean;
  readonly transient: boolean;
}

/** MemoryAttributes. */
interface Attrs {
  readonly memtype: 'Device' | 'Normal';
  readonly device: Dev; // meaningful for Device only
  readonly inner: Hints; // meaningful for Normal only
  readonly outer: Hints;
  readonly sh: Share;
  readonly tagged: boolean; // MemTag_AllocationTagged
  readonly xs: 0 | 1;
}

const NC: Hints = { attrs: 'NC', ra: false, wa: false, transient: false };
const RWA = (attrs: Cache): Hints => ({ attrs, ra: true, wa: true, transient: false });

/** DecodeDevice. */
function decodeDevice(bits: number): Dev {
  return (['nGnRnE', 'nGnRE', 'nGRE', 'GRE'] as const)[bits & 3] ?? 'nGnRnE';
}

/**
 * DecodeLDFAttr: 'x0xx' WT, '0100' NC, 'x1xx' WB; hints from attr<1:0> for
 * cacheable; transient = attr<3> == '0' only when some allocation hint is
 * given (otherwise the ASL leaves it unassigned; it is taken as FALSE here,
 * the only value a MAIR encoding can express for a no-allocate region).
 */
function decodeLDFAttr(attr: number): Hints {
  if (attr === 0b0100) return NC;
  const attrs: Cache = attr & 0b0100 ? 'WB' : 'WT';
  const ra = (attr & 0b10) !== 0;
  const wa = (attr & 0b01) !== 0;
  return { attrs, ra, wa, transient: (ra || wa) && (attr & 0b1000) === 0 };
}

/** DecodeShareability: '00' NSH, '10' OSH, '11' ISH, '01' CONSTRAINED UNPREDICTABLE (null). */
function decodeShareability(sh: number): Share | null {
  return sh === 0 ? 'NSH' : sh === 2 ? 'OSH' : sh === 3 ? 'ISH' : null;
}

const ALL_SHARE: readonly Share[] = ['NSH', 'ISH', 'OSH'];

/** S1ConstrainUnpredictableRESMAIR (s1aarch64, FEAT_XS, FEAT_MTE2 implemented). */
function s1ResMair(attr: number): boolean {
  if ((attr & 0xf3) === 0x01) return false; // '0000xx01': allocated with FEAT_XS
  if ((attr & 0xf0) === 0x00) return (attr & 3) !== 0; // '0000xxxx'
  if (attr === 0x40 || attr === 0xa0 || attr === 0xf0) return false; // FEAT_XS, FEAT_MTE2
  return (attr & 0x0f) === 0; // 'xxxx0000'
}

const S1_ALLOCATED: readonly number[] = Array.from({ length: 256 }, (_, b) => b).filter((b) => !s1ResMair(b));

/**
 * S1DecodeMemAttrs (both overloads): `attr` is the allocated encoding the
 * reserved one maps to (or attr_in itself); Tagged comes from attr_in.
 */
function s1DecodeMemAttrs(attrIn: number, attr: number, sh: Share): Attrs {
  const base = { device: 'nGnRnE' as Dev, inner: NC, outer: NC, sh, tagged: false };
  let a: Attrs;
  if ((attr & 0xf0) === 0) {
    a = { ...base, memtype: 'Device', device: decodeDevice(attr >> 2), xs: attr & 1 ? 0 : 1 };
  } else if (attr === 0x40) {
    a = { ...base, memtype: 'Normal', xs: 0 };
  } else if (attr === 0xa0) {
    const wtRa: Hints = { attrs: 'WT', ra: true, wa: false, transient: false };
    a = { ...base, memtype: 'Normal', inner: wtRa, outer: wtRa, xs: 0 };
  } else if (attr === 0xf0) {
    a = { ...base, memtype: 'Normal', inner: RWA('WB'), outer: RWA('WB'), xs: 0 };
  } else {
    const outer = decodeLDFAttr(attr >> 4);
    const inner = decodeLDFAttr(attr & 15);
    a = { ...base, memtype: 'Normal', inner, outer, xs: inner.attrs === 'WB' && outer.attrs === 'WB' ? 0 : 1 };
  }
  // S1DecodeMemAttrs(..., walkparams, acctype): attr_in == '11110000' is Tagged.
  return attrIn === 0xf0 ? { ...a, tagged: true } : a;
}

/** S2ResMemAttr (s2aarch64): '0100' (unless FEAT_MTE_PERM), '1x00'. */
function s2ResMemAttr(attr: number): boolean {
  return attr === 0b0100 || (attr & 0b1011) === 0b1000;
}

const S2_ALLOCATED: readonly number[] = Array.from({ length: 16 }, (_, m) => m).filter((m) => !s2ResMemAttr(m));

/** S2DecodeCacheability: '01' NC, '10' WT, '11' WB; no hints of its own. */
function s2DecodeCacheability(bits: number): Hints {
  return bits === 1 ? NC : RWA(bits === 2 ? 'WT' : 'WB');
}

/**
 * S2DecodeMemAttrs (FWB = 0) for an allocated `attr` (0b0100 only as
 * FEAT_MTE_PERM's Normal WB NoTagAccess); xs = NOT FnXS = 1
 * (AArch64.S2NextWalkStateLeaf).
 */
function s2DecodeMemAttrs(attr: number, sh: Share): Attrs {
  const base = { device: 'nGnRnE' as Dev, inner: NC, outer: NC, sh, tagged: false, xs: 1 as const };
  if ((attr & 0b1100) === 0) return { ...base, memtype: 'Device', device: decodeDevice(attr) };
  if (attr === 0b0100) return { ...base, memtype: 'Normal', inner: RWA('WB'), outer: RWA('WB') };
  return { ...base, memtype: 'Normal', outer: s2DecodeCacheability(attr >> 2), inner: s2DecodeCacheability(attr & 3) };
}

/** S2CombineS1Device: the more restrictive of the two. */
function s2CombineS1Device(s1: Dev, s2: Dev): Dev {
  const order: readonly Dev[] = ['nGnRnE', 'nGnRE', 'nGRE', 'GRE'];
  return order[Math.min(order.indexOf(s1), order.indexOf(s2))] ?? 'nGnRnE';
}

/** S2CombineS1AttrHints: less cacheable of the two; hints and transient from stage 1. */
function s2CombineS1AttrHints(s1: Hints, s2: Hints): Hints {
  const attrs: Cache =
    s1.attrs === 'NC' || s2.attrs === 'NC' ? 'NC' : s1.attrs === 'WT' || s2.attrs === 'WT' ? 'WT' : 'WB';
  return attrs === 'NC' ? NC : { attrs, ra: s1.ra, wa: s1.wa, transient: s1.transient };
}

/** S2CombineS1Shareability: OSH if either, else ISH if either, else NSH. */
function s2CombineS1Shareability(s1: Share, s2: Share): Share {
  if (s1 === 'OSH' || s2 === 'OSH') return 'OSH';
  if (s1 === 'ISH' || s2 === 'ISH') return 'ISH';
  return 'NSH';
}

/** IsTaggableMemAttr: Normal iWB-RWA-non-transient oWB-RWA-non-transient. */
function isTaggableMemAttr(a: Attrs): boolean {
  const ok = (h: Hints) => h.attrs === 'WB' && h.ra && h.wa && !h.transient;
  return a.memtype === 'Normal' && ok(a.inner) && ok(a.outer);
}

/** S2MemTagType (FEAT_MTE2): Tagged only if stage 1 is Tagged and the result is taggable. */
function s2MemTagType(combined: Attrs, s1Tagged: boolean): boolean {
  return s1Tagged && isTaggableMemAttr(combined);
}

const isNCNC = (a: Attrs) => a.memtype === 'Normal' && a.inner.attrs === 'NC' && a.outer.attrs === 'NC';

/** EffectiveShareability: Device and Normal iNCoNC are Outer Shareable. */
function effectiveShareability(a: Attrs): Share {
  return a.memtype === 'Device' || isNCNC(a) ? 'OSH' : a.sh;
}

/** S2CombineS1MemAttrs (FWB = 0, s2aarch64). */
function s2CombineS1MemAttrs(s1: Attrs, s2: Attrs): Attrs {
  let m: Attrs;
  if (s1.memtype === 'Device' && s2.memtype === 'Device') {
    m = { ...s1, device: s2CombineS1Device(s1.device, s2.device) };
  } else if (s1.memtype === 'Device') {
    m = s1; // S2 Normal, S1 Device
  } else if (s2.memtype === 'Device') {
    m = s2; // S2 Device, S1 Normal
  } else {
    m = { ...s1, inner: s2CombineS1AttrHints(s1.inner, s2.inner), outer: s2CombineS1AttrHints(s1.outer, s2.outer) };
  }
  m = { ...m, tagged: s2MemTagType(m, s1.tagged), sh: s2CombineS1Shareability(s1.sh, s2.sh) };
  const wbwb = m.memtype === 'Normal' && m.inner.attrs === 'WB' && m.outer.attrs === 'WB';
  m = { ...m, xs: wbwb ? 0 : ((s2.xs & s1.xs) as 0 | 1) };
  return { ...m, sh: effectiveShareability(m) };
}

/** AArch64.S2ApplyFWBMemAttrs (FnXS = 0); MemAttr[3] only feeds NoTagAccess. */
function s2ApplyFWBMemAttrs(s1: Attrs, s2Attr: number, s2sh: Share): Attrs {
  let m: Attrs;
  if ((s2Attr & 0b100) === 0) {
    // S2 Device, S1 any
    const s2dev = decodeDevice(s2Attr);
    m = { ...s1, memtype: 'Device', device: s1.memtype === 'Device' ? s2CombineS1Device(s1.device, s2dev) : s2dev };
  } else if ((s2Attr & 3) === 3) {
    m = s1; // S2 attr = S1 attr
  } else if ((s2Attr & 3) === 2) {
    // Force Write-Back; hints from a cacheable stage-1 side, else RWA non-transient
    const side = (h: Hints): Hints =>
      s1.memtype === 'Normal' && h.attrs !== 'NC' ? { ...h, attrs: 'WB' } : RWA('WB');
    m = { ...s1, memtype: 'Normal', inner: side(s1.inner), outer: side(s1.outer), xs: 0 };
  } else {
    // 0bx101 (and the reserved 0bx100): Non-cacheable unless S1 is Device
    m = s1.memtype === 'Device' ? s1 : { ...s1, memtype: 'Normal', inner: NC, outer: NC };
  }
  m = { ...m, sh: s2CombineS1Shareability(s1.sh, s2sh) };
  m = { ...m, tagged: s2MemTagType(m, s1.tagged) };
  return { ...m, sh: effectiveShareability(m) };
}

/**
 * AArch64.S2Translate with AArch64.S2TreatAsNormalNC for a data access:
 * HCR_EL2.CD = 1 (!S2DCacheEnabled) turns a Normal stage-2 result (FWB = 0:
 * the stage-2 attributes before combining; FWB = 1: the forced result) into
 * NormalNCMemAttr: iNCoNC, Outer Shareable, untagged, XS kept.
 */
function s2TreatAsNormalNC(a: Attrs, cd: boolean): Attrs {
  return cd && a.memtype === 'Normal' ? { ...a, inner: NC, outer: NC, sh: 'OSH', tagged: false } : a;
}

// ---------------------------------------------------------------------------
// MAIR-style encoding of the result (EncodePARAttrs, made lossless).

function nibble(h: Hints): number {
  if (h.attrs === 'NC') return 0b0100;
  const top = h.attrs === 'WT' ? (h.transient ? 0b00 : 0b10) : h.transient ? 0b01 : 0b11;
  return (top << 2) | (h.ra ? 2 : 0) | (h.wa ? 1 : 0);
}

/**
 * The XS=1 (FEAT_XS-free) encoding, and the encodings accepted for it.
 * EncodePARAttrs gives the XS=0 forms 0b0000xx01, 0x40 and 0xa0; its 0xa0
 * test looks at the outer side only, so 0xa0 is accepted here only when both
 * sides are WT RA non-transient (the one type 0xa0 decodes to).
 */
function encode(a: Attrs): { canonical: number; accepted: number[] } {
  if (a.tagged) return { canonical: 0xf0, accepted: [0xf0] };
  if (a.memtype === 'Device') {
    const c = ['nGnRnE', 'nGnRE', 'nGRE', 'GRE'].indexOf(a.device) << 2;
    return { canonical: c, accepted: a.xs === 0 ? [c, c | 1] : [c] };
  }
  const c = (nibble(a.outer) << 4) | nibble(a.inner);
  const alt = c === 0x44 ? 0x40 : c === 0xaa ? 0xa0 : null;
  return { canonical: c, accepted: a.xs === 0 && alt !== null ? [c, alt] : [c] };
}

const SH_CODE: Record<Share, number> = { NSH: 0, OSH: 2, ISH: 3 };

function hintsKey(h: Hints): string {
  return h.attrs === 'NC' ? 'NC' : `${h.attrs}${h.ra ? '-RA' : ''}${h.wa ? '-WA' : ''}${h.transient ? '-T' : ''}`;
}

function typeKey(a: Attrs): string {
  return a.memtype === 'Device'
    ? `Device-${a.device}`
    : `Normal i=${hintsKey(a.inner)} o=${hintsKey(a.outer)}${a.tagged ? ' Tagged' : ''}`;
}

// ---------------------------------------------------------------------------
// The reference over every permitted choice.

type Sh = 0 | 1 | 2 | 3;
const SH_FIELDS: readonly Sh[] = [0, 1, 2, 3];

interface Input {
  readonly s1: number;
  readonly s1sh: Sh;
  readonly s2: number;
  readonly s2sh: Sh;
  readonly fwb: boolean;
  readonly cd: boolean;
}

interface Field<T> {
  /** null when the permitted outcomes disagree: architecturally open. */
  readonly value: T | null;
}

interface Reference {
  readonly type: Field<string>;
  readonly mair: Field<number> & { readonly accepted: ReadonlySet<number> };
  readonly sh: Field<number>;
  readonly xs: Field<0 | 1>;
  /** Which open choices were in play (for the report). */
  readonly open: readonly string[];
}

/** Every outcome the ASL permits for one input. */
function* outcomes(input: Input): Generator<Attrs> {
  const s1Bytes = s1ResMair(input.s1) ? S1_ALLOCATED : [input.s1];
  const s1Share1 = decodeShareability(input.s1sh);
  const s2Share1 = decodeShareability(input.s2sh);
  const s1Shares = s1Share1 === null ? ALL_SHARE : [s1Share1];
  const s2Shares = s2Share1 === null ? ALL_SHARE : [s2Share1];
  const s2Attrs = !input.fwb && s2ResMemAttr(input.s2) ? S2_ALLOCATED : [input.s2];
  for (const s1Byte of s1Bytes)
    for (const s1Share of s1Shares) {
      const s1Desc = s1DecodeMemAttrs(input.s1, s1Byte, s1Share);
      // AArch64.S1Translate: with stage 2 enabled, the stage-1 Shareability
      // passed on is the descriptor value or, IMPLEMENTATION DEFINED, the
      // effective one (R_NSCNC).
      const s1Eff = { ...s1Desc, sh: effectiveShareability(s1Desc) };
      const s1Choices = s1Eff.sh === s1Desc.sh ? [s1Desc] : [s1Desc, s1Eff];
      for (const s1 of s1Choices)
        for (const s2Share of s2Shares)
          for (const s2Attr of s2Attrs)
            yield input.fwb
              ? s2TreatAsNormalNC(s2ApplyFWBMemAttrs(s1, input.s2, s2Share), input.cd)
              : s2CombineS1MemAttrs(s1, s2TreatAsNormalNC(s2DecodeMemAttrs(s2Attr, s2Share), input.cd));
    }
}

function openChoices(input: Input): string[] {
  const open: string[] = [];
  if (s1ResMair(input.s1)) open.push('S1 reserved MAIR');
  if (input.s1sh === 1) open.push('S1 SH=0b01');
  if (input.s2sh === 1) open.push('S2 SH=0b01');
  if (!input.fwb && s2ResMemAttr(input.s2)) open.push('S2 reserved MemAttr');
  return open;
}

/**
 * Every reserved MAIR byte maps onto the same allocated set and none is
 * attr_in 0xf0, so they share one outcome set: memoised by this key.
 */
const choiceKey = (i: Input) => `${s1ResMair(i.s1) ? 'res' : i.s1}/${i.s1sh}/${i.s2}/${i.s2sh}/${i.fwb}/${i.cd}`;
const referenceMemo = new Map<string, Reference>();
const permitsMemo = new Map<string, boolean>();

function reference(input: Input): Reference {
  const key = choiceKey(input);
  const known = referenceMemo.get(key);
  if (known) return known;
  const computed = referenceOf(input);
  referenceMemo.set(key, computed);
  return computed;
}

function referenceOf(input: Input): Reference {
  let type: string | null | undefined;
  let mair: number | null | undefined;
  let sh: number | null | undefined;
  let xs: 0 | 1 | null | undefined;
  const accepted = new Set<number>();
  let impdefSh = false;
  for (const a of outcomes(input)) {
    const t = typeKey(a);
    const e = encode(a);
    const s = SH_CODE[a.sh];
    type = type === undefined || type === t ? t : null;
    mair = mair === undefined || mair === e.canonical ? e.canonical : null;
    sh = sh === undefined || sh === s ? s : null;
    xs = xs === undefined || xs === a.xs ? a.xs : null;
    for (const b of e.accepted) accepted.add(b);
    if (type === null && mair === null && sh === null) {
      xs = null; // enumeration cut short
      break;
    }
  }
  const open = openChoices(input);
  if (sh === null && open.length === 0) impdefSh = true;
  if (impdefSh) open.push('IMPDEF stage-1 Shareability into stage 2');
  return {
    type: { value: type ?? null },
    mair: { value: mair ?? null, accepted },
    sh: { value: sh ?? null },
    xs: { value: xs ?? null },
    open,
  };
}

/**
 * Whether one permitted outcome matches the engine's (type, mair, sh) all at
 * once: the check applied to architecturally open inputs.
 */
function permits(input: Input, type: string, mair: number, sh: number): boolean {
  const key = `${choiceKey(input)}/${type}/${mair}/${sh}`;
  let known = permitsMemo.get(key);
  if (known === undefined) {
    known = false;
    for (const a of outcomes(input))
      if (typeKey(a) === type && SH_CODE[a.sh] === sh && encode(a).accepted.includes(mair)) {
        known = true;
        break;
      }
    permitsMemo.set(key, known);
  }
  return known;
}

// ---------------------------------------------------------------------------
// The engine's result, reduced to the same keys.

interface EngineHints {
  readonly cacheability: string;
  readonly readAllocate: boolean;
  readonly writeAllocate: boolean;
  readonly transient: boolean;
}
type EngineType =
  | { readonly kind: 'Device'; readonly device: string; readonly xs: boolean }
  | { readonly kind: 'Normal'; readonly inner: EngineHints; readonly outer: EngineHints; readonly tagged: boolean; readonly xs: boolean };

function engineHintsKey(h: EngineHints): string {
  return h.cacheability === 'NC'
    ? 'NC'
    : `${h.cacheability}${h.readAllocate ? '-RA' : ''}${h.writeAllocate ? '-WA' : ''}${h.transient ? '-T' : ''}`;
}

function engineTypeKey(t: EngineType): string {
  return t.kind === 'Device'
    ? `Device-${t.device}`
    : `Normal i=${engineHintsKey(t.inner)} o=${engineHintsKey(t.outer)}${t.tagged ? ' Tagged' : ''}`;
}

// ---------------------------------------------------------------------------

function* wholeSpace(cd: boolean): Generator<Input> {
  for (const fwb of [false, true])
    for (let s1 = 0; s1 < 256; s1++)
      for (const s1sh of SH_FIELDS)
        for (let s2 = 0; s2 < 16; s2++) for (const s2sh of SH_FIELDS) yield { s1, s1sh, s2, s2sh, fwb, cd };
}

const hex = (n: number, w = 2) => `0x${n.toString(16).padStart(w, '0')}`;
const label = (i: Input) =>
  `s1=${hex(i.s1)}/sh${i.s1sh} s2=${hex(i.s2, 1)}/sh${i.s2sh}${i.fwb ? ' fwb' : ''}${i.cd ? ' cd' : ''}`;

/**
 * Run the reference and combine() over the whole space for one HCR_EL2.CD
 * value: strict comparison of each field the architecture fixes, and for
 * architecturally open inputs a check that the engine's answer is one of
 * the permitted outcomes. Returns the disagreement classes and a summary.
 */
function sweep(cd: boolean): { inputs: number; report: string[]; summary: string } {
  let inputs = 0;
  let strictAll = 0; // every field fixed
  let openAny = 0; // at least one field architecturally open
  const openField = { type: 0, mair: 0, sh: 0 };
  const compared = { type: 0, mair: 0, sh: 0 };
  const agreed = { type: 0, mair: 0, sh: 0 };
  const openBy = new Map<string, number>();
  const mismatches = new Map<string, string[]>();
  const note = (cls: string, detail: string) => {
    const list = mismatches.get(cls) ?? [];
    list.push(detail);
    mismatches.set(cls, list);
  };
  let xsDiffers = 0;
  for (const input of wholeSpace(cd)) {
    inputs++;
    const ref = reference(input);
    const r = combine({ s1: input.s1, s2: input.s2, fwb: input.fwb, s1sh: input.s1sh, s2sh: input.s2sh, cd });
    const engineType = engineTypeKey(r.type as EngineType);
    const engineMair = parseInt(r.mairHex, 16);
    const anyOpen = ref.type.value === null || ref.mair.value === null || ref.sh.value === null;
    if (anyOpen) {
      openAny++;
      for (const o of ref.open.length ? ref.open : ['(unattributed)']) openBy.set(o, (openBy.get(o) ?? 0) + 1);
      if (!permits(input, engineType, engineMair, r.sh))
        note('open case outside the permitted outcomes', `${label(input)} -> ${engineType} ${r.mairHex} sh${r.sh}`);
    } else strictAll++;
    if (ref.type.value === null) openField.type++;
    else {
      compared.type++;
      if (engineType === ref.type.value) agreed.type++;
      else note(`type ${ref.type.value} -> engine ${engineType}`, label(input));
    }
    if (ref.mair.value === null) openField.mair++;
    else {
      compared.mair++;
      if (ref.mair.accepted.has(engineMair)) agreed.mair++;
      else note(`mair ${hex(ref.mair.value)} -> engine ${r.mairHex}`, `${label(input)} (${ref.type.value ?? 'open type'})`);
    }
    if (ref.sh.value === null) openField.sh++;
    else {
      compared.sh++;
      if (r.sh === ref.sh.value) agreed.sh++;
      else note(`sh ${ref.sh.value} -> engine ${r.sh}`, `${label(input)} (${ref.type.value ?? 'open type'})`);
    }
    // XS is informative only (either XS encoding is accepted).
    if (ref.xs.value !== null && (r.type as EngineType).xs !== (ref.xs.value === 1)) xsDiffers++;
  }
  const report = [...mismatches].map(([cls, list]) => `${cls}: ${list.length} e.g. ${list.slice(0, 4).join('; ')}`);
  const summary = [
    `HCR_EL2.CD=${cd ? 1 : 0}: inputs ${inputs}; all fields fixed ${strictAll}; architecturally open (some field) ${openAny}`,
    `compared/agreed: type ${compared.type}/${agreed.type}, mair ${compared.mair}/${agreed.mair}, sh ${compared.sh}/${agreed.sh}`,
    `open: type ${openField.type}, mair ${openField.mair}, sh ${openField.sh}`,
    `open by cause: ${[...openBy].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `engine XS attribute differs from the ASL's XS: ${xsDiffers}`,
    `disagreement classes: ${mismatches.size}`,
    ...report.slice(0, 40),
  ].join('\n');
  return { inputs, report, summary };
}

describe('independent ASL reference vs combine() over the whole input space', () => {
  it('agrees on type, MAIR-style byte and shareability wherever the architecture fixes them', { timeout: 60_000 }, () => {
    const { inputs, report, summary } = sweep(false);
    console.info(summary);
    expect(inputs).toBe(2 * 256 * 4 * 16 * 4);
    expect(report.slice(0, 40)).toEqual([]);
  });

  it('agrees with HCR_EL2.CD = 1 as well (AArch64.S2TreatAsNormalNC)', { timeout: 60_000 }, () => {
    const { inputs, report, summary } = sweep(true);
    console.info(summary);
    expect(inputs).toBe(2 * 256 * 4 * 16 * 4);
    expect(report.slice(0, 40)).toEqual([]);
  });

  it('reproduces the anchor cases of the Arm ARM tables and the KVM commit', () => {
    const one = (s1: number, s2: number, fwb = false, s1sh: Sh = 3, s2sh: Sh = 3) => reference({ s1, s1sh, s2, s2sh, fwb, cd: false });
    // Commit message (S2 Normal-NC): S1 WB/WT/NC -> Normal-NC, S1 Device<attr> -> Device<attr>.
    for (const s1 of [0xff, 0xbb, 0x44]) expect(one(s1, 0b0101).mair.value).toBe(0x44);
    expect(one(0x04, 0b0101).type.value).toBe('Device-nGnRE');
    // Table D8-97: the more restrictive Device type wins.
    expect(one(0x0c, 0b0001).type.value).toBe('Device-nGnRE');
    // Table D8-101: FWB 0b110 forces WB even over S1 Device; 0b111 leaves S1's type.
    expect(one(0x04, 0b0110, true).mair.value).toBe(0xff);
    expect(one(0x88, 0b0111, true).mair.value).toBe(0x88);
    // Tagged survives only an iWBoWB result.
    expect(one(0xf0, 0b1111).mair.value).toBe(0xf0);
    expect(one(0xf0, 0b1110).type.value).toBe('Normal i=WT-RA-WA o=WB-RA-WA');
    // EffectiveShareability: Device and iNCoNC are OSH whatever SH says.
    expect(one(0x44, 0b1111, false, 0, 0).sh.value).toBe(2);
    expect(one(0x4f, 0b1111, false, 0, 0).sh.value).toBe(0);
  });
});
