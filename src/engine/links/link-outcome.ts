/**
 * What a link opened on a playground leads to, one rule for all four (and
 * for `cli link`): a link without state parameters shows the page's own
 * example; a link whose every parameter decodes (and, for a race link,
 * whose scenario matches its `h=`) shows its state; a link with any
 * problem shows no verdict at all, only the problems and what the link
 * decodes to, which the reader may still choose to run. No answer is ever
 * shown for a state nobody chose. The model version (`v`) is not state: a
 * bad or newer one is named (versions/LinkVersion.svelte) and the state
 * still shown.
 */
import { VERSION_PARAM } from './query.ts';

export type LinkOutcome<S> =
  | { readonly kind: 'example' }
  | { readonly kind: 'state'; readonly state: S }
  | { readonly kind: 'failed'; readonly problems: readonly string[]; readonly decoded?: S };

/** Whether a query names a state: any parameter besides the model version. */
export function namesState(search: string): boolean {
  return [...new URLSearchParams(search).keys()].some((name) => name !== VERSION_PARAM);
}

/** `decoded`: the state the link's parameters give with every refused one at its default, if any. */
export function linkOutcome<S>(search: string, problems: readonly string[], decoded: S | undefined): LinkOutcome<S> {
  if (!namesState(search)) return { kind: 'example' };
  if (problems.length > 0) return { kind: 'failed', problems, ...(decoded === undefined ? {} : { decoded }) };
  return decoded === undefined ? { kind: 'failed', problems: ['the link names no state this page can show'] } : { kind: 'state', state: decoded };
}
