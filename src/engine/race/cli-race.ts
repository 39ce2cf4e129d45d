/**
 * `race <file|-> [--json] [--budget N] [--no-reduction]`: checks
 * one scenario. Exit 0 when checked (whatever the verdict), 1 when the
 * verdict differs from the file's `expect`, 2 for bad input (a UsageError:
 * one line on stderr, nothing on stdout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { UsageError, type Command } from '../cli-io.ts';
import { raceJson } from '../format/race-json.ts';
import type { ShippedScenarios } from '../format/race-query.ts';
import { raceReport } from '../format/race-report.ts';
import { checkScenario } from './check.ts';
import { ScenarioError } from './errors.ts';

interface RaceArgs {
  readonly source: string;
  readonly json: boolean;
  readonly budget?: number;
  readonly reduction: boolean;
}

function parseArgs(args: readonly string[]): RaceArgs {
  let source: string | undefined;
  let json = false;
  let reduction = true;
  let budget: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--no-reduction') reduction = false;
    else if (arg === '--budget') {
      const value = Number(args[(i += 1)]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError('race: --budget needs a positive whole number of states');
      budget = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`race: unknown option '${arg}' (expected --json, --budget N or --no-reduction)`);
    else if (source !== undefined) throw new UsageError(`race: one scenario at a time (got '${source}' and '${arg}')`);
    else source = arg;
  }
  if (source === undefined) throw new UsageError('race: expected a scenario file or - for standard input');
  return { source, json, reduction, ...(budget === undefined ? {} : { budget }) };
}

/** The repository's scenarios/, so that a shipped scenario's link names it as the widget's does. */
function shippedScenarios(): ShippedScenarios {
  const dir = new URL('../../../scenarios/', import.meta.url);
  const names = readdirSync(dir).filter((name) => name.endsWith('.race'));
  return new Map(names.map((name) => [name.slice(0, -'.race'.length), readFileSync(new URL(name, dir), 'utf8')]));
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
  let check;
  try {
    check = checkScenario(text, { file, reduction: options.reduction, ...(options.budget === undefined ? {} : { budget: options.budget }) });
  } catch (error) {
    if (error instanceof ScenarioError) throw new UsageError(error.message);
    throw error;
  }
  io.out(options.json ? `${JSON.stringify(raceJson(check))}\n` : raceReport(check, io.site, shippedScenarios()));
  return check.matches === false ? 1 : 0;
};
