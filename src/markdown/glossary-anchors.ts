/**
 * The glossary page defines each term in a paragraph that opens with its
 * bold title (`**PE.** ...`). This hast plugin gives such a paragraph the
 * term's anchor (`term-pe`, src/glossary/glossary.ts), so that <Term> can
 * link straight to the definition. It runs on the glossary page only: a
 * bold lead-in elsewhere is not a definition.
 */
import { termId } from '../glossary/glossary.ts';
import type { HastContext, HastElement } from './hast-plugin.ts';

/** The page whose paragraphs are definitions. */
export const GLOSSARY_SOURCE = 'src/content/docs/reference/glossary.mdx';

export function glossaryAnchorsPlugin() {
  return ({ fileURL }: { fileURL: URL | undefined }) =>
    fileURL?.pathname.endsWith(`/${GLOSSARY_SOURCE}`)
      ? {
          name: 'glossary-anchors',
          element: {
            filter: ['strong'],
            visit(node: HastElement, ctx: HastContext): void {
              const paragraph = ctx.parent(node);
              if (paragraph?.tagName !== 'p' || ctx.indexOf(node) !== 0 || paragraph.properties['id'] !== undefined) return;
              ctx.setProperty(paragraph, 'id', termId(ctx.textContent(node).replace(/\.$/, '')));
            },
          },
        }
      : null;
}
