/**
 * Where this engine's answer differs from QEMU's TCG emulation
 * (target/arm/ptw.c: combine_cacheattrs(), combined_attrs_nofwb(),
 * combine_cacheattr_nibble(), combined_attrs_fwb(), convert_stage2_attrs()),
 * and why the Arm ARM (DDI0487 M.a.a) is on our side. Read from QEMU's
 * source, described in our own words. The Reference page "Where QEMU's
 * emulation differs" (src/content/docs/reference/qemu.mdx) shows this list
 * with the engine's own result for each example, so that nobody "verifies"
 * the engine against QEMU and concludes it is wrong.
 */

/** An input where the two disagree, as the CLI's `combine` options spell it. */
export interface QemuExample {
  readonly s1: string;
  readonly s2: string;
  readonly fwb?: boolean;
  readonly cd?: boolean;
}

export interface QemuDifference {
  readonly topic: string;
  readonly examples: readonly QemuExample[];
  /** What the Arm ARM says (starting with the result the engine gives for the examples), and which rule or ASL function. */
  readonly arm: string;
  /** What QEMU computes. */
  readonly qemu: string;
}

export const differencesFromQemu: readonly QemuDifference[] = [
  {
    topic: 'Device type taken from the Normal side',
    examples: [{ s1: 'Device-GRE', s2: 'Normal-NC' }],
    arm: 'Device-GRE: with stage 2 Normal, the result is the stage-1 Device type unchanged (S2CombineS1MemAttrs; the row "Device<attr> -> Device<attr>" of commit c034ec84e879).',
    qemu: 'Device-nGnRE: without FWB, QEMU picks the Device type by comparing the low nibbles of both stages, and the Normal-NC nibble 0b0100 reads as nGnRE; any stage-2 Normal with inner Non-cacheable makes stage-1 nGRE/GRE stricter.',
  },
  {
    topic: 'FWB Device against a stage-1 Device type',
    examples: [{ s1: 'Device-nGnRnE', s2: 'Device-nGnRE', fwb: true }],
    arm: 'Device-nGnRnE: with FWB, a stage-2 Device type is combined with a stage-1 Device type, the more restrictive winning (AArch64.S2ApplyFWBMemAttrs calls S2CombineS1Device; R_GSDKZ).',
    qemu: 'Device-nGnRE: with FWB, QEMU returns the stage-2 Device type and ignores the stage-1 one.',
  },
  {
    topic: 'Transient allocation hint',
    examples: [{ s1: '0x77', s2: 'Normal-WT' }],
    arm: 'Write-Through Transient (0x33): a cacheable result keeps the stage-1 allocation and transient hints (S2CombineS1AttrHints; R_THYXB).',
    qemu: 'Write-Through Non-transient (0xbb): QEMU rebuilds the nibble as non-transient when stage 2 lowers Write-Back to Write-Through (its own comment notes that transient hints are not considered).',
  },
  {
    topic: 'FEAT_XS encodings',
    examples: [
      { s1: '0x40', s2: 'Normal-WB' },
      { s1: '0x01', s2: 'Device-GRE' },
    ],
    arm: 'Normal-NC, Outer Shareable; and Device-nGnRnE: 0x40 and 0xa0 are the XS=0 forms of Normal-NC and Write-Through Read-Allocate, and 0b0000dd01 is Device-dd with XS=0 (S1DecodeMemAttrs).',
    qemu: 'QEMU decodes 0x40/0xa0 as if the inner nibble 0b0000 were an ordinary cache attribute and forces Outer Shareable only for 0x44 (a TODO notes 0x40); a Device byte with bit[0] set is not matched by its nGnRnE/nGnRE/nGRE tests, so it combines as GRE.',
  },
  {
    topic: 'Reserved FWB encodings',
    examples: [{ s1: 'Normal-WB', s2: '0x4', fwb: true }],
    arm: 'Table D8-101 calls MemAttr[2:0] = 0b100 Reserved, but AArch64.S2ApplyFWBMemAttrs computes it like 0b101 (Normal-NC unless stage 1 is Device) and decides the type from MemAttr[2:0] only; we show that value and warn.',
    qemu: 'QEMU maps every FWB value other than 0-3, 5, 6, 7 to Device-nGnRnE.',
  },
  {
    topic: 'HCR_EL2.CD with FWB',
    examples: [{ s1: 'Normal-WB', s2: 'Normal-WB', fwb: true, cd: true }],
    arm: 'Normal-NC: AArch64.S2TreatAsNormalNC makes a Normal stage-2 result Non-cacheable whether or not FWB is enabled.',
    qemu: 'Normal-WB: QEMU applies HCR_EL2.CD only when converting a non-FWB stage-2 attribute.',
  },
];
