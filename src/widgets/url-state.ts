/**
 * The browser half of URL state: the parameter declarations and the query
 * reading/writing are the engine's (src/engine/format/query.ts, shared with
 * the CLI's links); this only puts a query in the address bar.
 */
export { clip, readQuery, writeQuery, type Param, type Params } from '../engine/format/query.ts';

/** Puts the query in the address bar without a new history entry. */
export function replaceQuery(query: string): void {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.replaceState(window.history.state, '', url);
}
