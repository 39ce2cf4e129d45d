/**
 * A race scenario read back from a pasted report's text, by its structure:
 * the scenario block between its opening and closing comments
 * (format/scenario-block.ts), never a labelled line, so no title or comment
 * is mistaken for a directive. Mail clients may have quoted, re-wrapped or
 * joined its lines and turned spaces into non-breaking ones: the block is
 * read as a stream of words, a directive's name starting each directive,
 * and the title (the last directive) running to the closing comment. The
 * closing comment's hash decides: a text whose scenario does not hash to
 * it is refused, naming the line that changed, never restored as another
 * scenario. Model version 1's reports had no block; they are read by
 * their labelled lines (raceFromV1Text).
 */
import { DIRECTIVE_NAMES, parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import { ScenarioError } from '../race/language/errors.ts';
import { BLOCK_END_PREFIX, BLOCK_START, scenarioHash } from '../format/scenario-block.ts';
import { phrase } from './paste.ts';
import { clip } from './query.ts';

export type BlockRead =
  /** No block in the text. */
  | { readonly absent: true }
  /** A block that cannot be restored exactly, and why (naming its line). */
  | { readonly broken: string }
  /** The scenario's canonical text and the hash it matches. */
  | { readonly text: string; readonly hash: string };

const START = new RegExp(phrase(BLOCK_START));
const END = new RegExp(`${phrase(BLOCK_END_PREFIX)}([0-9a-f]{8})`);
const DIRECTIVES: ReadonlySet<string> = new Set(DIRECTIVE_NAMES);

/** Quoting marks at a word's start: a client that joined quoted lines leaves them inside the text. */
const QUOTING = /^>+/;

/** The directive lines of a block's body, one per directive name, and the title as written (line breaks and all). */
function directiveLines(body: string): { lines: string[]; title?: string } {
  const lines: string[] = [];
  for (const match of body.matchAll(/\S+/g)) {
    const word = match[0];
    if (word === 'title') return { lines, title: body.slice(match.index + word.length) };
    // No directive, value or op starts with `>`: before the title, any is quoting.
    const unquoted = word.replace(QUOTING, '');
    if (unquoted === '') continue;
    if (DIRECTIVES.has(unquoted) || lines.length === 0) lines.push(unquoted);
    else lines[lines.length - 1] += ` ${unquoted}`;
  }
  return { lines };
}

/**
 * What the title may have been before a mail client touched it: as it
 * stands with each line break one space, with non-breaking spaces as
 * spaces, with every run of blanks one space, and without quoting marks
 * at the start of its words. The hash picks.
 */
function titleReadings(raw: string): string[] {
  const lines = raw.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const asWritten = lines.join(' ');
  const spaced = asWritten.replace(/\s+/g, ' ');
  const unquoted = spaced.split(' ').map((word) => word.replace(QUOTING, '')).filter((word) => word !== '').join(' ');
  const readings = [asWritten, asWritten.replace(/\u00a0/g, ' '), spaced, unquoted];
  return [...new Set(readings)].filter((title) => title !== '');
}

function parsed(text: string): { canonical: string; hash: string } | ScenarioError {
  try {
    const scenario = parseScenario(text, 'pasted text');
    return { canonical: printScenario(scenario), hash: scenarioHash(scenario) };
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
}

export function raceFromBlock(lines: readonly string[]): BlockRead {
  const text = lines.join('\n');
  const start = START.exec(text);
  const end = END.exec(text.slice(start === null ? 0 : start.index));
  if (start === null && end === null) return { absent: true };
  if (start === null) return { broken: `its first line ('${BLOCK_START}') is missing` };
  if (end === null) return { broken: `its last line ('${BLOCK_END_PREFIX}…') is missing: the text was cut` };
  const hash = end[1]!;
  const body = text.slice(start.index + start[0].length, start.index + end.index);
  const { lines: directives, title } = directiveLines(body);
  const candidates = title === undefined ? [directives] : titleReadings(title).map((reading) => [...directives, `title ${reading}`]);
  let first: ReturnType<typeof parsed> | undefined;
  for (const candidate of candidates) {
    const read = parsed(candidate.join('\n') + '\n');
    first ??= read;
    if (!(read instanceof ScenarioError) && read.hash === hash) return { text: read.canonical, hash };
  }
  if (first instanceof ScenarioError) {
    const line = candidates[0]?.[first.line - 1];
    return { broken: `${line === undefined ? 'it' : `its line '${clip(line, 60)}'`} does not read: ${first.detail}` };
  }
  // Only the title's spacing and `>` marks are at a mail client's mercy; any other change is an edit.
  const check = `it does not match its check h=${hash}`;
  return {
    broken:
      title === undefined
        ? `${check}: a line of it was edited`
        : `${check}: a mail client may have changed its line '${clip(`title ${titleReadings(title)[0] ?? ''}`, 60)}' (its spacing, a '>' in it), or the text was edited`,
  };
}

/** The fields of model version 1's report, in the order it printed them under its `Scenario:` line. */
const V1_LABELS = ['file', 'platform', 'guest type', 'knobs', 'guest', 'host'] as const;

/**
 * A model version 1 report's scenario: its first paragraph (`Scenario:` to
 * the blank line) read from the end, each label's last occurrence, so a
 * title (which comes first) cannot stand in for a label; the expectation
 * from the `Verdict:` line after it. The text is for version 1's parser.
 */
export function raceFromV1Text(lines: readonly string[]): { text: string } | { missing: string } {
  const first = lines.findIndex((line) => line.startsWith('Scenario: '));
  if (first < 0) return { missing: "the 'Scenario:' line that starts the report" };
  const blank = lines.findIndex((line, i) => i > first && line.trim() === '');
  const paragraph = lines.slice(first, blank < 0 ? undefined : blank).join(' ').replace(/\s+/g, ' ');
  const values = new Map<string, string>();
  let end = paragraph.length;
  for (const label of [...V1_LABELS].reverse()) {
    const at = paragraph.lastIndexOf(` ${label}: `, end);
    if (at < 0) return { missing: `the '${label}:' line of the race report` };
    values.set(label, paragraph.slice(at + label.length + 3, end).trim());
    end = at;
  }
  const title = paragraph.slice('Scenario: '.length, end).trim();
  const types = /^\S+ \(guest-s1 (\S+), guest-s2 (\S+), fwb (on|off)\)$/.exec(values.get('guest type')!);
  if (!types) return { missing: "the stage-1 and stage-2 types in the 'guest type:' line, such as '(guest-s1 Normal-NC, guest-s2 Normal-NC, fwb off)'" };
  const verdict = blank < 0 ? undefined : lines.slice(blank).find((line) => line.startsWith('Verdict: '));
  const expect = /\(expected (safe|unsafe)/.exec(verdict ?? '')?.[1];
  const ops = (label: 'guest' | 'host'): string[] => (values.get(label) === '(nothing)' ? [] : [`${label} ${values.get(label)}`]);
  const scenario = [
    ...(title === values.get('file') ? [] : [`title ${title}`]),
    `platform ${values.get('platform')}`,
    `fwb ${types[3]}`,
    `guest-s1 ${types[1]}`,
    `guest-s2 ${types[2]}`,
    ...values.get('knobs')!.split(' ').map((knob) => `option ${knob}`),
    ...ops('guest'),
    ...ops('host'),
    ...(expect === undefined ? [] : [`expect ${expect}`]),
  ];
  return { text: scenario.join('\n') + '\n' };
}
