import { describe, expect, it } from 'vitest';
import { figureOfComment, figureOfElement } from './figures.ts';
import { questionFigure } from './question-figure.ts';
import { combine, decodeS1 } from '../engine/attrs/index.ts';
import { COMBINE_DEFAULTS } from '../engine/links/combine-query.ts';
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

describe('question figures in the export', () => {
  const params = (mdx: string) => figureOfElement(element(mdx)).params;

  it('answer each state with the combining engine, the control naming the second', () => {
    const text = questionFigure(params('<QuestionFigure combine={{ s1: 0x44, s2: 0x1, fwb: false }} control="Stage 2 `0x5`" on={{ s2: 0x5 }} />'), 'guide/x');
    const [first, second] = text.split('With the figure\'s control on (“Stage 2 `0x5`”):');
    expect(first).toContain(`**${combine({ ...COMBINE_DEFAULTS, s1: 0x44, s2: 0x1, fwb: false }).typeName}**`);
    expect(second).toContain(`**${combine({ ...COMBINE_DEFAULTS, s1: 0x44, s2: 0x5, fwb: false }).typeName}**`);
    expect(first).not.toBe(second);
  });

  it('answer a MAIR byte with the decoder', () => {
    expect(questionFigure(params('<QuestionFigure mair={0x0c} />'), 'guide/x')).toContain(`**${decodeS1(0x0c).name}**`);
  });

  it('refuse attributes they cannot read, naming the page', () => {
    expect(() => questionFigure(params('<QuestionFigure combine={{ s1: S1, s2: 0x1, fwb: false }} />'), 'guide/x')).toThrow(/guide\/x: QuestionFigure: cannot read 's1: S1'/);
    expect(() => questionFigure(params('<QuestionFigure combine={{ s1: 0x44, fwb: false }} />'), 'guide/x')).toThrow(/needs exactly s1 and s2/);
    expect(() => questionFigure(params('<QuestionFigure />'), 'guide/x')).toThrow(/needs exactly one of/);
  });
});
