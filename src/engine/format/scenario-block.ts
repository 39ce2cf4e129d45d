/**
 * The race report's scenario block: the whole scenario in its own language,
 * indented, between two comment lines, so that the text alone restores the
 * exact state when a mail loses the link (links/paste-text.ts reads it
 * back). Designed for what mail clients do to it:
 *
 * - every line fits 70 columns with the indent, so one level of quoting
 *   stays within 72 (long op lists repeat their directive, as the printer
 *   does);
 * - the title, the only free text, comes last, so it runs from `title` to
 *   the closing comment whatever a client re-wraps or joins: a title cannot
 *   contain `#`, and no other directive's value is a directive's name;
 * - a title too long for one line is folded, at a single space and never
 *   before a word starting with `>` (which unquoting would eat);
 * - the closing line carries the hash of the canonical text (h=, as in the
 *   link), so a text a client changed (a title's spacing, a lost `>`) is
 *   refused rather than restored as something else.
 *
 *       # The scenario, as Paste from email reads it back:
 *       platform soc
 *       ...
 *       title SoC, Normal-NC: stage-2 unmap, then reset controller
 *       # End of the scenario, h=2c3a6b1e as in the link.
 */
import { printScenario } from '../race/language/printer.ts';
import type { Scenario } from '../race/types.ts';
import { textHash } from './text-hash.ts';
import { EMAIL_WIDTH } from './wrap.ts';

export const BLOCK_INDENT = '    ';
export const BLOCK_START = '# The scenario, as Paste from email reads it back:';
const FOLD_INDENT = '  ';

/** The closing line, and how a reader finds it: the hash is the link's `h=`. */
export const blockEnd = (hash: string): string => `# End of the scenario, h=${hash} as in the link.`;
export const BLOCK_END_PREFIX = '# End of the scenario, h=';

/** The hash both the link and the scenario text carry: of the canonical text, as the printer writes it. */
export const scenarioHash = (scenario: Scenario): string => textHash(printScenario(scenario));

/** `title ...` folded at single spaces to `width`; a continuation never starts with `>`. */
function titleLines(title: string, width: number): string[] {
  const words = title.split(/(?<! ) (?! )/);
  const lines: string[] = [];
  let line = 'title';
  words.forEach((word, i) => {
    const breakable = i > 0 && !word.startsWith('>') && line.length + 1 + word.length > width;
    if (breakable) {
      lines.push(line);
      line = FOLD_INDENT + word;
    } else {
      line += ` ${word}`;
    }
  });
  lines.push(line);
  return lines;
}

/** The block's lines, indented, from the opening to the closing comment. */
export function scenarioBlock(scenario: Scenario): string[] {
  const width = EMAIL_WIDTH - BLOCK_INDENT.length;
  const { title, ...rest } = scenario;
  const directives = printScenario(rest, width).trimEnd().split('\n');
  const lines = [BLOCK_START, ...directives, ...(title === undefined ? [] : titleLines(title, width)), blockEnd(scenarioHash(scenario))];
  return lines.map((line) => BLOCK_INDENT + line);
}
