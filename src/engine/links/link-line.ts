/**
 * The last lines of every plain-text report: the link that reopens the
 * state on the site, under a line naming the model version that computed
 * the text above it and the command that answers the link in a terminal
 * (cli link). The link goes on a line of its own, last, and is never
 * broken: a URL longer than the 70-column text around it stays whole so
 * mail clients keep it clickable.
 */
import { MODEL_VERSION } from '../version.ts';

export const LINK_LABEL = 'Link (model version';

/** The line above the link. */
export const linkLabel = (model: number = MODEL_VERSION): string => `${LINK_LABEL} ${model}; terminal: npm run -s cli -- link '<link>'):`;

export function linkLines(link: string, model: number = MODEL_VERSION): string {
  return `${linkLabel(model)}\n${link}\n`;
}
