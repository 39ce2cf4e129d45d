/**
 * Ablation and repair as plain text for a mail, after the race report:
 * the sentences that say why, the verdict of every variant, and the
 * smallest fixes. Lines of at most 70 columns.
 */
import type { RaceCheck } from '../race/explore/check.ts';
import { changesVerdict, noFixSentence, setting, type Ablation, type Repair, type VariantResult, type Why } from '../race/explain/index.ts';
import { wrap } from './wrap.ts';

const WIDTH = 70;
const LABEL = 30;

function verdictText(v: VariantResult): string {
  switch (v.verdict) {
    case 'unsafe':
      return `UNSAFE (${v.depth}-step counterexample)`;
    case 'safe':
      return 'SAFE';
    case 'incomplete':
      return 'no verdict (budget ran out)';
    case 'refused':
      return `refused: ${v.error ?? ''}`;
  }
}


/** One variant: its label, then its verdict in a column of its own (wrapped under itself). */
function variantLines(ablation: Ablation, label: string, v: VariantResult): string[] {
  const head = `${changesVerdict(ablation, v) ? '*' : ' '} ${label} `.padEnd(LABEL);
  return wrap(verdictText(v), head, ' '.repeat(LABEL), WIDTH);
}

export function explainText(ablation: Ablation, why: Why): string {
  const lines = ['', 'Why (each op removed, each knob flipped, explored again):', ''];
  if (why.headline !== undefined) lines.push(...wrap(why.headline, '', '', WIDTH), '');
  for (const finding of why.findings) lines.push(...wrap(finding.sentence, '- ', '  ', WIDTH));
  if (why.findings.length > 0) lines.push('');
  lines.push('Variants (* changes the verdict):');
  for (const v of ablation.ops) lines.push(...variantLines(ablation, `without ${v.program} op ${v.index + 1} ${v.op}`, v));
  for (const v of ablation.knobs) lines.push(...variantLines(ablation, `with ${setting(v.knob, v.value)}`, v));
  if (ablation.stopped !== undefined) lines.push(...wrap(`The search ${ablation.stopped === 'budget' ? 'ran out of its state budget' : 'was cancelled'}: variants after that have no verdict.`, '', '', WIDTH));
  return lines.join('\n') + '\n';
}

export function fixText(check: RaceCheck, repair: Repair): string {
  const ops = (n: number): string => `${n} host op${n === 1 ? '' : 's'}`;
  const checked = `${repair.variantsChecked} host program${repair.variantsChecked === 1 ? '' : 's'} checked`;
  const lines = ['', ...wrap(`Smallest fix (up to ${ops(repair.maxOps)} inserted, each one of: ${repair.alphabet.join(', ')}):`, '', '', WIDTH)];
  if (repair.size === 0) {
    lines.push(...wrap('None needed: the scenario is already SAFE.', '  ', '  ', WIDTH));
  } else if (repair.size === null) {
    const why = repair.stopped === undefined ? (noFixSentence(check) ?? '') : 'A larger budget (race --budget N) may find one.';
    const found = repair.stopped === undefined ? `No fix of up to ${ops(repair.maxOps)} makes it SAFE` : `No fix of up to ${ops(repair.maxOps)} found within the budget`;
    lines.push(...wrap(`${found} (${checked}). ${why}`, '  ', '  ', WIDTH));
  } else {
    const ways = repair.fixes.length === 1 ? 'one way' : `${repair.fixes.length} ways`;
    const partial = repair.stopped === undefined ? '' : ', found before the budget ran out (there may be more)';
    lines.push(...wrap(`Inserting ${ops(repair.size)} makes it SAFE, in ${ways} (${checked}${partial}):`, '  ', '  ', WIDTH));
    for (const fix of repair.fixes) lines.push(...wrap(`host ${fix}`, '    ', '      ', WIDTH));
  }
  return lines.join('\n') + '\n';
}
