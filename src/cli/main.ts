/**
 * Command line front end: `npm run -s cli -- <command> ...`, documented on
 * the CLI guide page (src/content/docs/reference/cli.mdx).
 * Each command lives in its own module; this file only dispatches and turns
 * a UsageError into the documented one-line message and exit status 2.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError, type CliIo, type Command } from './io.ts';
import { parseModelVersion } from '../engine/version.ts';

const commands: Record<string, () => Promise<Command>> = {
  combine: async () => (await import('./combine.ts')).combineCommand,
  table: async () => (await import('./table.ts')).tableCommand,
  race: async () => (await import('./race.ts')).raceCommand,
  kvm: async () => (await import('./kvm.ts')).kvmCommand,
  link: async () => (await import('./link.ts')).linkCommand,
  mair: async () => (await import('./mair.ts')).mairCommand,
  patch: async () => (await import('./patch.ts')).patchCommand,
};

const usage = `usage: cli <command> [options] [--model N]
  --model N  compute as model version N did (see CHANGES); links carry v=N
commands:
  combine --s1 <name|0xNN> --s2 <name|0xN> [--fwb] [--cd] [--s1sh N] [--s2sh N] [--json]
  combine --stdin
  table [--fwb] [--rst]
  race <file|-> [--json] [--explain] [--fix [--max-ops N]]
  kvm --kernel X.Y --vma ram|pfnmap|mixedmap --pgprot noncached|device|writecombine|cacheable
      [--allow-any-uncached] [--fwb] [--dic] [--exec] [--s1 <name|0xNN>] [--json]
  kvm --table [--rst]
  link '<link of the site>' [--json]   (check a link and answer it as its v= did)
  mair <byte|register> [--json]   hex with or without 0x; #N for decimal
  patch --author "Name <address>" | patch --cover`;

/**
 * One synchronous read of file descriptor 0: for the 131072-line batch it
 * is several times cheaper than iterating the stream's chunks. A stdin that
 * a parent left non-blocking answers EAGAIN; that one is read as a stream.
 */
async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  }
}

/**
 * `--model N` (or `--model=N`) anywhere after the command: the model
 * version to compute with. Taken out here so that every command accepts it.
 */
function takeModel(args: readonly string[]): { model?: number; rest: string[] } {
  const rest: string[] = [];
  let model: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const inline = /^--model=(.*)$/.exec(arg);
    if (arg !== '--model' && !inline) {
      rest.push(arg);
      continue;
    }
    const raw = inline ? inline[1]! : args[(i += 1)];
    if (raw === undefined) throw new UsageError('option --model needs a version number');
    try {
      model = parseModelVersion(raw);
    } catch (error) {
      throw new UsageError(`--model: ${(error as Error).message}`);
    }
  }
  return model === undefined ? { rest } : { model, rest };
}

/** The site's address for links: SITE_URL (its origin, or origin and path) and then BASE_PATH, as astro.config.mjs builds it. */
function siteAddress(env: NodeJS.ProcessEnv): string {
  // The same default as astro.config.mjs: the address `npm start` serves on.
  const site = (env['SITE_URL'] ?? 'http://localhost:4321').replace(/\/+$/, '');
  const base = (env['BASE_PATH'] ?? '').replace(/^\/*/, '/').replace(/\/+$/, '');
  return base === '' || site.endsWith(base) ? site : `${site}${base}`;
}

const io: Omit<CliIo, 'model'> = {
  readStdin,
  readFile: (path) => readFile(path, 'utf8'),
  site: siteAddress(process.env),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usage + '\n');
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) throw new UsageError(`unknown command '${name}' (expected one of: ${Object.keys(commands).join(', ')})`);
  const { model, rest: args } = takeModel(rest);
  return (await load())(args, model === undefined ? io : { ...io, model });
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      throw error;
    }
  },
);
