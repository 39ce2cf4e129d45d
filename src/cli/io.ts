/**
 * What every CLI command shares: the streams it writes to and the one error
 * type that means "bad input" (exit status 2, one line on stderr, nothing on
 * stdout). Kept apart from cli.ts so commands can be tested without a process.
 */

export interface CliIo {
  /** Standard input as text, read lazily (only `--stdin` and `race -` need it). */
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  /** Where links in plain-text output point: the deployed site (SITE_URL), as astro.config.mjs uses it. */
  readonly site: string;
  /**
   * The model version asked for with `--model N` (any command); absent
   * means the current one. Commands load an older version's archived
   * engine (versions/load-node.ts) and compute with it.
   */
  readonly model?: number;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Bad input: the message names what was wrong and where. Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command: parses its own arguments, returns the exit status. */
export type Command = (args: readonly string[], io: CliIo) => Promise<number>;
