/**
 * The kernel's rules for a Documentation/ file and for a patch, as far as
 * they can be checked offline. Each check returns one line per problem,
 * saying what and where; an empty list means the text passes. The rules
 * come from Documentation/doc-guide/sphinx.rst (heading adornments,
 * simple tables, commit references), Documentation/process/license-rules.rst
 * (the SPDX line first) and Documentation/process/submitting-patches.rst
 * (Link: tags, the patch form).
 */
import { findMail, mailOfUrl, MAILS_TABLE } from '../sources/mails.ts';
import { commitProblems } from './commit-citations.ts';

export const SPDX_LINE = '.. SPDX-License-Identifier: GPL-2.0';
export const MAX_COLUMNS = 80;
export const WORDS = { min: 800, max: 1500 } as const;

/** Heading styles in the order sphinx.rst asks for: `=` over and under, then `=`, `-`, `~`. */
const STYLE_ORDER = ['=overline', '=', '-', '~'] as const;

const ADORNMENT = /^([=\-~`:'"^_*+#.<>])\1*$/;

interface Title {
  readonly line: number;
  readonly text: string;
  readonly style: string;
}

/** Section titles: a text line with an adornment line under it at least as long (and maybe one over it). */
function titles(lines: readonly string[]): Title[] {
  const found: Title[] = [];
  lines.forEach((text, i) => {
    const under = lines[i + 1] ?? '';
    if (text.trim() === '' || ADORNMENT.test(text) || !ADORNMENT.test(under) || under.length < text.length) return;
    if (/^\s/.test(text) || (lines[i - 1] ?? '') !== '' && !ADORNMENT.test(lines[i - 1] ?? '')) return;
    const over = lines[i - 1] ?? '';
    const overlined = ADORNMENT.test(over) && over === under;
    found.push({ line: i + 1, text, style: overlined ? `${under[0]}overline` : (under[0] ?? '') });
  });
  return found;
}

function headingProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  const all = titles(lines);
  const styles: string[] = [];
  for (const { line, text, style } of all) {
    if (!styles.includes(style)) styles.push(style);
    const level = styles.indexOf(style);
    if (STYLE_ORDER[level] !== style) {
      problems.push(`line ${line}: "${text}" uses ${describe(style)} where the kernel's order puts ${describe(STYLE_ORDER[level])}`);
    }
  }
  const documentTitles = all.filter((t) => t.style === '=overline');
  if (documentTitles.length !== 1) problems.push(`the document has ${documentTitles.length} titles with = over and under, not one`);
  return problems;
}

function describe(style: string | undefined): string {
  if (style === undefined) return 'no heading (deeper than a subsection)';
  return style.endsWith('overline') ? `'${style[0] ?? ''}' over and under` : `'${style}' under`;
}

/** Words as `wc -w` counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

// Text about the project or hedges about its own checking has no place in the kernel.
const OFF_TOPIC = /\b(widgets?|web version|this site|interactive|playground|explorer|npm|TODO|unverified|we have not|not checked|open questions?)\b/i;

/** Problems of a Documentation/ file named `name` (without `.rst`). */
export function kernelDocProblems(rst: string, name: string): string[] {
  const lines = rst.split('\n');
  const problems: string[] = [];
  if (lines[0] !== SPDX_LINE) problems.push(`line 1: must be "${SPDX_LINE}"`);
  problems.push(...headingProblems(lines));
  lines.forEach((text, i) => {
    const at = `line ${i + 1}`;
    if (text.length > MAX_COLUMNS && !/https:\/\/\S+/.test(text)) problems.push(`${at}: ${text.length} columns, over ${MAX_COLUMNS}, and no URL to excuse it`);
    if (/http:\/\//.test(text)) problems.push(`${at}: plain http:// link${/localhost|127\.0\.0\.1/.test(text) ? ' to a local server' : ''}`);
    for (const [url] of text.matchAll(/https?:\/\/[^\s<>`)]+/g)) {
      if (!/^https:\/\/lore\.kernel\.org\/all\/[^/\s]+@[^/\s]+\/$/.test(url)) {
        problems.push(`${at}: ${url} is not a lore link (https://lore.kernel.org/all/<message-id>/); cite commits and files by name`);
      }
    }
    const label = /^\.\. _([^:]+):/.exec(text)?.[1];
    if (label !== undefined && !label.startsWith(`${name}-`)) problems.push(`${at}: label '${label}' does not start with '${name}-'`);
    if (/^\s*\.\. (list-table|flat-table|csv-table)::/.test(text)) problems.push(`${at}: ${text.trim()}; use a simple table`);
    if (/^\s*\+[-=+]+\+\s*$/.test(text)) problems.push(`${at}: a grid table; use a simple table`);
    const offTopic = OFF_TOPIC.exec(text);
    if (offTopic !== null) problems.push(`${at}: "${offTopic[0]}" belongs to the project, not to a kernel document`);
  });
  problems.push(...commitProblems(rst, { requireSubject: true, requireKnown: true }));
  const words = wordCount(rst);
  if (words < WORDS.min || words > WORDS.max) problems.push(`${words} words, outside ${WORDS.min}-${WORDS.max}`);
  return problems;
}

interface Hunk {
  readonly header: string;
  readonly line: number;
  readonly oldCount: number;
  readonly newCount: number;
  readonly body: readonly string[];
}

/** The hunks of each file of a unified diff, keyed by the file's b/ path. */
function hunksByFile(lines: readonly string[]): Map<string, Hunk[]> {
  const files = new Map<string, Hunk[]>();
  let current: Hunk[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const file = /^\+\+\+ b\/(.+)$/.exec(line)?.[1];
    if (file !== undefined) files.set(file, (current = []));
    const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
    if (header === null || current === undefined) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && /^[ +\-\\]/.test(lines[i + 1] ?? '') && !/^(\+\+\+|---) /.test(lines[i + 1] ?? '')) body.push(lines[++i] ?? '');
    current.push({ header: line, line: 0, oldCount: Number(header[1] ?? 1), newCount: Number(header[2] ?? 1), body });
  }
  return files;
}

/**
 * Problems of a patch that should add `rst` as `path`: mail headers, a
 * Link: tag per lore URL, the diffstat, hunk line counts, and that the
 * added file is exactly `rst`.
 */
export function kernelPatchProblems(patch: string, rst: string, path: string): string[] {
  const problems: string[] = [];
  const [headers = '', rest = ''] = patch.split(/\n\n([\s\S]*)/);
  if (!/^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\n/.test(headers)) problems.push('the patch does not start with an mbox "From <commit> Mon Sep 17 00:00:00 2001" line');
  for (const name of ['From', 'Date', 'Subject']) {
    if (!new RegExp(`^${name}: \\S`, 'm').test(headers)) problems.push(`the patch has no ${name}: header`);
  }
  if (!/^Subject: \[PATCH\] \S/m.test(headers)) problems.push('the Subject: header does not start with [PATCH]');
  const [message = '', diff = ''] = rest.split(/^---$/m);
  if (/^Signed-off-by:/m.test(message) && !/^Signed-off-by: .+ <.+@.+>$/m.test(message)) problems.push('a Signed-off-by: without a name and address');
  message.split('\n').forEach((line, i) => {
    // checkpatch.pl's limit for commit message lines; a tag may run longer.
    if (line.length > 75 && !/^[\w-]+: /.test(line)) problems.push(`commit message body line ${i + 1}: ${line.length} columns, over 75`);
    const offTopic = OFF_TOPIC.exec(line);
    if (offTopic !== null) problems.push(`commit message body line ${i + 1}: "${offTopic[0]}" belongs to the project, not to a kernel patch`);
  });
  const links = [...message.matchAll(/^Link: (\S+)$/gm)].map((m) => m[1] ?? '');
  if (links.length === 0) problems.push('the commit message has no Link: tag');
  for (const link of links) {
    const id = mailOfUrl(link);
    if (id === undefined || findMail(id) === undefined) problems.push(`Link: ${link} is not the lore address of a message in ${MAILS_TABLE}`);
  }
  if (!/^ \S+ +\| +\d+ [+-]+$/m.test(diff) || !/^ \d+ files? changed/m.test(diff)) problems.push('no diffstat after the --- line');

  const diffLines = diff.split('\n');
  const files = hunksByFile(diffLines);
  for (const [file, hunks] of files) {
    for (const { header, oldCount, newCount, body } of hunks) {
      const old = body.filter((l) => l.startsWith(' ') || l.startsWith('-')).length;
      const added = body.filter((l) => l.startsWith(' ') || l.startsWith('+')).length;
      if (old !== oldCount || added !== newCount) {
        problems.push(`${file}: hunk "${header}" counts -${oldCount} +${newCount} but holds -${old} +${added}`);
      }
    }
  }
  const added = files.get(path);
  if (added === undefined) {
    problems.push(`the patch does not add ${path}`);
  } else {
    const text = added.flatMap((h) => h.body.filter((l) => l.startsWith('+')).map((l) => l.slice(1))).join('\n') + '\n';
    if (text !== rst) problems.push(`the ${path} the patch adds differs from the document served beside it`);
  }
  return problems;
}
