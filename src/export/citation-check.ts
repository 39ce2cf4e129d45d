/**
 * What is wrong with the citations of one page, held to the tables of
 * sources (src/sources/mails.ts, src/engine/kvm/kernel-commits.ts):
 * - every `<Mail>`, `<Quote>` and `<Commit>` names a row of its table, and
 *   a `<Quote>`'s words are one of its message's recorded quotes;
 * - a message or a commit is cited through those components, never by a
 *   hand-written lore or git.kernel.org link, so its author, date and
 *   subject always come from the table;
 * - a commit id written in the text is one the table holds;
 * - a quotation sits beside its Message-ID: a block (paragraph, list item,
 *   table cell) that cites a message quotes only through `<Quote>`, and no
 *   block anywhere repeats a recorded quote in bare quotation marks.
 */
import type { Nodes, Root } from 'mdast';
import { findCommit } from '../engine/kvm/kernel-commits.ts';
import { findMail, isQuoteOf, mailOfUrl, MAILS, MAILS_TABLE } from '../sources/mails.ts';
import { attribute } from './citations.ts';

const BLOCKS = new Set(['paragraph', 'tableCell', 'heading']);
const CITING = new Set(['Mail', 'Quote']);
const QUOTED = /["“]([^"“”\n]+)["”]/g;
const COMMIT_LINK = /^https?:\/\/git\.kernel\.org\/(?:torvalds\/c|pub\/scm\/linux\/kernel\/git\/[\w./-]+\/c(?:ommit)?)\/?/;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
const RECORDED = Object.values(MAILS).flatMap((m) => ('quotes' in m ? m.quotes : []).map(squash)).filter((q) => q.split(' ').length >= 2);

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child as Nodes);
}

/** The prose of a block: its text nodes, without code or the components' attributes. */
function prose(block: Nodes): string {
  return [...walk(block)].map((n) => (n.type === 'text' ? n.value : ' ')).join('');
}

function line(node: Nodes): string {
  return `line ${node.position?.start.line ?? '?'}`;
}

function elementProblems(node: Nodes): string[] {
  if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return [];
  const at = line(node);
  try {
    if (node.name === 'Mail') {
      const id = attribute(node, 'id');
      return findMail(id) ? [] : [`${at}: <Mail id="${id}"> is not in ${MAILS_TABLE}`];
    }
    if (node.name === 'Quote') {
      const mail = attribute(node, 'mail');
      const words = attribute(node, 'words');
      if (!findMail(mail)) return [`${at}: <Quote mail="${mail}"> is not in ${MAILS_TABLE}`];
      return isQuoteOf(mail, words) ? [] : [`${at}: "${words}" is not a recorded quote of ${mail} (${MAILS_TABLE})`];
    }
    if (node.name === 'Commit') {
      const id = attribute(node, 'id');
      return findCommit(id) ? [] : [`${at}: <Commit id="${id}"> is not in the commits table`];
    }
  } catch (error) {
    return [`${at}: ${(error as Error).message}`];
  }
  return [];
}

function linkProblems(node: Nodes): string[] {
  const urls = node.type === 'link' ? [node.url] : node.type === 'text' ? [...node.value.matchAll(/https?:\/\/[^\s)]+?(?=[.,;:]?(?:\s|\)|$))/g)].map((m) => m[0]) : [];
  return urls.flatMap((url) => {
    const id = mailOfUrl(url);
    if (id !== undefined) return [`${line(node)}: a hand-written lore link to ${id}; cite it as <Mail id="${id}" /> (${findMail(id) ? 'in the table' : `add it to ${MAILS_TABLE}`})`];
    if (COMMIT_LINK.test(url)) return [`${line(node)}: a hand-written commit link ${url}; cite it as <Commit id="<12 hex digits>" />`];
    return [];
  });
}

function commitIdProblems(node: Nodes): string[] {
  if (node.type !== 'text') return [];
  return [...node.value.matchAll(/(?<![\w./-])[0-9a-f]{12}(?![\w-])/g)]
    .map((m) => m[0])
    .filter((id) => /[a-f]/.test(id) && /[0-9]/.test(id) && findCommit(id) === undefined)
    .map((id) => `${line(node)}: commit ${id} is not in the commits table`);
}

function quoteProblems(block: Nodes): string[] {
  const cites = [...walk(block)].some((n) => (n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') && CITING.has(n.name ?? ''));
  return [...prose(block).matchAll(QUOTED)].flatMap((m) => {
    const words = m[1] ?? '';
    if (cites) return [`${line(block)}: "${words}" is quoted in a block that cites a message; quote through <Quote mail words>`];
    const repeated = RECORDED.some((q) => q === squash(words) || (squash(words).split(' ').length >= 3 && q.includes(squash(words))));
    return repeated ? [`${line(block)}: "${words}" repeats a recorded quote without its Message-ID; use <Quote mail words>`] : [];
  });
}

/** Every citation problem of a page's tree, each with its line. */
export function citationProblems(tree: Root): string[] {
  const nodes = [...walk(tree)];
  // An autolink is a link whose text is its URL: report it once.
  return [
    ...new Set([
      ...nodes.flatMap(elementProblems),
      ...nodes.flatMap(linkProblems),
      ...nodes.flatMap(commitIdProblems),
      ...nodes.filter((n) => BLOCKS.has(n.type)).flatMap(quoteProblems),
    ]),
  ];
}
