/**
 * What a reviewer pastes into a mail about one combination: the plain-text
 * result followed by the link that reopens it on the site. The CLI and the
 * explorer's "Copy as plain text" both print exactly this.
 */
import type { CombineResult } from '../attrs/types.ts';
import { combineLink } from './combine-query.ts';
import { combineText } from './combine-text.ts';

/**
 * The link goes on a line of its own and is never broken: a URL longer
 * than the 72-column text around it stays whole so mail clients keep it
 * clickable.
 */
export function combineReport(result: CombineResult, site: string): string {
  return `${combineText(result)}Link:\n${combineLink(site, result.input)}\n`;
}
