/**
 * `combine`: one combination as email-ready text or JSON, or a batch of JSON
 * lines from standard input, as the CLI guide documents
 * (src/content/docs/reference/cli.mdx). The batch path is written
 * for speed (the whole 131072-line input space in well under a second):
 * output in large pieces, JSON lines built by concatenation, warning lists
 * serialised once.
 */
import { UsageError, type CliIo, type Command } from './io.ts';
import { combineLink } from '../engine/links/combine-query.ts';
import { combineText } from '../engine/format/combine-text.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { loadRelease } from './load-release.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { combine } from '../engine/attrs/combine.ts';
import { AttrInputError, parseS1, parseS2 } from '../engine/attrs/parse.ts';
import type { CombineInput, CombineResult, ShEncoding } from '../engine/attrs/types.ts';

interface Options {
  s1?: string;
  s2?: string;
  s1sh?: string;
  s2sh?: string;
  fwb: boolean;
  cd: boolean;
  json: boolean;
  stdin: boolean;
}

const valued = new Set(['s1', 's2', 's1sh', 's2sh']);
const flags = new Set(['fwb', 'cd', 'json', 'stdin']);

function parseArgs(args: readonly string[]): Options {
  const options: Options = { fwb: false, cd: false, json: false, stdin: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z0-9]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1] ?? '';
    if (valued.has(name)) {
      const value = match?.[2] ?? args[++i];
      if (value === undefined || (match?.[2] === undefined && value.startsWith('--'))) throw new UsageError(`option --${name} needs a value`);
      options[name as 's1' | 's2' | 's1sh' | 's2sh'] = value;
    } else if (flags.has(name) && match?.[2] === undefined) {
      options[name as 'fwb' | 'cd' | 'json' | 'stdin'] = true;
    } else {
      throw new UsageError(`unknown argument '${arg}' (combine takes --s1, --s2, --fwb, --cd, --s1sh, --s2sh, --json, --stdin)`);
    }
  }
  return options;
}

function shareability(value: unknown, what: string): ShEncoding {
  const n = typeof value === 'string' && /^[0-9]+$/.test(value.trim()) ? Number(value) : value;
  if (n === 0 || n === 1 || n === 2 || n === 3) return n;
  throw new AttrInputError(`${what} '${String(value)}' is not a shareability field (expected 0, 1, 2 or 3)`);
}

/** Accept numbers as well as strings for attributes in JSON. */
function attrText(value: unknown, what: string): string {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) return String(value);
  throw new AttrInputError(`${what} ${JSON.stringify(value) ?? 'missing'} is not a name or an encoding`);
}

function flag(value: unknown, what: string): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw new AttrInputError(`${what} ${JSON.stringify(value)} is not true or false`);
}

function inputFrom(raw: { s1?: unknown; s2?: unknown; fwb?: unknown; cd?: unknown; s1sh?: unknown; s2sh?: unknown }): CombineInput {
  const fwb = flag(raw.fwb, 'fwb');
  return {
    s1: parseS1(attrText(raw.s1, 's1')),
    s2: parseS2(attrText(raw.s2, 's2'), fwb),
    fwb,
    cd: flag(raw.cd, 'cd'),
    s1sh: raw.s1sh === undefined ? 3 : shareability(raw.s1sh, 's1sh'),
    s2sh: raw.s2sh === undefined ? 3 : shareability(raw.s2sh, 's2sh'),
  };
}

/** Warning lists are shared between results (combine.ts), so each is serialised once. */
const warningsJson = new WeakMap<readonly string[], string>();

/**
 * The JSON line for one result: the fields the CLI guide promises for
 * `combine --stdin` (mair, sh, type, warnings), with xs, the rule and who
 * decided; lines come out in input order, so inputs are not echoed. Built by concatenation: every string
 * but the warnings is a hex number, a memory-type name or an identifier,
 * none of which needs escaping.
 */
function jsonLine(r: CombineResult, model: number): string {
  let warnings = warningsJson.get(r.warnings);
  if (warnings === undefined) warningsJson.set(r.warnings, (warnings = JSON.stringify(r.warnings)));
  return `{"model":${model},"mair":"${r.mairHex}","sh":${r.sh},"type":"${r.typeName}","xs":${r.type.xs},"rule":"${r.rule.id}","decidedBy":"${r.decidedBy}","warnings":${warnings}}`;
}

type RawInput = Parameters<typeof inputFrom>[0];

function parseLine(line: string): RawInput {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new AttrInputError(`not valid JSON: ${line.length > 40 ? `${line.slice(0, 40)}...` : line}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AttrInputError(`not a JSON object: ${line}`);
  return raw;
}

/** Output is written in pieces of about this many characters: few writes, little memory. */
const CHUNK = 1 << 16;

/**
 * One JSON line in, one JSON line out, in order. Nothing is kept per line
 * (the allocations die young, which keeps the garbage collector cheap); on
 * the first bad line what was answered so far is written and the error
 * names the line.
 */
async function batch(io: CliIo, compute: Engine, model: number): Promise<number> {
  const text = await io.readStdin();
  let chunk = '';
  for (let start = 0, n = 1; start < text.length; n++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    try {
      chunk += jsonLine(compute(inputFrom(parseLine(line))), model) + '\n';
    } catch (error) {
      if (!(error instanceof AttrInputError)) throw error;
      if (chunk !== '') io.out(chunk);
      throw new UsageError(`line ${n}: ${error.message}`);
    }
    if (chunk.length >= CHUNK) {
      io.out(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') io.out(chunk);
  return 0;
}

type Engine = (input: CombineInput) => CombineResult;

export const combineCommand: Command = async (args, io) => {
  const options = parseArgs(args);
  const model = io.model ?? MODEL_VERSION;
  // The current engine is imported statically: the batch path stays as fast as ever.
  const release = model === MODEL_VERSION ? { combine, combineText } : await loadRelease(model);
  if (options.stdin) {
    if (options.s1 !== undefined || options.s2 !== undefined) throw new UsageError('--stdin reads every input from standard input; drop --s1/--s2');
    return batch(io, release.combine, model);
  }
  if (options.s1 === undefined) throw new UsageError('missing --s1 <name|0xNN>');
  if (options.s2 === undefined) throw new UsageError('missing --s2 <name|0xN>');
  let result: CombineResult;
  try {
    result = release.combine(inputFrom({ ...options, s1sh: options.s1sh, s2sh: options.s2sh }));
  } catch (error) {
    if (error instanceof AttrInputError) throw new UsageError(error.message);
    throw error;
  }
  io.out(
    options.json
      ? JSON.stringify({ model, ...result }, null, 2) + '\n'
      : `${release.combineText(result)}${linkLines(combineLink(io.site, result.input, model), model)}`,
  );
  return 0;
};
