/**
 * Building, naming and describing memory types (MemType). The names are the
 * ones kernel developers use in mail (`Device-nGnRE`, `Normal-NC`); anything
 * without a short name gets a descriptive one that still fits a table cell.
 */
import type { CacheAttrs, Cacheability, DeviceType, MemType, NormalMemType } from './types.ts';

/** One level of Normal Non-cacheable memory: no allocation or transient hints (they apply only to cacheable memory). */
export const NON_CACHEABLE: CacheAttrs = { cacheability: 'NC', readAllocate: false, writeAllocate: false, transient: false };

/** Write-Back or Write-Through, Read-Allocate, Write-Allocate, Non-transient: what Linux's MAIR values use. */
export function allocating(cacheability: Cacheability): CacheAttrs {
  return { cacheability, readAllocate: true, writeAllocate: true, transient: false };
}

export function device(type: DeviceType, xs = true): MemType {
  return { kind: 'Device', device: type, xs };
}

export function normal(inner: CacheAttrs, outer: CacheAttrs, xs: boolean, tagged = false): NormalMemType {
  return { kind: 'Normal', inner, outer, tagged, xs };
}

/** Two-digit lowercase hex, the form MAIR values are written in (`0x04`). */
export function hexByte(value: number): string {
  return `0x${value.toString(16).padStart(2, '0')}`;
}

/** One hex digit, the form stage-2 MemAttr values are written in (`0x5`). */
export function hexNibble(value: number): string {
  return `0x${value.toString(16)}`;
}

function sameLevel(a: CacheAttrs, b: CacheAttrs): boolean {
  return (
    a.cacheability === b.cacheability &&
    a.readAllocate === b.readAllocate &&
    a.writeAllocate === b.writeAllocate &&
    a.transient === b.transient
  );
}

/** Same memory type and attributes, XS included. */
export function sameMemType(a: MemType, b: MemType): boolean {
  if (a.kind === 'Device' || b.kind === 'Device') {
    return a.kind === 'Device' && b.kind === 'Device' && a.device === b.device && a.xs === b.xs;
  }
  return sameLevel(a.inner, b.inner) && sameLevel(a.outer, b.outer) && a.tagged === b.tagged && a.xs === b.xs;
}

function hints(level: CacheAttrs): string {
  const alloc = `${level.readAllocate ? 'R' : ''}${level.writeAllocate ? 'W' : ''}`;
  return alloc === '' ? 'nA' : `${alloc}A`;
}

/** `WB-RWA`, `WT-RA-T` (transient), `NC`. */
function levelName(level: CacheAttrs): string {
  if (level.cacheability === 'NC') return 'NC';
  return `${level.cacheability}-${hints(level)}${level.transient ? '-T' : ''}`;
}

const canonical = (level: CacheAttrs): boolean => sameLevel(level, allocating(level.cacheability));

/**
 * Canonical short names: `Device-<G/R/E>`, `Normal-NC` (inner and outer
 * Non-cacheable), `Normal-WT`/`Normal-WB` (both levels, Read/Write-Allocate,
 * Non-transient, as Linux programs them), `Normal-WB-Tagged`; otherwise
 * `Normal i<inner> o<outer>`, e.g. `Normal iWT-RA oWB-RWA`, with `-T` for a
 * transient hint and `Tagged` appended. XS is not part of the name.
 */
export function memTypeName(t: MemType): string {
  if (t.kind === 'Device') return `Device-${t.device}`;
  const { inner, outer } = t;
  if (inner.cacheability === 'NC' && outer.cacheability === 'NC') return 'Normal-NC';
  if (sameLevel(inner, outer) && canonical(inner)) return `Normal-${inner.cacheability}${t.tagged ? '-Tagged' : ''}`;
  return `Normal i${levelName(inner)} o${levelName(outer)}${t.tagged ? ' Tagged' : ''}`;
}

const deviceWords: Record<DeviceType, string> = {
  nGnRnE: 'non-Gathering, non-Reordering, no Early write acknowledgement',
  nGnRE: 'non-Gathering, non-Reordering, Early write acknowledgement',
  nGRE: 'non-Gathering, Reordering, Early write acknowledgement',
  GRE: 'Gathering, Reordering, Early write acknowledgement',
};

const cacheWords: Record<Cacheability, string> = { NC: 'Non-cacheable', WT: 'Write-Through', WB: 'Write-Back' };

function describeLevel(level: CacheAttrs): string {
  if (level.cacheability === 'NC') return cacheWords.NC;
  const ra = level.readAllocate ? 'Read-Allocate' : 'no Read-Allocate';
  const wa = level.writeAllocate ? 'Write-Allocate' : 'no Write-Allocate';
  return `${cacheWords[level.cacheability]} (${ra}, ${wa}, ${level.transient ? 'Transient' : 'Non-transient'})`;
}

/** The attributes spelled out, for a reader who does not know the abbreviations. */
export function describeMemType(t: MemType): string {
  const xs = `XS=${t.xs ? 1 : 0}`;
  if (t.kind === 'Device') return `Device-${t.device}: ${deviceWords[t.device]}; ${xs}`;
  const tagged = t.tagged ? ', Allocation Tagged (MTE)' : '';
  return `Normal${tagged}: Inner ${describeLevel(t.inner)}, Outer ${describeLevel(t.outer)}; ${xs}`;
}
