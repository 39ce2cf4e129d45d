/**
 * The References page's lists, from the tables alone: every message by
 * group and date, with its author, subject and lists; every commit by the
 * release that first has it, with its subject and author. The page
 * (src/components/sources/SourceList.astro) and the ReST export render
 * these same items.
 */
import { KERNEL_COMMITS, type CommitId } from '../engine/kvm/kernel-commits.ts';
import { commitCitation, mailCitation, type Citation } from './cite.ts';
import { MAIL_GROUPS, MAILS, type MailGroup, type MailId } from './mails.ts';

export interface ListItem {
  readonly link: Citation;
  /** What follows the link. */
  readonly rest: string;
}

export interface ListGroup {
  readonly heading: string;
  readonly items: readonly ListItem[];
}

const versionOrder = (a: string, b: string): number => {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
};

/** The messages, group by group in the table's order of groups, oldest first within one. */
export function mailGroups(): ListGroup[] {
  const ids = Object.keys(MAILS) as MailId[];
  return (Object.keys(MAIL_GROUPS) as MailGroup[]).map((group) => ({
    heading: MAIL_GROUPS[group],
    items: ids
      .filter((id) => MAILS[id].group === group)
      .sort((a, b) => MAILS[a].date.localeCompare(MAILS[b].date))
      .map((id) => ({ link: mailCitation(id), rest: `: ${MAILS[id].subject} (${MAILS[id].lists.join(', ')})` })),
  }));
}

/** The commits, by the mainline release that first has each. */
export function commitGroups(): ListGroup[] {
  const ids = Object.keys(KERNEL_COMMITS) as CommitId[];
  const releases = [...new Set(ids.map((id) => KERNEL_COMMITS[id].release))].sort(versionOrder);
  return releases.map((release) => ({
    heading: `Linux ${release}`,
    items: ids
      .filter((id) => KERNEL_COMMITS[id].release === release)
      .map((id) => ({ link: commitCitation(id), rest: `, ${KERNEL_COMMITS[id].author}` })),
  }));
}
