/**
 * Commit citations in text, held to the one commits table
 * (src/engine/kvm/kernel-commits.ts): the `{commit('<sha12>')}` expression
 * of the MDX sources, and `commit <id> ("subject")` references as the
 * kernel document and the site's pages write them.
 */
import { COMMITS_TABLE, findCommit } from '../engine/kvm/kernel-commits.ts';

/** The commit id an inline MDX expression `{commit('c034ec84e879')}` names, or undefined for any other expression. */
export function commitOfExpression(expression: string): string | undefined {
  return /^\s*commit\(\s*(['"])([0-9a-f]{12})\1\s*\)\s*$/.exec(expression)?.[2];
}

export interface CitedCommit {
  readonly sha: string;
  /** Undefined where the text names the commit without a subject. */
  readonly subject: string | undefined;
  /** 1-based line of the word `commit`. */
  readonly line: number;
}

/**
 * Every `commit <id>` in a text, with the `("subject")` that follows it if
 * any. Line breaks and indentation inside a reference count as one space,
 * since filled text wraps subjects across lines.
 */
export function citedCommits(text: string): CitedCommit[] {
  const cited: CitedCommit[] = [];
  for (const match of text.matchAll(/\bcommit\s+([0-9a-f]{7,40})\b(?:\s+\("((?:[^"]|"(?!\)))*)"\))?/g)) {
    const [, sha = '', subject] = match;
    const line = text.slice(0, match.index).split('\n').length;
    cited.push({ sha, subject: subject?.replace(/\s+/g, ' '), line });
  }
  return cited;
}

export interface CitationRules {
  /** A reference must carry its `("subject")` (the kernel document); the site may name a commit without one. */
  readonly requireSubject: boolean;
  /** Every cited commit must be in the table (the kernel document); the site also cites others. */
  readonly requireKnown: boolean;
}

/**
 * What is wrong with each commit reference in `text`: a subject other than
 * the table's, and, as `rules` ask, an id that is not 12 digits or not in
 * the table, or a missing subject.
 */
export function commitProblems(text: string, { requireSubject, requireKnown }: CitationRules): string[] {
  return citedCommits(text).flatMap(({ sha, subject, line }) => {
    const known = findCommit(sha.slice(0, 12));
    if (requireKnown && sha.length !== 12) return [`line ${line}: commit ${sha} should be cited by its first 12 hex digits`];
    if (known === undefined) {
      return requireKnown ? [`line ${line}: commit ${sha} is not in the commits table (${COMMITS_TABLE})`] : [];
    }
    if (subject === undefined) return requireSubject ? [`line ${line}: commit ${sha} is cited without its subject ("${known.subject}")`] : [];
    if (subject !== known.subject) return [`line ${line}: commit ${sha} has the subject "${known.subject}", not "${subject}"`];
    return [];
  });
}
