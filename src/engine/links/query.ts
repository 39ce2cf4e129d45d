/**
 * State as a URL query, so that any widget state is a link and the CLI can
 * print the same link. Each front end declares its parameters (a parser
 * and a printer each); reading is lenient (a bad or unknown parameter is
 * reported by name and falls back to its default, the others still apply)
 * and writing lists only what differs from the defaults, in declaration
 * order, so links stay short and stable. Every query starts with the
 * model version that answered (`v=<N>`): a link read later, by a newer
 * site, can say that it was made with an older model and show what that
 * model answered. Pure: runs in Node and browsers.
 */
import { MODEL_VERSION, parseModelVersion } from '../version.ts';

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

/** Untrusted text quoted back to the reader: bounded (and only ever rendered as text). */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function readQuery<S>(params: Params<S>, search: string): Restored<S> {
  const values: Partial<S> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of new URLSearchParams(search)) {
    if (name === VERSION_PARAM) continue;
    if (!Object.hasOwn(params, name)) {
      problems.push(`unknown parameter '${clip(name)}'`);
      continue;
    }
    // Two values for one parameter: which one the author meant cannot be known.
    if (seen.has(name)) {
      problems.push(`parameter '${name}' given more than once`);
      continue;
    }
    seen.add(name);
    const key = name as keyof S;
    try {
      values[key] = params[key].parse(raw);
    } catch (error) {
      problems.push(`parameter '${name}': ${clip(error instanceof Error ? error.message : String(error), 200)}`);
    }
  }
  return { values, problems };
}

/** The parameter naming the model version; every front end reads it with readModelVersion. */
export const VERSION_PARAM = 'v';

export interface LinkVersion {
  /** The model version the link was made with; the current one when it names none or a bad one. */
  readonly version: number;
  /** Set when `v` was present but not a released version (not a number, or from the future). */
  readonly problem?: string;
}

/** The model version a query names: absent means the current one (links made before versions existed). */
export function readModelVersion(search: string): LinkVersion {
  const raw = new URLSearchParams(search).get(VERSION_PARAM);
  if (raw === null) return { version: MODEL_VERSION };
  try {
    return { version: parseModelVersion(raw) };
  } catch (error) {
    return { version: MODEL_VERSION, problem: `parameter '${VERSION_PARAM}': ${clip(error instanceof Error ? error.message : String(error), 200)}; the answer below is model version ${MODEL_VERSION}'s` };
  }
}

/** The query for a state, with its leading `?`: the model version, then what differs from the defaults. */
export function writeQuery<S>(params: Params<S>, state: S, defaults: S, model: number = MODEL_VERSION): string {
  const query = new URLSearchParams({ [VERSION_PARAM]: String(model) });
  for (const key of Object.keys(params) as (keyof S & string)[]) {
    const text = params[key].format(state[key]);
    if (text !== params[key].format(defaults[key])) query.set(key, text);
  }
  return `?${query.toString()}`;
}

/** `on`/`off`, also accepting 1/0, yes/no and true/false. */
export const onOff: Param<boolean> = {
  parse: (raw) => {
    const value = raw.trim().toLowerCase();
    if (['on', '1', 'yes', 'true'].includes(value)) return true;
    if (['off', '0', 'no', 'false'].includes(value)) return false;
    throw new Error(`'${clip(raw)}' is not on or off`);
  },
  format: (value) => (value ? 'on' : 'off'),
};
