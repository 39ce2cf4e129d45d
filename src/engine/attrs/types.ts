/**
 * The vocabulary of the combining engine: memory types and shareability as
 * the Arm ARM (DDI0487 M.a.a) defines them, decoded once at the edge from
 * MAIR_ELx attribute bytes and stage-2 MemAttr fields.
 *
 * Plain readonly data and string-literal unions, so that results can be
 * compared structurally, serialised to JSON and rendered by any front end.
 */

/** Device memory types (B2.10.2): G = Gathering, R = Reordering, E = Early write acknowledgement. */
export type DeviceType = 'nGnRnE' | 'nGnRE' | 'nGRE' | 'GRE';

/** Cacheability of one level (inner or outer) of Normal memory (B2.10.1). Ordered NC < WT < WB. */
export type Cacheability = 'NC' | 'WT' | 'WB';

/** Cacheability and the allocation/transient hints of one level of Normal memory. */
export interface CacheAttrs {
  readonly cacheability: Cacheability;
  /** Read-Allocate hint (meaningful only for WT/WB). */
  readonly readAllocate: boolean;
  /** Write-Allocate hint (meaningful only for WT/WB). */
  readonly writeAllocate: boolean;
  /** Transient hint (meaningful only for WT/WB). */
  readonly transient: boolean;
}

export interface DeviceMemType {
  readonly kind: 'Device';
  readonly device: DeviceType;
  /** FEAT_XS: the XS attribute; false only for the XS=0 encodings. */
  readonly xs: boolean;
}

export interface NormalMemType {
  readonly kind: 'Normal';
  readonly inner: CacheAttrs;
  readonly outer: CacheAttrs;
  /** Normal Inner/Outer Write-Back Tagged (FEAT_MTE2), MAIR 0xf0. */
  readonly tagged: boolean;
  /** FEAT_XS: the XS attribute; false only for the XS=0 encodings. */
  readonly xs: boolean;
}

export type MemType = DeviceMemType | NormalMemType;

/** The SH[1:0] field as encoded in a descriptor: 0b00 Non-shareable, 0b01 reserved, 0b10 Outer, 0b11 Inner Shareable. */
export type ShEncoding = 0 | 1 | 2 | 3;

/**
 * Shareability after decoding (the ASL `Shareability` enumeration). The
 * reserved encoding SH=0b01 never reaches this type: decoding maps it (see
 * decodeShareability in shareability.ts).
 */
export type Shareability = 'NSH' | 'ISH' | 'OSH';

/** A combined or decoded SH[1:0] value; 0b01 is reserved and never produced. */
export type ShResult = 0 | 2 | 3;

/** What the Arm ARM allows where an encoding is reserved (K1.2.19), and the choice this engine makes. */
export interface ReservedNote {
  /** What the architecture says about the encoding, in one sentence. */
  readonly what: string;
  /** What an implementation may do instead (the CONSTRAINED UNPREDICTABLE range). */
  readonly allowed: string;
  /** The value this engine computes with, and why. */
  readonly chosen: string;
}

/** A decoded stage-1 MAIR_ELx attribute byte (S1DecodeMemAttrs). */
export interface S1Decoding {
  readonly byte: number;
  /** Two-digit lowercase hex, e.g. `0x44`. */
  readonly hex: string;
  readonly memType: MemType;
  /** Short canonical name (memTypeName), e.g. `Normal-NC`. */
  readonly name: string;
  /** The attributes spelled out for a reader. */
  readonly description: string;
  /** Null unless the encoding is reserved. */
  readonly reserved: ReservedNote | null;
  readonly warnings: readonly string[];
  /** Linux names that produce this byte (MAIR_ATTR_*, MT_*, pgprot_*(), ioremap*()). */
  readonly linux: readonly string[];
}

/**
 * What a stage-2 MemAttr[3:0] asks for. Without FWB it is a memory type that
 * gets combined with stage 1; with FWB some encodings force a result or defer
 * to stage 1.
 */
export type S2Effect =
  | 'device' // a Device type, combined with stage 1 (both FWB settings)
  | 'normal' // FWB off: Normal with inner/outer cacheability, combined with stage 1
  | 'fwb-nc' // FWB on: Normal Non-cacheable unless stage 1 is Device
  | 'fwb-wb' // FWB on: Normal Write-Back, even over a stage-1 Device type
  | 'fwb-as-s1'; // FWB on: the stage-1 attributes unchanged

/** A decoded stage-2 MemAttr[3:0] (S2DecodeMemAttrs without FWB, AArch64.S2ApplyFWBMemAttrs with it). */
export interface S2Decoding {
  readonly memAttr: number;
  /** `0xN`, e.g. `0x5`. */
  readonly hex: string;
  readonly fwb: boolean;
  readonly effect: S2Effect;
  /** The memory type stage 2 asks for; null for `fwb-as-s1`, which has none of its own. */
  readonly memType: MemType | null;
  readonly name: string;
  readonly description: string;
  readonly reserved: ReservedNote | null;
  readonly warnings: readonly string[];
  /** Linux names for this encoding (MT_S2_*, MT_S2_FWB_*, KVM_PGTABLE_PROT_*). */
  readonly linux: readonly string[];
}

export interface CombineInput {
  /** MAIR_ELx attribute byte, 0x00..0xff. */
  readonly s1: number;
  /** Stage-2 descriptor MemAttr[3:0], 0x0..0xf. */
  readonly s2: number;
  /** HCR_EL2.FWB (FEAT_S2FWB). */
  readonly fwb: boolean;
  readonly s1sh: ShEncoding;
  readonly s2sh: ShEncoding;
  /** HCR_EL2.CD: stage-2 Normal memory treated as Non-cacheable for data accesses. Default false. */
  readonly cd?: boolean;
}

/** The properties a memory type gives accesses (B2.10.1 Normal memory, B2.10.2 Device memory). */
export interface AccessProperties {
  /** Accesses may be merged or split (G; always for Normal). */
  readonly gathering: boolean;
  /** Accesses to one peripheral may arrive out of program order (R; always for Normal). */
  readonly reordering: boolean;
  /** A write may be acknowledged before it reaches its endpoint (E; always for Normal). */
  readonly earlyWriteAck: boolean;
  /** Reads may happen speculatively (Normal only). */
  readonly speculativeReads: boolean;
  /**
   * Unaligned accesses are guaranteed not to fault because of the memory
   * type (Normal only). For Device they fault where the location cannot
   * support them, and are IMPLEMENTATION DEFINED where it can (B2.10.2).
   */
  readonly unalignedAccess: boolean;
  /** Inner or outer cacheability is Write-Through or Write-Back. */
  readonly cacheable: boolean;
}

/** Who decided the combined memory type. */
export type DecidedBy = 's1' | 's2' | 'both' | 'hcr';

/** Identifiers of the combining rules (rules.ts). */
export type RuleId =
  | 'device-device'
  | 's1-device'
  | 's2-device'
  | 'normal-normal'
  | 's2-imposes-nothing'
  | 'fwb-device'
  | 'fwb-as-s1'
  | 'fwb-force-wb'
  | 'fwb-nc'
  | 'fwb-nc-keeps-s1-device'
  | 'cd-forces-nc';

/** A combining rule as data, so every front end explains from one source. */
export interface Rule {
  readonly id: RuleId;
  /** One sentence. */
  readonly text: string;
  /** Arm ARM (DDI0487 M.a.a) section number and name. */
  readonly section: string;
  /** The ASL function that implements it. */
  readonly asl: string;
  /** Arm ARM rule identifiers (R_xxxxx, I_xxxxx) stating it, where the Markdown copy shows them. */
  readonly ruleIds: readonly string[];
}

export interface LinuxNames {
  readonly s1: readonly string[];
  readonly s2: readonly string[];
  readonly result: readonly string[];
}

export interface CombineResult {
  readonly input: Required<CombineInput>;
  readonly s1: S1Decoding;
  readonly s2: S2Decoding;
  readonly type: MemType;
  /** memTypeName(type). */
  readonly typeName: string;
  /** Combined SH[1:0] encoding after EffectiveShareability. */
  readonly sh: ShResult;
  /** The combined attributes as a MAIR-style byte, FEAT_XS XS=1 form (0xf0 when Tagged). */
  readonly mair: number;
  /** Two-digit lowercase hex of `mair`. */
  readonly mairHex: string;
  /** What PAR_EL1.ATTR would report (EncodePARAttrs): differs from `mair` only for XS=0 results. */
  readonly parAttr: number;
  readonly properties: AccessProperties;
  readonly rule: Rule;
  readonly decidedBy: DecidedBy;
  readonly warnings: readonly string[];
  readonly linux: LinuxNames;
}
