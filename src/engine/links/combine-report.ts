/**
 * What a reviewer pastes into a mail about one combination: the plain-text
 * result followed by the link that reopens it on the site. The CLI and the
 * explorer's "Copy as plain text" both print exactly this.
 */
import type { CombineResult } from '../attrs/types.ts';
import { combineLink } from './combine-query.ts';
import { combineText } from '../format/combine-text.ts';
import { linkLines } from './link-line.ts';

export function combineReport(result: CombineResult, site: string): string {
  return `${combineText(result)}${linkLines(combineLink(site, result.input))}`;
}
