/**
 * A combined result as email-ready plain text (at most 70 columns): what
 * each stage asked for, the result, the rule that decided it with its Arm
 * ARM section, the access properties, the Linux names and the warnings.
 */
import type { CombineResult, S2Decoding, ShEncoding, ShResult } from '../attrs/types.ts';
import { describeMemType } from '../attrs/memtype.ts';
import { SHAREABILITY_RULE } from '../attrs/rules.ts';
import { field, wrap } from './wrap.ts';

export const SH_WORDS: Readonly<Record<ShEncoding, string>> = { 0: 'Non-shareable', 1: 'reserved', 2: 'Outer Shareable', 3: 'Inner Shareable' };

/** `SH=0b11 (Inner Shareable)`. */
export function sh(value: ShEncoding | ShResult): string {
  return `SH=0b${value.toString(2).padStart(2, '0')} (${SH_WORDS[value]})`;
}

function names(list: readonly string[]): string {
  return list.length === 0 ? '' : `; Linux: ${list.join(', ')}`;
}

function stage2(s2: S2Decoding): string {
  return `${s2.hex} ${s2.name}, FWB ${s2.fwb ? 'on' : 'off'}: ${s2.description}`;
}

const yes = (flag: boolean): string => (flag ? 'yes' : 'no');

/** Render one combination for a terminal or a mail body. */
export function combineText(r: CombineResult): string {
  const p = r.properties;
  const decided = { s1: 'stage 1', s2: 'stage 2', both: 'both stages', hcr: 'HCR_EL2.CD' }[r.decidedBy];
  const lines = [
    ...field('Stage 1', `${r.s1.hex} ${r.s1.name}: ${r.s1.description}, ${sh(r.input.s1sh)}${names(r.s1.linux)}`),
    ...field('Stage 2', `${stage2(r.s2)}; ${sh(r.input.s2sh)}${names(r.s2.linux)}`),
    ...(r.input.cd ? field('HCR_EL2.CD', '1 (stage-2 Normal memory is Non-cacheable)') : []),
    '',
    ...field('Result', `${r.typeName}, MAIR-style ${r.mairHex}, ${sh(r.sh)}`),
    ...field('', describeMemType(r.type)),
    ...field('Decided by', decided),
    ...field('Rule', `${r.rule.text} [Arm ARM ${r.rule.section}; ${r.rule.asl}${r.rule.ruleIds.length ? `; ${r.rule.ruleIds.join(', ')}` : ''}]`),
    ...field('Shareability', `${SHAREABILITY_RULE.text} [Arm ARM ${SHAREABILITY_RULE.section}]`),
    ...field(
      'Properties',
      `gathering ${yes(p.gathering)}, reordering ${yes(p.reordering)}, early write ack ${yes(p.earlyWriteAck)}, speculative reads ${yes(p.speculativeReads)}, unaligned access ${p.unalignedAccess ? 'yes' : 'may fault'}, cacheable ${yes(p.cacheable)}`,
    ),
    ...field('Linux', r.linux.result.length ? r.linux.result.join(', ') : '(no Linux name)'),
  ];
  if (r.warnings.length === 0) lines.push(...field('Warnings', 'none'));
  else r.warnings.forEach((w, i) => lines.push(...(i === 0 ? field('Warnings', `- ${w}`) : wrap(`- ${w}`, ' '.repeat(14), ' '.repeat(16)))));
  return lines.join('\n') + '\n';
}
