/**
 * Command line front end (DESIGN section 5): `npm run -s cli -- <command> ...`.
 * Each command lives in its own module; this file only dispatches and turns
 * a UsageError into the documented one-line message and exit status 2.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError, type CliIo, type Command } from './cli-io.ts';

const commands: Record<string, () => Promise<Command>> = {
  combine: async () => (await import('./attrs/cli-combine.ts')).combineCommand,
  table: async () => (await import('./attrs/cli-table.ts')).tableCommand,
  race: async () => (await import('./race/cli-race.ts')).raceCommand,
  kvm: async () => (await import('./kvm/cli-kvm.ts')).kvmCommand,
};

const usage = `usage: cli <command> [options]
commands:
  combine --s1 <name|0xNN> --s2 <name|0xN> [--fwb] [--cd] [--s1sh N] [--s2sh N] [--json]
  combine --stdin
  table [--fwb] [--rst]
  race <file|-> [--json]
  kvm --kernel X.Y --vma ram|pfnmap|mixedmap --pgprot noncached|device|writecombine|cacheable
      [--allow-any-uncached] [--fwb] [--dic] [--exec] [--s1 <name|0xNN>] [--json]
  kvm --table [--rst]`;

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

const io: CliIo = {
  readStdin,
  readFile: (path) => readFile(path, 'utf8'),
  // The same default as astro.config.mjs: the address `npm start` serves on.
  site: process.env['SITE_URL'] ?? 'http://localhost:4321',
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
  return (await load())(rest, io);
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
