/**
 * A scenario text edited in place, directive by directive, the way the
 * explorer's form controls change it: the lines of a directive whose value
 * changed are rewritten as the printer prints them, every other line (the
 * comments that explain the scenario, blank lines, directives that did
 * not change, their spelling) stays as it was. The parser says which lines
 * hold which directive (`directiveLines`, so a program continued with `;`
 * or folded onto indented lines is found whole); the printer writes the
 * new lines (`printDirective`). A knob is edited as its own `name=value`
 * word, even inside an `option` line that sets several.
 */
import type { KnobName, Scenario, Verdict } from '../types.ts';
import { PATH_ORDER_KNOBS, PATH_ORDER_SHORTHAND } from '../knobs.ts';
import { splitWords, stripComment } from './lines.ts';
import { directiveLines } from './parser.ts';
import { DIRECTIVE_KEYS, printDirective, type DirectiveKey } from './printer.ts';

/** One line of the text being edited, with the directive the parser found on it. */
interface Line {
  text: string;
  owner: string | undefined;
}

/** The directive word that owns a key's lines (`option early-ack` lives on `option` lines). */
const ownerOf = (key: DirectiveKey): string => (key.startsWith('option ') ? 'option' : key);

/** Splits a line into its code and its comment (with the blanks before the `#`), so a rewrite keeps the comment. */
function splitComment(text: string): { code: string; comment: string } {
  const code = stripComment(text);
  const trimmed = code.trimEnd();
  return { code: trimmed, comment: text.slice(trimmed.length) };
}

/** Where a directive that is not in the text yet goes: after the last line of the nearest directive before it in the printer's order, or before the first directive line. */
function insertionPoint(lines: readonly Line[], key: DirectiveKey): number {
  const at = DIRECTIVE_KEYS.indexOf(key);
  for (let k = at - 1; k >= 0; k--) {
    const owner = ownerOf(DIRECTIVE_KEYS[k]!);
    const last = lines.findLastIndex((line) => line.owner === owner);
    if (last >= 0) return last + 1;
  }
  const first = lines.findIndex((line) => line.owner !== undefined);
  return first >= 0 ? first : lines.length;
}

/** Rewrites a whole directive: its first line becomes the printed lines (keeping the comments of all its lines), its other lines go. */
function replaceDirective(lines: Line[], key: DirectiveKey, printed: readonly string[]): void {
  const owner = ownerOf(key);
  const at = lines.findIndex((line) => line.owner === owner);
  if (at < 0) {
    lines.splice(insertionPoint(lines, key), 0, ...printed.map((text) => ({ text, owner })));
    return;
  }
  // Each comment as written, the first with the blanks before it (a lone rewritten line keeps its layout).
  const comments = lines.filter((line) => line.owner === owner).map((line) => splitComment(line.text).comment).filter((c) => c.trim() !== '');
  const replacement: Line[] = printed.map((text) => ({ text, owner }));
  if (replacement[0] && comments.length > 0) replacement[0].text += comments.map((c, i) => (i === 0 ? c : ` ${c.trim()}`)).join('');
  else replacement.push(...comments.map((c) => ({ text: c.trim(), owner: undefined })));
  const rest = lines.filter((line, i) => i < at || line.owner !== owner);
  lines.splice(0, lines.length, ...rest.slice(0, at), ...replacement, ...rest.slice(at));
}

/** `name=yes|no` words for these knobs, as `after` sets them. */
const knobWords = (after: Scenario, names: readonly KnobName[]): string[] =>
  names.flatMap((name) => (after.options[name] === undefined ? [] : [`${name}=${after.options[name] ? 'yes' : 'no'}`]));

/** Sets one knob's word on the `option` lines: rewritten where it stands (a `path-order` word becomes its two knobs), removed, or added on a line of its own. */
function editKnob(lines: Line[], name: KnobName, after: Scenario): void {
  for (const [i, line] of lines.entries()) {
    if (line.owner !== 'option') continue;
    const { code, comment } = splitComment(line.text);
    const words = splitWords(code);
    const word = words.find((w) => w.text.startsWith(`${name}=`) || (w.text.startsWith(`${PATH_ORDER_SHORTHAND}=`) && (PATH_ORDER_KNOBS as readonly string[]).includes(name)));
    if (!word) continue;
    const shorthand = word.text.startsWith(`${PATH_ORDER_SHORTHAND}=`);
    const replacement = knobWords(after, shorthand ? PATH_ORDER_KNOBS : [name]).join(' ');
    const head = code.slice(0, word.col - 1);
    const tail = code.slice(word.col - 1 + word.text.length);
    const next = replacement === '' ? `${head.trimEnd()} ${tail.trimStart()}`.trimEnd() : head + replacement + tail;
    if (splitWords(next).length > 1) {
      line.text = next + comment;
    } else {
      // Only `option` is left: the line goes, its comment stays.
      lines.splice(i, 1, ...(comment.trim() === '' ? [] : [{ text: comment.trim(), owner: undefined }]));
    }
    return;
  }
  const printed = printDirective(after, `option ${name}`);
  if (printed.length > 0) lines.splice(insertionPoint(lines, `option ${name}`), 0, ...printed.map((text) => ({ text, owner: 'option' })));
}

/**
 * `text` (which reads as `before`) changed so that it reads as `after`,
 * rewriting only the directives whose printed form differs. Lines the
 * parser did not reach (after an error it stopped at) are kept as they are.
 */
export function editScenarioText(text: string, before: Scenario, after: Scenario): string {
  const owners = directiveLines(text);
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((line, i) => ({ text: line, owner: owners.get(i + 1) }));
  for (const key of DIRECTIVE_KEYS) {
    const was = printDirective(before, key);
    const is = printDirective(after, key);
    if (was.join('\n') === is.join('\n')) continue;
    if (key.startsWith('option ')) editKnob(lines, key.slice('option '.length) as KnobName, after);
    else replaceDirective(lines, key, is);
  }
  return lines.map((line) => line.text).join('\n');
}

/** What a form control's change did to the text, beyond the change itself. */
export interface ControlEdit {
  readonly text: string;
  /** The scenario the new text reads as. */
  readonly scenario: Scenario;
  /** The `expect` the text had before: its answer was for the scenario before the change, so it is now a comment. */
  readonly staleExpect?: Verdict;
}

/** The mark an edited scenario's title gets. */
export const EDITED_MARK = '(edited)';

/**
 * A form control's change made in the text: the change in place, the
 * title marked as edited (once), and the `expect` line, which answered for
 * the scenario as it was, turned into a comment that says so: the reader
 * is exploring, and the edited scenario's own answer is not a failure.
 */
export function editFromControl(text: string, before: Scenario, changed: Scenario): ControlEdit {
  const { expect, ...rest } = changed;
  const title = rest.title === undefined || rest.title.endsWith(EDITED_MARK) ? rest.title : `${rest.title} ${EDITED_MARK}`;
  const scenario: Scenario = { ...rest, ...(title === undefined ? {} : { title }) };
  const edited = editScenarioText(text, before, { ...scenario, ...(before.expect === undefined ? {} : { expect: before.expect }) });
  const owners = directiveLines(edited);
  const lines = edited.split('\n');
  const at = lines.findIndex((_, i) => owners.get(i + 1) === 'expect');
  if (at < 0 || before.expect === undefined) return { text: edited, scenario };
  lines[at] = `# expect ${before.expect}: the answer before the controls edited this scenario`;
  return { text: lines.join('\n'), scenario, staleExpect: before.expect };
}
