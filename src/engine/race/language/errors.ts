/**
 * The one error the scenario front end throws for bad input. Its message is
 * the documented one-line form `file:line:column: what was wrong, and what
 * was expected`, so the CLI can print it as is and a widget can point at the
 * offending column.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(file: string, line: number, column: number, detail: string) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}
