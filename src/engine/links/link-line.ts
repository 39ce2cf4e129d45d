/**
 * The last lines of every plain-text report: the link that reopens the
 * state on the site, under a line naming the model version that computed
 * the text above it. The link goes on a line of its own and is never
 * broken: a URL longer than the 72-column text around it stays whole so
 * mail clients keep it clickable.
 */
import { MODEL_VERSION } from '../version.ts';

export const LINK_LABEL = 'Link (model version';

export function linkLines(link: string, model: number = MODEL_VERSION): string {
  return `${LINK_LABEL} ${model}):\n${link}\n`;
}
