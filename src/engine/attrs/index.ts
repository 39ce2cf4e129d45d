/**
 * The memory-attribute engine's public API: decoding stage-1 and stage-2
 * encodings, combining them as the Arm ARM (DDI0487 M.a.a) does, and the
 * Linux names for all of it. Everything returned is plain JSON-serialisable data.
 */
export type * from './types.ts';
export { decodeS1 } from './decode-s1.ts';
export { decodeS2 } from './decode-s2.ts';
export { combine } from './combine.ts';
export { accessProperties } from './properties.ts';
export { RULES, SHAREABILITY_RULE } from './rules.ts';
export { AttrInputError, parseS1, parseS2, S1_NAMES, S2_NAMES, S2_FWB_NAMES } from './parse.ts';
export { describeMemType, hexByte, hexNibble, memTypeName } from './memtype.ts';
export { combineMatrix, matrixRows, type CombineMatrix, type MatrixAxis } from './matrix.ts';
export { differencesFromQemu, type QemuDifference, type QemuExample } from './qemu.ts';
export { reservedShareability } from './shareability.ts';
