/**
 * The combining rules as data: one sentence each, with the Arm ARM
 * (DDI0487 M.a.a) section, the ASL function and the rule identifiers, so the
 * CLI, the widgets and the ReST export explain a result from one source.
 * Rule identifiers are given only where the Markdown copy of the Arm ARM
 * places them unambiguously next to the statement.
 */
import type { Rule, RuleId } from './types.ts';

const NO_FWB_TYPE = 'D8.6.5.1 Combining stage 1 and stage 2 memory type attributes (Table D8-97)';
const NO_FWB_CACHE = 'D8.6.5.2 Combining stage 1 and stage 2 Cacheability attributes for Normal memory (Table D8-98)';
const FWB = 'D8.6.6 Stage 2 memory type and Cacheability attributes when FWB is enabled (Tables D8-100, D8-101)';

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'device-device': {
    id: 'device-device',
    text: 'Both stages give Device, so the result is the more restrictive Device type: nG over G, nR over R, nE over E.',
    section: NO_FWB_TYPE,
    asl: 'S2CombineS1Device',
    ruleIds: ['R_QPHXK'],
  },
  's1-device': {
    id: 's1-device',
    text: 'Device has precedence over Normal: stage 1 gives Device, so the result is the stage-1 Device type.',
    section: NO_FWB_TYPE,
    asl: 'S2CombineS1MemAttrs',
    ruleIds: ['R_QPHXK'],
  },
  's2-device': {
    id: 's2-device',
    text: 'Device has precedence over Normal: stage 2 gives Device, so the result is the stage-2 Device type.',
    section: NO_FWB_TYPE,
    asl: 'S2CombineS1MemAttrs',
    ruleIds: ['R_QPHXK'],
  },
  'normal-normal': {
    id: 'normal-normal',
    text: 'Both stages give Normal, so inner and outer cacheability are each the less cacheable of the two (NC, then WT, then WB), with stage-1 allocation hints.',
    section: NO_FWB_CACHE,
    asl: 'S2CombineS1AttrHints',
    ruleIds: ['R_QPHXK'],
  },
  's2-imposes-nothing': {
    id: 's2-imposes-nothing',
    text: 'Stage-2 MemAttr 0b1111 (Normal Write-Back) imposes nothing, so the result is the stage-1 memory type and cacheability.',
    section: NO_FWB_CACHE,
    asl: 'S2CombineS1MemAttrs',
    ruleIds: ['I_MCQKW'],
  },
  'fwb-device': {
    id: 'fwb-device',
    text: 'With FWB, MemAttr[2] = 0 gives Device: the more restrictive of it and a stage-1 Device type, and a stage-1 Normal type becomes Device.',
    section: FWB,
    asl: 'AArch64.S2ApplyFWBMemAttrs, S2CombineS1Device',
    ruleIds: ['R_RHWZM', 'R_GSDKZ'],
  },
  'fwb-as-s1': {
    id: 'fwb-as-s1',
    text: 'With FWB, MemAttr[2:0] = 0b111 leaves the stage-1 attributes unchanged.',
    section: FWB,
    asl: 'AArch64.S2ApplyFWBMemAttrs',
    ruleIds: ['R_RHWZM'],
  },
  'fwb-force-wb': {
    id: 'fwb-force-wb',
    text: 'With FWB, MemAttr[2:0] = 0b110 forces Normal Write-Back, even over a stage-1 Device type, with stage-1 allocation hints where stage 1 is cacheable.',
    section: FWB,
    asl: 'AArch64.S2ApplyFWBMemAttrs',
    ruleIds: ['R_RHWZM', 'R_THYXB', 'R_TBQKG'],
  },
  'fwb-nc': {
    id: 'fwb-nc',
    text: 'With FWB, MemAttr[2:0] = 0b101 turns any stage-1 Normal type into Normal Non-cacheable.',
    section: FWB,
    asl: 'AArch64.S2ApplyFWBMemAttrs',
    ruleIds: ['R_RHWZM'],
  },
  'fwb-nc-keeps-s1-device': {
    id: 'fwb-nc-keeps-s1-device',
    text: 'With FWB, MemAttr[2:0] = 0b101 keeps a stage-1 Device type unchanged.',
    section: FWB,
    asl: 'AArch64.S2ApplyFWBMemAttrs',
    ruleIds: ['R_RHWZM'],
  },
  'cd-forces-nc': {
    id: 'cd-forces-nc',
    text: 'HCR_EL2.CD = 1 makes stage-2 Normal memory Non-cacheable for data accesses, so the result is Normal Non-cacheable.',
    section: 'D8.6 Memory region attributes (HCR_EL2.{CD, DC} override stage 2)',
    asl: 'AArch64.S2TreatAsNormalNC, NormalNCMemAttr',
    ruleIds: [],
  },
};

/** Shareability combining, cited by the shareability line of every explanation. */
export const SHAREABILITY_RULE = {
  text: 'Device and Normal Inner/Outer Non-cacheable results are Outer Shareable; otherwise the more shareable stage wins.',
  section: 'D8.6.7.1 Combining the stage 1 and stage 2 Shareability attributes for Normal memory (Table D8-103)',
  asl: 'S2CombineS1Shareability, EffectiveShareability',
  ruleIds: ['R_PYFVQ', 'R_YHCTP'],
} as const;
