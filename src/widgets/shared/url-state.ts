/**
 * The browser half of URL state: the parameter declarations and the query
 * reading/writing are the engine's (src/engine/links/query.ts, shared with
 * the CLI's links); this only puts a query in the address bar and knows
 * where the site lives (its base path, BASE_PATH at build time).
 */
export { clip, readQuery, writeQuery, type Param, type Params } from '../../engine/links/query.ts';

/** The site's base path without its trailing slash: '' at the root, '/kvm-device-memory' under a base. */
export const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** The site's address as copied links carry it: this page's origin and the base path. */
export function siteAddress(): string {
  return `${window.location.origin}${BASE}`;
}

/** Puts the query in the address bar without a new history entry. */
export function replaceQuery(query: string): void {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.replaceState(window.history.state, '', url);
}
