/**
 * `race <file|-> [--json] [--budget N] [--no-reduction] [--no-por] [--promela]
 * [--explain] [--fix [--max-ops N]]`: checks one scenario. `--no-reduction`
 * turns every reduction off, `--no-por` only the partial-order one
 * (M-reduce-por), so that the states reported are the states SPIN stores
 * for the exported model. With `--promela` it prints the scenario's
 * Promela model for SPIN instead (`--no-reduction` keeps store names in
 * it). `--explain` adds the ablation and the sentences that say why,
 * `--fix` the smallest host programs that make it safe (at most `--max-ops`
 * inserted ops, 1 to 3, default 2); `--budget N` then also bounds the
 * states each of those searches stores in all. Exit 0 when checked
 * (whatever the verdict), 1 when the verdict differs from the file's
 * `expect`, 2 for bad input (a UsageError: one line on stderr, nothing on
 * stdout).
 */
import { UsageError, type Command } from './io.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { raceLink } from '../engine/links/race-query.ts';
import { loadRelease } from './load-release.ts';
import { shippedOf } from '../engine/release/release.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { ScenarioError } from '../engine/race/language/errors.ts';
import { parseScenario } from '../engine/race/language/parser.ts';
import { PromelaError, toPromela } from '../engine/race/promela/index.ts';
import { DEFAULT_FIX_OPS, MAX_FIX_OPS } from '../engine/race/explain/index.ts';
import { explainJson, fixJson } from '../engine/format/race-explain-json.ts';
import { explainText, fixText } from '../engine/format/race-explain-text.ts';

interface RaceArgs {
  readonly source: string;
  readonly json: boolean;
  readonly budget?: number;
  readonly reduction: boolean;
  readonly partialOrder: boolean;
  readonly promela: boolean;
  readonly explain: boolean;
  /** `--fix`: the most host ops a fix may insert. */
  readonly fix?: number;
}

function parseArgs(args: readonly string[]): RaceArgs {
  let source: string | undefined;
  let json = false;
  let promela = false;
  let reduction = true;
  let partialOrder = true;
  let budget: number | undefined;
  let explain = false;
  let fix = false;
  let maxOps: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--explain') explain = true;
    else if (arg === '--fix') fix = true;
    else if (arg === '--max-ops') {
      const raw = args[(i += 1)];
      const value = Number(raw);
      if (raw === undefined || !Number.isInteger(value) || value < 1 || value > MAX_FIX_OPS) {
        throw new UsageError(`race: --max-ops needs a whole number from 1 to ${MAX_FIX_OPS}${raw === undefined ? '' : ` (got '${raw}')`}`);
      }
      maxOps = value;
    }
    else if (arg === '--no-reduction') reduction = false;
    else if (arg === '--no-por') partialOrder = false;
    else if (arg === '--promela') promela = true;
    else if (arg === '--budget') {
      const value = Number(args[(i += 1)]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError('race: --budget needs a positive whole number of states');
      budget = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`race: unknown option '${arg}' (expected --json, --budget N, --no-reduction, --no-por, --promela, --explain, --fix or --max-ops N)`);
    }
    else if (source !== undefined) throw new UsageError(`race: one scenario at a time (got '${source}' and '${arg}')`);
    else source = arg;
  }
  if (source === undefined) throw new UsageError('race: expected a scenario file or - for standard input');
  if (maxOps !== undefined && !fix) throw new UsageError('race: --max-ops N goes with --fix');
  if (promela && (explain || fix)) throw new UsageError('race: --promela prints the model only; it takes no --explain or --fix');
  return {
    source,
    json,
    reduction,
    partialOrder: reduction && partialOrder,
    promela,
    explain,
    ...(fix ? { fix: maxOps ?? DEFAULT_FIX_OPS } : {}),
    ...(budget === undefined ? {} : { budget }),
  };
}

async function readSource(source: string, io: Parameters<Command>[1]): Promise<string> {
  try {
    return source === '-' ? await io.readStdin() : await io.readFile(source);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`${source}: cannot read the scenario${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

export const raceCommand: Command = async (args, io) => {
  const options = parseArgs(args);
  const text = await readSource(options.source, io);
  const file = options.source === '-' ? '<stdin>' : options.source;
  const model = io.model ?? MODEL_VERSION;
  // The release's scenarios/ (the repository's, or the archived texts), so that a shipped scenario's link names it as the widget's does.
  const release = await loadRelease(model);
  let check;
  try {
    if (options.promela) {
      io.out(toPromela(parseScenario(text, file), { reduction: options.reduction }));
      return 0;
    }
    check = release.checkScenario(text, { file, reduction: options.reduction, partialOrder: options.partialOrder, ...(options.budget === undefined ? {} : { budget: options.budget }) });
  } catch (error) {
    // By name: an archived engine throws its own copy of the class.
    if (error instanceof ScenarioError || (error instanceof Error && error.name === 'ScenarioError')) throw new UsageError(error.message);
    if (error instanceof PromelaError) throw new UsageError(`race: ${error.message}`);
    throw error;
  }
  const { raceExplain, raceFix } = release;
  if ((options.explain || options.fix !== undefined) && (raceExplain === undefined || raceFix === undefined)) {
    throw new UsageError(`race: model version ${model} has no --explain or --fix (they came with version 2)`);
  }
  const search = { reduction: options.reduction, partialOrder: options.partialOrder, ...(options.budget === undefined ? {} : { budget: options.budget }) };
  const explained = options.explain ? raceExplain?.(check, search) : undefined;
  const fixed = options.fix === undefined ? undefined : raceFix?.(check, options.fix, search);
  if (options.json) {
    const json = { model, ...release.raceJson(check), ...(explained ? explainJson(explained.ablation, explained.why) : {}), ...(fixed ? fixJson(fixed) : {}) };
    io.out(`${JSON.stringify(json)}\n`);
  } else {
    const extra = `${explained ? explainText(explained.ablation, explained.why) : ''}${fixed ? fixText(check, fixed) : ''}`;
    io.out(`${release.renderRaceText(check)}${extra}${linkLines(raceLink(io.site, check.scenario, shippedOf(release), model, release.printScenario), model)}`);
  }
  return check.matches === false ? 1 : 0;
};
