import { describe, expect, it } from 'vitest';
import { figureOfComment, figureOfElement } from './figures.ts';
import type { JsxElement } from './mdast-to-rst.ts';
import { parseMarkdown } from './pages.ts';

const element = (mdx: string): JsxElement => {
  const [node] = parseMarkdown(mdx).children;
  if (node?.type !== 'mdxJsxFlowElement') throw new Error(`not a JSX element: ${mdx}`);
  return node;
};

describe('figures', () => {
  it('a marker comment and a component describe the same figure', () => {
    const marked = figureOfComment('/* widget: RaceExplorer scenario=soc-nc-unmap-ctrl */');
    const embedded = figureOfElement(element('<RaceExplorer client:visible scenario="soc-nc-unmap-ctrl" />'));
    expect(marked?.name).toBe('RaceExplorer');
    expect(embedded.name).toBe('RaceExplorer');
    expect(marked?.params.get('scenario')).toBe('soc-nc-unmap-ctrl');
    expect(embedded.params.get('scenario')).toBe('soc-nc-unmap-ctrl');
  });

  it('JSX expression attributes keep their source text; bare attributes are true', () => {
    const figure = figureOfElement(element('<CombineMatrix fwb={false} client:visible />'));
    expect(Object.fromEntries(figure.params)).toEqual({ fwb: 'false', 'client:visible': 'true' });
  });

  it('other comments are not figures', () => {
    expect(figureOfComment('/* a note to editors */')).toBeUndefined();
  });
});
