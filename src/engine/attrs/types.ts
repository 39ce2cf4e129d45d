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
