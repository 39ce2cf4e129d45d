/**
 * A patch as `git format-patch -1 --stdout --zero-commit --no-signature
 * --stat=72 --summary` (with core.abbrev=12) writes it, built without git
 * so that the browser and the command line produce the same bytes: the
 * mbox headers, the message with its trailers, the diffstat, and one
 * unified diff per file. A test holds it to git's own output.
 *
 * Each file's change must be one contiguous run of lines (the patch adds a
 * new document and one toctree line), which is all a single hunk with
 * three lines of context needs.
 */
import { authorText, type PatchAuthor } from './author.ts';
import { gitBlobId } from './sha1.ts';

export interface PatchFile {
  /** Path in the tree, e.g. `Documentation/virt/kvm/arm/index.rst`. */
  readonly path: string;
  /** The file before the patch; absent for a new file. */
  readonly before?: string;
  readonly after: string;
}

export interface PatchInput {
  /** The subject line without `[PATCH]`. */
  readonly subject: string;
  /** The message body (paragraphs), without trailers. */
  readonly body: string;
  /** Trailer lines before the sign-off, e.g. `Link: https://...`. */
  readonly trailers: readonly string[];
  /** ISO date of the commit, e.g. `2026-12-07T10:00:00Z`. */
  readonly date: string;
  readonly files: readonly PatchFile[];
}

const ZERO_COMMIT = '0'.repeat(40);
const ABBREV = 12;
const CONTEXT = 3;
const STAT_WIDTH = 72;
/** git folds a header line beyond this; the subject and the author must fit. */
const HEADER_MAX = 78;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon, 7 Dec 2026 10:00:00 +0000`, as git writes a UTC date. */
export function rfc2822Date(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`patch date '${iso}' is not an ISO date`);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const nonAscii = (s: string): boolean => /[^\x00-\x7f]/.test(s);

/** A byte of a name that git's RFC 2047 encoding of an address phrase writes as =XX. */
function rfc2047Special(byte: number): boolean {
  const ch = String.fromCharCode(byte);
  if (byte > 0x7e || byte < 0x20 || ch === ' ' || ch === '=' || ch === '?' || ch === '_') return true;
  return !/[A-Za-z0-9!*+\-/]/.test(ch);
}

/** A non-ASCII name as git's add_rfc2047() writes it after `From: `, folding encoded words at 76 columns. */
function rfc2047(name: string): string {
  const max = 76;
  let out = '=?UTF-8?q?';
  let lineLength = 'From: '.length + 'UTF-8'.length + 5;
  for (const char of name) {
    const bytes = new TextEncoder().encode(char);
    const special = bytes.length > 1 || rfc2047Special(bytes[0] ?? 0);
    const encoded = special ? [...bytes].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('') : char;
    if (lineLength + encoded.length + 2 > max) {
      out += '?=\n =?UTF-8?q?';
      lineLength = 'UTF-8'.length + 5 + 1;
    }
    out += encoded;
    lineLength += encoded.length;
  }
  return `${out}?=`;
}

/** The From: header: the name encoded or quoted as git does, then the address. */
function fromHeader(author: PatchAuthor): string {
  const name = nonAscii(author.name)
    ? rfc2047(author.name)
    : /[()<>[\]:;@,."\\]/.test(author.name)
      ? `"${author.name.replace(/["\\]/g, '\\$&')}"`
      : author.name;
  const lastLine = `From: ${name}`.split('\n').at(-1) ?? '';
  const fold = nonAscii(author.name) ? 76 : HEADER_MAX;
  return `From: ${name}${fold < lastLine.length + 2 + author.email.length + 1 ? '\n' : ''} <${author.email}>`;
}

const lines = (text: string): string[] => text.split('\n').slice(0, -1);

interface Hunk {
  readonly header: string;
  readonly body: readonly string[];
  readonly added: number;
  readonly removed: number;
}

/** The nearest line above `index` that git's default function-name pattern (a letter, `_` or `$` first) matches. */
function functionContext(old: readonly string[], index: number): string {
  for (let i = index - 1; i >= 0; i--) {
    const line = old[i] ?? '';
    if (/^[A-Za-z_$]/.test(line)) return ` ${line.trimEnd()}`;
  }
  return '';
}

/** `7,6`, or `7` alone for one line, as a hunk header writes a range. */
const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);

/** The one hunk of a change that is a single run of lines, with three lines of context. */
function hunk(before: string, after: string): Hunk {
  const old = lines(before);
  const now = lines(after);
  let prefix = 0;
  while (prefix < old.length && prefix < now.length && old[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < now.length - prefix && old[old.length - 1 - suffix] === now[now.length - 1 - suffix]) suffix++;
  const start = Math.max(0, prefix - CONTEXT);
  const oldEnd = Math.min(old.length, old.length - suffix + CONTEXT);
  const newEnd = Math.min(now.length, now.length - suffix + CONTEXT);
  const removed = old.slice(prefix, old.length - suffix);
  const added = now.slice(prefix, now.length - suffix);
  const body = [
    ...old.slice(start, prefix).map((l) => ` ${l}`),
    ...removed.map((l) => `-${l}`),
    ...added.map((l) => `+${l}`),
    ...old.slice(old.length - suffix, oldEnd).map((l) => ` ${l}`),
  ];
  const oldCount = oldEnd - start;
  const newCount = newEnd - start;
  const oldStart = oldCount === 0 ? start : start + 1;
  const newStart = newCount === 0 ? start : start + 1;
  const context = old.length === 0 ? '' : functionContext(old, start);
  return { header: `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${context}`, body, added: added.length, removed: removed.length };
}

interface FileDiff {
  readonly file: PatchFile;
  readonly hunk: Hunk;
}

function fileDiff(file: PatchFile): FileDiff {
  for (const text of [file.before, file.after]) {
    if (text !== undefined && text !== '' && !text.endsWith('\n')) throw new Error(`${file.path}: a file must end with a newline`);
  }
  return { file, hunk: hunk(file.before ?? '', file.after) };
}

function diffText({ file, hunk: h }: FileDiff): string {
  const id = (text: string | undefined): string => (text === undefined ? '0'.repeat(ABBREV) : gitBlobId(text).slice(0, ABBREV));
  const head =
    file.before === undefined
      ? [`diff --git a/${file.path} b/${file.path}`, 'new file mode 100644', `index ${id(undefined)}..${id(file.after)}`, '--- /dev/null', `+++ b/${file.path}`]
      : [`diff --git a/${file.path} b/${file.path}`, `index ${id(file.before)}..${id(file.after)} 100644`, `--- a/${file.path}`, `+++ b/${file.path}`];
  return [...head, h.header, ...h.body].join('\n');
}

/** git's diffstat at --stat=72: names padded to one width, counts right-aligned, `+`/`-` graphs scaled to fit. */
function diffstat(diffs: readonly FileDiff[]): string[] {
  const changes = diffs.map((d) => d.hunk.added + d.hunk.removed);
  const maxChange = Math.max(...changes);
  const numberWidth = String(maxChange).length;
  let nameWidth = Math.max(...diffs.map((d) => d.file.path.length));
  let graphWidth = maxChange;
  if (nameWidth + numberWidth + 6 + graphWidth > STAT_WIDTH) {
    if (graphWidth > Math.floor((STAT_WIDTH * 3) / 8) - numberWidth - 6) graphWidth = Math.max(6, Math.floor((STAT_WIDTH * 3) / 8) - numberWidth - 6);
    if (nameWidth > STAT_WIDTH - numberWidth - 6 - graphWidth) nameWidth = STAT_WIDTH - numberWidth - 6 - graphWidth;
    else graphWidth = STAT_WIDTH - numberWidth - 6 - nameWidth;
  }
  // git's scale_linear(), applied to the total and then split as show_stats() does.
  const scale = (n: number): number => (n === 0 ? 0 : 1 + Math.floor((n * (graphWidth - 1)) / maxChange));
  const graph = (add: number, del: number): [number, number] => {
    if (graphWidth > maxChange) return [add, del];
    const total = add > 0 && del > 0 ? Math.max(2, scale(add + del)) : scale(add + del);
    return add < del ? [scale(add), total - scale(add)] : [total - scale(del), scale(del)];
  };
  const rows = diffs.map(({ file, hunk: h }, i) => {
    const name = file.path.length > nameWidth ? `...${file.path.slice(file.path.length - nameWidth + 3)}` : file.path.padEnd(nameWidth);
    const [plus, minus] = graph(h.added, h.removed);
    return ` ${name} | ${String(changes[i] ?? 0).padStart(numberWidth)} ${'+'.repeat(plus)}${'-'.repeat(minus)}`;
  });
  const insertions = diffs.reduce((n, d) => n + d.hunk.added, 0);
  const deletions = diffs.reduce((n, d) => n + d.hunk.removed, 0);
  const plural = (n: number, word: string, mark: string): string => `${n} ${word}${n === 1 ? '' : 's'}(${mark})`;
  const summary = [
    ` ${diffs.length} file${diffs.length === 1 ? '' : 's'} changed`,
    ...(insertions > 0 || deletions === 0 ? [plural(insertions, 'insertion', '+')] : []),
    ...(deletions > 0 ? [plural(deletions, 'deletion', '-')] : []),
  ].join(', ');
  const created = diffs.filter((d) => d.file.before === undefined).map((d) => ` create mode 100644 ${d.file.path}`);
  return [...rows, summary, ...created];
}

/** The message: the body, a blank line, the trailers (and the author's sign-off). */
function message(input: PatchInput, author: PatchAuthor | undefined): string {
  const trailers = [...input.trailers, ...(author === undefined ? [] : [`Signed-off-by: ${authorText(author)}`])];
  return `${input.body.trimEnd()}\n${trailers.length > 0 ? `\n${trailers.join('\n')}\n` : ''}`;
}

function diffSection(input: PatchInput): string {
  const diffs = [...input.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map(fileDiff);
  return `---\n${diffstat(diffs).join('\n')}\n\n${diffs.map(diffText).join('\n')}\n`;
}

function subjectHeader(subject: string): string {
  const header = `Subject: [PATCH] ${subject}`;
  if (nonAscii(subject)) throw new Error('the patch subject must be ASCII');
  if (header.length > HEADER_MAX) throw new Error(`the Subject: header is ${header.length} columns; git folds it beyond ${HEADER_MAX}, keep the subject shorter`);
  return header;
}

/** The patch, signed off by `author`, exactly as git format-patch writes it. */
export function formatPatch(input: PatchInput, author: PatchAuthor): string {
  const body = message(input, author);
  const diff = diffSection(input);
  const mime = nonAscii(body) ? ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'] : [];
  const headers = [`From ${ZERO_COMMIT} Mon Sep 17 00:00:00 2001`, fromHeader(author), `Date: ${rfc2822Date(input.date)}`, subjectHeader(input.subject), ...mime];
  return `${headers.join('\n')}\n\n${body}${diff}`;
}

/**
 * The patch for reading, before anyone has taken authorship: a plain
 * note that it needs an author, then the message and the diff without
 * From: or Signed-off-by:. It is not a mail, so `git am` refuses it.
 */
export function unauthoredPatch(input: PatchInput, howToSign: readonly string[]): string {
  return [
    'This patch needs an author before it can be applied or sent: the',
    'person who submits it goes in its From: and Signed-off-by: lines and',
    "certifies the Developer's Certificate of Origin",
    '(Documentation/process/submitting-patches.rst). Make it with:',
    '',
    ...howToSign.map((line) => `    ${line}`),
    '',
    'The patch follows without them, for reading.',
    '',
    subjectHeader(input.subject),
    '',
    `${message(input, undefined)}${diffSection(input)}`,
  ].join('\n');
}
