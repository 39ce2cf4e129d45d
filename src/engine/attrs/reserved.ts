/**
 * What the Arm ARM allows for a reserved encoding, stated once.
 * DDI0487 M.a.a K1.2.19 "Reserved values in System and memory-mapped
 * registers and translation table entries".
 */
export const RESERVED_ALLOWED =
  'An implementation may treat a reserved value as any allocated value, as a combination of allocated values, or as having no effect (K1.2.19).';

/** The short form, for warnings: the full story is in the decoding's ReservedNote. */
export const MAY_DIFFER = 'an implementation may differ, K1.2.19';
