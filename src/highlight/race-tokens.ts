/**
 * The scenario grammar (race-grammar.ts) run over one line in the browser,
 * for the scenario editor: the same patterns, scopes and order that shiki
 * applies at build time, so the page's code blocks and the editor colour a
 * scenario alike from one definition. A TextMate grammar's rule for a line
 * of this flat kind: at each position the pattern that matches earliest
 * wins, the first listed on a tie; a pattern with captures gives each
 * capture its scope; text no pattern matches has none.
 */
import { raceGrammar } from './race-grammar.ts';

export interface ScopedToken {
  readonly from: number;
  readonly to: number;
  /** The TextMate scope, e.g. `keyword.control.directive.race`. */
  readonly scope: string;
}

interface Pattern {
  readonly regex: RegExp;
  readonly name?: string;
  readonly captures?: Readonly<Record<number, string>>;
}

const PATTERNS: readonly Pattern[] = (raceGrammar.patterns ?? []).map((p) => ({
  // `d`: capture positions; `g`: search from a position.
  regex: new RegExp(p.match ?? '(?!)', 'dg'),
  ...(p.name === undefined ? {} : { name: p.name }),
  ...(p.captures === undefined ? {} : { captures: Object.fromEntries(Object.entries(p.captures).map(([k, v]) => [Number(k), v.name ?? ''])) }),
}));

export function scopeTokens(line: string): ScopedToken[] {
  const tokens: ScopedToken[] = [];
  for (let at = 0; at < line.length; ) {
    let best: { match: RegExpExecArray; pattern: Pattern } | undefined;
    for (const pattern of PATTERNS) {
      pattern.regex.lastIndex = at;
      const match = pattern.regex.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { match, pattern };
    }
    if (!best) break;
    const { match, pattern } = best;
    const end = match.index + match[0].length;
    if (pattern.captures) {
      for (const [group, scope] of Object.entries(pattern.captures)) {
        const span = match.indices?.[Number(group)];
        if (span && span[1] > span[0]) tokens.push({ from: span[0], to: span[1], scope });
      }
    } else if (pattern.name && end > match.index) {
      tokens.push({ from: match.index, to: end, scope: pattern.name });
    }
    at = Math.max(end, at + 1);
  }
  return tokens;
}
