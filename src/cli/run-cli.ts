/**
 * Test support: runs the command line front end (main.ts) as a child
 * process, asynchronously so that the tests of a file can overlap, and
 * collects its exit status, stdout and stderr; or gives a command an
 * in-memory CliIo.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

/** A CliIo over in-memory files and standard input that collects stdout. */
export function fakeIo(files: Readonly<Record<string, string>>, stdin = ''): CliIo & { stdout: string } {
  const io = {
    stdout: '',
    readStdin: async () => stdin,
    site: 'https://example.org',
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    out: (text: string) => {
      io.stdout += text;
    },
    err: () => {},
  };
  return io;
}
