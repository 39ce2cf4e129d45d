/**
 * Stage-2 combining, without and with FEAT_S2FWB: which type an access
 * gets for a stage-1 attribute byte over a stage-2 MemAttr value (DDI0487
 * M.a.a, D8.6.5 and D8.6.6). The answer and the rule that decided it are
 * the combining engine's; the link opens the combining playground on the
 * same three inputs.
 */
import { combine, decodeS1, decodeS2, hexByte, hexNibble } from '../attrs/index.ts';
import { COMBINE_DEFAULTS, combineLink } from '../links/combine-query.ts';
import { newAt, type ByLevel, type ChoiceInstance, type PoseContext } from './instance.ts';
import { TYPE_CHOICES } from './type-choices.ts';

export type CombineFamily = 'nofwb' | 'fwb';

export interface CombineState {
  readonly s1: number;
  readonly s2: number;
  readonly fwb: boolean;
}

/** Stage 1: the bytes Linux programs, then Device-GRE and Normal-WT, then Device-nGRE. */
const S1: ByLevel<number> = [[0x00, 0x04, 0x44, 0xff], [0x0c, 0xbb], [0x08]];
/** Stage 2: the values KVM installs first (arch/arm64/include/asm/memory.h), then other types of the same encoding. */
const S2: Readonly<Record<CombineFamily, ByLevel<number>>> = {
  nofwb: [[0x1, 0x5, 0xf], [0x0, 0x3], [0x2, 0xa]],
  fwb: [[0x1, 0x5, 0x6], [0x0, 0x3, 0x7], [0x2]],
};

export const combineKey = (state: CombineState): string => `${hexByte(state.s1)} ${hexNibble(state.s2)} ${state.fwb ? 'fwb' : 'nofwb'}`;

export function combinePool(family: CombineFamily, level: number): CombineState[] {
  const fwb = family === 'fwb';
  return newAt<{ s1: number; s2: number; fwb: boolean }>({ s1: S1, s2: S2[family], fwb: [[fwb], [], []] }, level, combineKey);
}

export function poseCombine(state: CombineState, ctx: PoseContext): ChoiceInstance {
  const input = { ...COMBINE_DEFAULTS, ...state };
  const result = combine(input);
  const s1 = decodeS1(state.s1);
  const s2 = decodeS2(state.s2, state.fwb);
  return {
    kind: 'combine',
    key: combineKey(state),
    question: 'Which memory type does a guest access get?',
    facts: [
      { label: 'Stage 1 (MAIR byte)', value: `\`${s1.hex}\` (${s1.name})` },
      { label: 'Stage 2 (MemAttr)', value: `\`${s2.hex}\` (${s2.name})` },
      { label: 'FEAT_S2FWB', value: state.fwb ? 'on' : 'off' },
    ],
    choices: TYPE_CHOICES,
    answer: result.typeName,
    because: `${result.rule.text} (DDI0487 M.a.a, ${result.rule.section})`,
    ...(result.warnings.length > 0 ? { notes: result.warnings } : {}),
    link: combineLink(ctx.site, input),
  };
}
