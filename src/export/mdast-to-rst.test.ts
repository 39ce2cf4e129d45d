import { describe, expect, it } from 'vitest';
import { renderBlocks, sectionTitle, type RenderContext } from './mdast-to-rst.ts';
import { parseMarkdown } from './pages.ts';
import { docutilsProblems, hasDocutils } from './docutils.ts';

const context: RenderContext = {
  width: 72,
  linkTarget: (url) => (url.startsWith('/guide/') ? { section: 'guide-fwb' } : { uri: url }),
  headingLabel: () => undefined,
  expression: (value) => (value.includes('widget:') ? 'WIDGET' : undefined),
  component: (element) => `COMPONENT ${element.name ?? ''}`,
};

const rst = (mdx: string, ctx: Partial<RenderContext> = {}) =>
  renderBlocks(parseMarkdown(mdx).children, { ...context, ...ctx });

describe('headings', () => {
  it('follow the kernel order: title over and under =, then =, -, ~', () => {
    expect(sectionTitle('Title', 0)).toBe('=====\nTitle\n=====');
    expect(sectionTitle('Chapter', 1)).toBe('Chapter\n=======');
    expect(rst('## The rules')).toBe('The rules\n---------');
    expect(rst('### Detail')).toBe('Detail\n~~~~~~');
  });

  it('deeper than a subsection have no kernel adornment and stop the export', () => {
    expect(() => rst('#### Too deep')).toThrow(/level 4/);
  });

  it('get an explicit target when something links to them', () => {
    expect(rst('## Open questions', { headingLabel: () => 'guide-x-open-questions' })).toBe(
      '.. _guide-x-open-questions:\n\nOpen questions\n--------------',
    );
  });
});

describe('paragraphs', () => {
  const long =
    'The stage-2 descriptor field `MemAttr[3:0]` encodes a memory type of its own, and ' +
    '`npm run -s cli -- table --rst` prints the whole matrix for every stage-1 type ' +
    'in the same vocabulary as stage 1, with or without FWB.';

  it('are refilled to 72 columns', () => {
    const lines = rst(long).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('never break inside an inline literal', () => {
    expect(rst(long)).toContain('``npm run -s cli -- table --rst``');
  });

  it('keep inline markup apart from an adjacent word with an escaped space', () => {
    expect(rst('the `MT_*`s and **G**aps')).toBe('the ``MT_*``\\ s and **G**\\ aps');
  });

  it('escape what would otherwise be ReST markup', () => {
    expect(rst('a \\* b, word_ and |sub| or `x`')).toBe('a \\* b, word\\_ and \\|sub\\| or ``x``');
  });

  it('emphasise the text runs of bold containing literals, since ReST cannot nest', () => {
    expect(rst('**FEAT_S2FWB, `HCR_EL2.FWB`.** The bit')).toBe('**FEAT_S2FWB,** ``HCR_EL2.FWB``. The bit');
    expect(rst('*stage 2* only')).toBe('*stage 2* only');
  });
});

describe('links', () => {
  it('external ones become anonymous hyperlinks, so repeated texts never clash', () => {
    expect(rst('see [lore](https://lore.kernel.org/all/x@y/) and [lore](https://lore.kernel.org/all/z@y/)')).toBe(
      'see `lore <https://lore.kernel.org/all/x@y/>`__ and `lore\n<https://lore.kernel.org/all/z@y/>`__',
    );
  });

  it('to a section of the document become an alias of its target', () => {
    expect(rst('See [FEAT_S2FWB](/guide/fwb/).')).toBe('See `FEAT_S2FWB <guide-fwb_>`__.');
  });

  it('that are bare URLs stay bare, for docutils to recognise', () => {
    expect(rst('Source: https://pcisig.com/specifications')).toBe('Source: https://pcisig.com/specifications');
  });

  it('keep a URL whole on its own line when it is longer than the width', () => {
    const url = `https://example.org/${'a'.repeat(80)}/`;
    expect(rst(`a [long one](${url}) here`).split('\n')).toEqual(['a `long one', `<${url}>\`__`, 'here']);
  });
});

describe('lists', () => {
  it('nest, and number from the start the page gives', () => {
    expect(rst('6. first\n7. second\n   - inner one\n   - inner two\n')).toBe(
      '6. first\n\n7. second\n\n   - inner one\n   - inner two',
    );
  });

  it('wrap item text under the text, not under the marker', () => {
    const text = rst(`- ${'word '.repeat(30)}`);
    expect(text.split('\n').slice(1).every((line) => line.startsWith('  word'))).toBe(true);
  });
});

describe('code', () => {
  it('after a paragraph ending in a colon becomes "text::" and an indented block', () => {
    expect(rst('Run this:\n\n```sh\nnpm test\n```')).toBe('Run this::\n\n    npm test');
  });

  it('on its own becomes a bare literal block', () => {
    expect(rst('```\na  b\n```')).toBe('::\n\n    a  b');
  });

  it('in a block quote is indented once more', () => {
    expect(rst('> quoted text')).toBe('    quoted text');
  });
});

describe('tables', () => {
  it('that fit the width become grid tables with wrapped cells', () => {
    const table = rst('| Property | Normal-NC |\n| --- | --- |\n| Stores may be merged | yes |');
    expect(table).toBe(
      [
        '+----------------------+-----------+',
        '| Property             | Normal-NC |',
        '+======================+===========+',
        '| Stores may be merged | yes       |',
        '+----------------------+-----------+',
      ].join('\n'),
    );
  });

  it('whose words cannot fit become one list item per row, never a list-table', () => {
    const url = `https://lore.kernel.org/all/${'x'.repeat(40)}@nvidia.com/`;
    const table = rst(`| Version | Date | What changed |\n| --- | --- | --- |\n| [v1](${url}) | 2023-09-07 | ${'words '.repeat(20)}|`);
    expect(table).not.toContain('list-table');
    expect(table.split('\n')[0]).toBe('- Version: `v1');
    expect(table).toContain(`  <${url}>\`__;\n  Date: 2023-09-07; What changed: words words`);
  });
});

describe('MDX', () => {
  it('drops imports and plain JSX comments, and hands markers and components to the context', () => {
    const mdx = [
      "import MairDecoder from '../../../widgets/MairDecoder.svelte';",
      'Before.',
      '{/* a note to editors */}',
      '{/* widget: RaceExplorer scenario=x */}',
      '<MairDecoder client:visible />',
      'After.',
    ].join('\n\n');
    expect(rst(mdx)).toBe('Before.\n\nWIDGET\n\nCOMPONENT MairDecoder\n\nAfter.');
  });

  it('stops the export on a node it cannot render, naming the line', () => {
    expect(() => rst('Text\n\n![a figure](x.png)')).toThrow(/image' at line 3/);
  });
});

describe.skipIf(!hasDocutils())('docutils', () => {
  it('accepts everything above in one document with no warning', () => {
    const sample = [
      sectionTitle('Sample', 0),
      '.. _guide-fwb:',
      sectionTitle('Chapter', 1),
      rst('**FEAT_S2FWB, `HCR_EL2.FWB`.** The `MT_*`s, word_ and |x|, [FWB](/guide/fwb/), [lore](https://lore.kernel.org/all/x@y/).'),
      rst('6. six\n7. seven\n   - inner\n\n> quote\n\nRun:\n\n```\nnpm test\n```'),
      rst('| A | B |\n| --- | --- |\n| one | two |'),
    ].join('\n\n');
    expect(docutilsProblems(sample)).toBe('');
  });
});
if (!hasDocutils()) console.warn('docutils not found at /usr/bin/python3: ReST validity tests skipped');
