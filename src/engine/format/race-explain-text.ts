/**
 * Ablation and repair as plain text for a mail, after the race report:
 * the sentences that say why, the verdict of every variant, and the
 * smallest fixes, in lines of at most 70 columns. The race explorer's
 * Why and Smallest fix panels show the same words (variantLabel,
 * variantVerdict, fixSummary).
 */
import type { RaceCheck } from '../race/explore/check.ts';
import { changesVerdict, noFixSentence, setting, type Ablation, type KnobVariant, type OpVariant, type Repair, type VariantResult, type Why } from '../race/explain/index.ts';
import { wrap } from './wrap.ts';

const WIDTH = 70;
const LABEL = 30;

/** A variant as the list names it: `without host op 2 read 0x0`, `with np-pushes=no`. */
export function variantLabel(v: OpVariant | KnobVariant): string {
  return 'knob' in v ? `with ${setting(v.knob, v.value)}` : `without ${v.program} op ${v.index + 1} ${v.op}`;
}

export function variantVerdict(v: VariantResult): string {
  switch (v.verdict) {
    case 'unsafe':
      return `UNSAFE (${v.depth}-step counterexample)`;
    case 'safe':
      return 'SAFE';
    case 'incomplete':
      return 'no verdict (the budget ran out)';
    case 'refused':
      return `refused: ${v.error ?? ''}`;
  }
}

/** One variant: a mark when it changes the verdict, its label, then its verdict in a column of its own. */
function variantLines(ablation: Ablation, v: OpVariant | KnobVariant): string[] {
  const head = `${changesVerdict(ablation, v) ? '*' : ' '} ${variantLabel(v)} `.padEnd(LABEL);
  return wrap(variantVerdict(v), head, ' '.repeat(LABEL), WIDTH);
}

/** What stopped a search early, if anything did. */
export function stoppedText(stopped: 'budget' | 'cancelled' | undefined): string | undefined {
  if (stopped === undefined) return undefined;
  return stopped === 'budget' ? 'The search ran out of its state budget: variants after that have no verdict.' : 'The search was cancelled: variants after that have no verdict.';
}

export function explainText(ablation: Ablation, why: Why): string {
  const lines = ['', 'Why (each op removed, each knob flipped, explored again):', ''];
  if (why.headline !== undefined) lines.push(...wrap(why.headline, '', '', WIDTH), '');
  for (const finding of why.findings) lines.push(...wrap(finding.sentence, '- ', '  ', WIDTH));
  if (why.findings.length > 0) lines.push('');
  lines.push('Variants (* changes the verdict):');
  for (const v of [...ablation.ops, ...ablation.knobs]) lines.push(...variantLines(ablation, v));
  const stopped = stoppedText(ablation.stopped);
  if (stopped !== undefined) lines.push(...wrap(stopped, '', '', WIDTH));
  return lines.join('\n') + '\n';
}

const hostOps = (n: number): string => `${n} host op${n === 1 ? '' : 's'}`;

/** What the search for a fix tried. */
export function fixSearch(repair: Repair): string {
  return `up to ${hostOps(repair.maxOps)} inserted, each one of: ${repair.alphabet.join(', ')}`;
}

/** What it found, or why nothing. */
export function fixSummary(check: RaceCheck, repair: Repair): string {
  const checked = `${repair.variantsChecked} host program${repair.variantsChecked === 1 ? '' : 's'} checked`;
  if (repair.size === 0) return 'None needed: the scenario is already SAFE.';
  if (repair.size === null) {
    if (repair.stopped !== undefined) return `No fix of up to ${hostOps(repair.maxOps)} found within the budget (${checked}); a larger budget may find one.`;
    const why = noFixSentence(check);
    return `No fix of up to ${hostOps(repair.maxOps)} makes it SAFE (${checked}).${why === undefined ? '' : ` ${why}`}`;
  }
  const ways = repair.fixes.length === 1 ? 'one way' : `${repair.fixes.length} ways`;
  const partial = repair.stopped === undefined ? '' : ', found before the budget ran out: there may be more';
  return `Inserting ${hostOps(repair.size)} makes it SAFE, in ${ways} (${checked}${partial}):`;
}

export function fixText(check: RaceCheck, repair: Repair): string {
  const lines = ['', ...wrap(`Smallest fix (${fixSearch(repair)}):`, '', '', WIDTH), ...wrap(fixSummary(check, repair), '  ', '  ', WIDTH)];
  for (const fix of repair.fixes) lines.push(...wrap(`host ${fix}`, '    ', '      ', WIDTH));
  return lines.join('\n') + '\n';
}
