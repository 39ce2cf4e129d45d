/**
 * Widget state in the URL query, so that any state is a link. One small
 * module for every widget: each declares its parameters (name, parser,
 * printer); this reads them leniently (a bad or unknown parameter is reported
 * by name and falls back to its default, the others still apply) and writes
 * them back without adding history entries.
 */

export interface Param<T> {
  /** Parses the raw query value; throws an Error whose message says what is wrong. */
  readonly parse: (raw: string) => T;
  readonly format: (value: T) => string;
}

export type Params<S> = { readonly [K in keyof S]: Param<S[K]> };

export interface Restored<S> {
  /** The parameters that were present and valid. */
  readonly values: Partial<S>;
  /** One message per parameter that was unknown or invalid, naming it. */
  readonly problems: readonly string[];
}

export function readQuery<S>(params: Params<S>, search: string): Restored<S> {
  const values: Partial<S> = {};
  const problems: string[] = [];
  for (const [name, raw] of new URLSearchParams(search)) {
    if (!Object.hasOwn(params, name)) {
      problems.push(`unknown parameter '${clip(name)}' ignored`);
      continue;
    }
    const key = name as keyof S;
    try {
      values[key] = params[key].parse(raw);
    } catch (error) {
      problems.push(`parameter '${name}' ignored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { values, problems };
}

/** The query for a state, listing only what differs from the defaults, in declaration order. */
export function writeQuery<S>(params: Params<S>, state: S, defaults: S): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params) as (keyof S & string)[]) {
    const text = params[key].format(state[key]);
    if (text !== params[key].format(defaults[key])) query.set(key, text);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Puts the query in the address bar without a new history entry. */
export function replaceQuery(query: string): void {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.replaceState(window.history.state, '', url);
}

/** Untrusted text quoted back to the reader: bounded, and only ever rendered as text. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
