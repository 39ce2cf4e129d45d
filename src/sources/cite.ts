/**
 * How a page names a source, from the tables alone: a message as its
 * author and date linked to lore, a commit as the kernel cites it
 * (`commit c034ec84e879 ("subject")`) linked to Linus' tree. The site's
 * components (src/components/sources/) and the ReST export render the
 * same text and address from here.
 */
import { commitReference } from '../engine/kvm/kernel-commits.ts';
import { loreUrl, mail } from './mails.ts';

export interface Citation {
  readonly text: string;
  readonly url: string;
}

/** `Catalin Marinas, 2023-10-19`, linked to the message on lore. */
export function mailCitation(id: string): Citation {
  const { author, date } = mail(id);
  return { text: `${author}, ${date}`, url: loreUrl(id) };
}

/** git.kernel.org's address of a commit in Linus' tree. */
export const commitUrl = (sha: string): string => `https://git.kernel.org/torvalds/c/${sha}`;

/** `commit c034ec84e879 ("KVM: arm64: ...")`, linked to the commit; throws for a commit the table does not hold. */
export function commitCitation(sha: string): Citation {
  return { text: commitReference(sha), url: commitUrl(sha) };
}
