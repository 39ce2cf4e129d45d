/**
 * `kvm --kernel X.Y --vma ram|pfnmap|mixedmap --pgprot noncached|device|writecombine|cacheable
 * [--allow-any-uncached] [--fwb] [--dic] [--exec] [--s1 <guest stage 1>] [--json]`:
 * what KVM installs at stage 2 (or where it refuses) in that release; with
 * --s1 also what the guest's access gets. `kvm --table [--rst]`: every
 * input across every release.
 */
import { combine } from '../engine/attrs/combine.ts';
import { AttrInputError, parseS1 } from '../engine/attrs/parse.ts';
import type { CombineResult } from '../engine/attrs/types.ts';
import { UsageError, type Command } from './io.ts';
import { kvmJson } from '../engine/format/kvm-json.ts';
import { kvmReport } from '../engine/links/kvm-report.ts';
import { kvmLink } from '../engine/links/kvm-query.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { loadRelease } from './load-release.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { kvmTableRst, kvmTableText } from '../engine/format/kvm-table.ts';
import { kvmDecide } from '../engine/kvm/decide.ts';
import { parsePgprot } from '../engine/kvm/guest-stage2.ts';
import { BACKINGS, PGPROTS } from '../engine/kvm/inputs.ts';
import { KernelReleaseError, OLDEST, parseRelease } from '../engine/kvm/releases.ts';
import type { Backing, KvmInput, Pgprot } from '../engine/kvm/types.ts';

interface Options {
  kernel?: string;
  vma?: string;
  pgprot?: string;
  s1?: string;
  flags: Set<string>;
}

const VALUED = new Set(['kernel', 'vma', 'pgprot', 's1']);
const FLAGS = new Set(['allow-any-uncached', 'fwb', 'dic', 'exec', 'json', 'table', 'rst']);
const TAKES = '--kernel, --vma, --pgprot, --allow-any-uncached, --fwb, --dic, --exec, --s1, --json, --table, --rst';

function parseArgs(args: readonly string[]): Options {
  const options: Options = { flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1] ?? '';
    if (VALUED.has(name)) {
      const value = match?.[2] ?? args[++i];
      if (value === undefined || (match?.[2] === undefined && value.startsWith('--'))) throw new UsageError(`kvm: option --${name} needs a value`);
      if (options[name as 'kernel'] !== undefined) throw new UsageError(`kvm: --${name} given twice`);
      options[name as 'kernel' | 'vma' | 'pgprot' | 's1'] = value;
    } else if (FLAGS.has(name) && match?.[2] === undefined) {
      options.flags.add(name);
    } else {
      throw new UsageError(`kvm: unknown argument '${arg}' (kvm takes ${TAKES})`);
    }
  }
  return options;
}

function oneOf<T extends string>(value: string | undefined, values: readonly T[], option: string): T {
  if (value === undefined) throw new UsageError(`kvm: missing --${option} <${values.join('|')}>`);
  if (!(values as readonly string[]).includes(value)) throw new UsageError(`kvm: --${option} '${value}' is not one of ${values.join(', ')}`);
  return value as T;
}

function inputOf(options: Options): KvmInput {
  if (options.kernel === undefined) throw new UsageError(`kvm: missing --kernel <X.Y> (${OLDEST} or later)`);
  try {
    parseRelease(options.kernel);
  } catch (error) {
    if (error instanceof KernelReleaseError) throw new UsageError(`kvm: --kernel: ${error.message}`);
    throw error;
  }
  return {
    kernel: options.kernel.trim(),
    backing: oneOf<Backing>(options.vma, BACKINGS, 'vma'),
    // `pgprot_writecombine` is read as `writecombine`.
    pgprot: oneOf<Pgprot>(options.pgprot === undefined ? undefined : (parsePgprot(options.pgprot) ?? options.pgprot), PGPROTS, 'pgprot'),
    allowAnyUncached: options.flags.has('allow-any-uncached'),
    fwb: options.flags.has('fwb'),
    dic: options.flags.has('dic'),
    exec: options.flags.has('exec'),
  };
}

/** The guest's access through the stage 2 KVM installed (Inner Shareable at both stages, as KVM and Linux guests map). */
function combined(s1: string | undefined, result: ReturnType<typeof kvmDecide>): CombineResult | undefined {
  if (s1 === undefined || result.answer.outcome !== 'mapped') return undefined;
  const s2 = result.answer.s2;
  return combine({ s1: parseS1(s1), s2: s2.memAttr, fwb: s2.fwb, s1sh: 3, s2sh: 3 });
}

export const kvmCommand: Command = async (args, io) => {
  const options = parseArgs(args);
  const model = io.model ?? MODEL_VERSION;
  // An older model version answers with its own archived engine, if it had one.
  const release = model === MODEL_VERSION ? undefined : await loadRelease(model);
  if (release !== undefined && (release.kvmDecide === undefined || release.kvmText === undefined)) throw new UsageError(`kvm: model version ${model} had no KVM engine`);
  if (release !== undefined && options.flags.has('table')) throw new UsageError('kvm: --table answers with the current model version only');
  if (options.flags.has('table')) {
    const extra = [...options.flags].filter((f) => f !== 'table' && f !== 'rst');
    if (extra.length > 0 || options.kernel !== undefined || options.vma !== undefined || options.pgprot !== undefined || options.s1 !== undefined) {
      throw new UsageError('kvm: --table lists every input and release; it takes only --rst');
    }
    io.out(options.flags.has('rst') ? kvmTableRst() : kvmTableText());
    return 0;
  }
  if (options.flags.has('rst')) throw new UsageError('kvm: --rst goes with --table');
  const input = inputOf(options);
  if (options.s1 !== undefined) {
    try {
      parseS1(options.s1);
    } catch (error) {
      if (error instanceof AttrInputError) throw new UsageError(`kvm: --s1: ${error.message}`);
      throw error;
    }
  }
  if (release?.kvmDecide !== undefined && release.kvmText !== undefined) {
    const old = release.kvmDecide(input);
    io.out(options.flags.has('json') ? JSON.stringify({ model, ...kvmJson(old) }, null, 2) + '\n' : `${release.kvmText(old)}${linkLines(kvmLink(io.site, input, model), model)}`);
    return 0;
  }
  const result = kvmDecide(input);
  const access = combined(options.s1, result);
  io.out(options.flags.has('json') ? JSON.stringify({ model, ...kvmJson(result, access) }, null, 2) + '\n' : kvmReport(result, io.site, access));
  return 0;
};
