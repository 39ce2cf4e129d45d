/**
 * The Documentation patch as a mail, built without git or Node.js so the
 * command line (`patch`) and the Documentation page's form produce the
 * same bytes: the author (author.ts), the mail (mail.ts), and who to send
 * it to (maintainers.ts, cover.ts).
 */
export { authorText, parseAuthor, PatchAuthorError, type PatchAuthor } from './author.ts';
export { formatPatch, unauthoredPatch, type PatchFile, type PatchInput } from './mail.ts';
export { coverText } from './cover.ts';
export { MAINTAINERS_SOURCE, PATCH_ENTRIES, recipients } from './maintainers.ts';
