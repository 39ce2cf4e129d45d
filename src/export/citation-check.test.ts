import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMail, isQuoteOf, mailOfUrl, MAILS, loreUrl } from '../sources/mails.ts';
import { citationProblems } from './citation-check.ts';
import { KERNEL_DOC_SOURCE, renderKernelDocument } from './kernel-doc.ts';
import { parsePage } from './pages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'src/content/docs');
const pages = readdirSync(docs, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mdx'));
const kernelDoc = renderKernelDocument(readFileSync(join(root, KERNEL_DOC_SOURCE), 'utf8'));

const problemsOf = (mdx: string): string[] => citationProblems(parsePage('test', `---\ntitle: t\n---\n${mdx}`).tree);

describe('the citation check', () => {
  it('accepts citations through the components, from the tables', () => {
    expect(
      problemsOf(
        'Catalin judged it <Quote mail="ZTEN_oe97VRWbnHb@arm.com" words="(somewhat) safe" />, see <Mail id="ZSf6Ue09IO6QMBs1@arm.com" /> and <Commit id="c034ec84e879" />.',
      ),
    ).toEqual([]);
  });

  it('refuses a message, a commit or a quote the tables do not hold', () => {
    const problems = problemsOf(
      '<Mail id="nobody@example.org" /> <Commit id="0123456789ab" /> <Quote mail="ZTEN_oe97VRWbnHb@arm.com" words="entirely safe" /> commit abcdef012345 was cited.',
    );
    expect(problems.join('\n')).toMatch(/nobody@example\.org.*not in src\/sources\/mails\.ts/);
    expect(problems.join('\n')).toMatch(/<Commit id="0123456789ab"> is not in the commits table/);
    expect(problems.join('\n')).toMatch(/"entirely safe" is not a recorded quote of ZTEN_oe97VRWbnHb@arm\.com/);
    expect(problems.join('\n')).toMatch(/commit abcdef012345 is not in the commits table/);
  });

  it('refuses hand-written lore and commit links', () => {
    expect(problemsOf('As [he wrote](https://lore.kernel.org/all/ZSf6Ue09IO6QMBs1@arm.com/), see https://git.kernel.org/torvalds/c/c034ec84e879.')).toEqual([
      'line 4: a hand-written lore link to ZSf6Ue09IO6QMBs1@arm.com; cite it as <Mail id="ZSf6Ue09IO6QMBs1@arm.com" /> (in the table)',
      'line 4: a hand-written commit link https://git.kernel.org/torvalds/c/c034ec84e879; cite it as <Commit id="<12 hex digits>" />',
    ]);
  });

  it('keeps every quotation beside its Message-ID', () => {
    // A bare quotation in a block that cites a message, and a recorded quote repeated elsewhere without it.
    expect(problemsOf('He found it "safe enough" (<Mail id="ZTEN_oe97VRWbnHb@arm.com" />).\n\nRelax "one step at a time".')).toEqual([
      'line 4: "safe enough" is quoted in a block that cites a message; quote through <Quote mail words>',
      'line 6: "one step at a time" repeats a recorded quote without its Message-ID; use <Quote mail words>',
    ]);
    // Quotation marks for names of things, in a block that cites no message, are not quotes of anyone.
    expect(problemsOf('Set "Edit the scenario" to the PCIe section "Transaction Ordering Rules".')).toEqual([]);
  });
});

describe('the tables of sources', () => {
  it('give each message an author, a UTC date and lists, and quotes that are words', () => {
    for (const [id, mail] of Object.entries(MAILS)) {
      expect(id).toMatch(/^[^<>\s]+@[^<>\s]+$/);
      expect(mail.date).toMatch(/^20\d\d-[01]\d-[0-3]\d$/);
      expect(mail.lists.length).toBeGreaterThan(0);
      for (const quote of 'quotes' in mail ? mail.quotes : []) expect(isQuoteOf(id, ` ${quote}\n`)).toBe(true);
    }
  });

  it('link a message on lore by its Message-ID and read it back', () => {
    expect(loreUrl('ZRKW6uDR/+eXYMzl@lpieralisi')).toBe('https://lore.kernel.org/all/ZRKW6uDR%2F+eXYMzl@lpieralisi/');
    expect(mailOfUrl(loreUrl('ZRKW6uDR/+eXYMzl@lpieralisi'))).toBe('ZRKW6uDR/+eXYMzl@lpieralisi');
    expect(mailOfUrl('https://lore.kernel.org/all/ZTEwnBoPLL3PE3Xo@lpieralisi/')).toBe('ZTEwnBoPLL3PE3Xo@lpieralisi');
    expect(mailOfUrl('https://elixir.bootlin.com/linux/v6.9/source/mm')).toBeUndefined();
  });
});

describe('every page of the site', () => {
  for (const page of pages) {
    it(`${page} cites messages and commits from the tables, and quotes beside the Message-ID`, () => {
      expect(citationProblems(parsePage(page, readFileSync(join(docs, page), 'utf8')).tree)).toEqual([]);
    });
  }
});

describe('the kernel document and its patch', () => {
  it('name only messages of the table, in the text and in the Link: tags', () => {
    const inText = [...kernelDoc.rst.matchAll(/https:\/\/lore\.kernel\.org\/[^\s)>]+/g)].map((m) => mailOfUrl(m[0]) ?? m[0]);
    for (const id of [...inText, ...kernelDoc.patch.threads]) expect(findMail(id), id).toBeDefined();
  });
});
