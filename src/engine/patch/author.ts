/**
 * The author of a patch, as the person who submits it writes themself:
 * `Name <address>`. The patch's From: and Signed-off-by: lines carry it;
 * the Developer's Certificate of Origin is theirs to give, so nothing
 * here ever supplies a default.
 */

export interface PatchAuthor {
  readonly name: string;
  readonly email: string;
}

/** Bad author text: the message says what is wrong and what is expected. */
export class PatchAuthorError extends Error {
  override readonly name = 'PatchAuthorError';
}

const FORM = 'give the author as "Name <address>", e.g. "Ada Lovelace <ada@example.org>"';
// Top-level domains reserved to never resolve (RFC 2606, RFC 6761): an address there can take no reply.
const UNREACHABLE = /\.(?:invalid|localhost)$/i;

/** `Ada Lovelace <ada@example.org>` as a name and an address; throws PatchAuthorError for anything else. */
export function parseAuthor(text: string): PatchAuthor {
  const match = /^\s*([^<>]*?)\s*<([^<>\s]+)>\s*$/.exec(text);
  if (match === null) throw new PatchAuthorError(`'${text.trim()}' is not a name and an address: ${FORM}`);
  const [, raw = '', email = ''] = match;
  // git drops these from both ends of a name (ident.c); the sign-off must carry the name git writes.
  const name = raw.replace(/^[\x00-\x20.,:;<>"\\']+|[\x00-\x20.,:;<>"\\']+$/g, '');
  if (name === '') throw new PatchAuthorError(`'${text.trim()}' has no name before the address: ${FORM}`);
  if (/[\r\n"]/.test(name)) throw new PatchAuthorError(`the name '${name}' has a quotation mark or a line break: ${FORM}`);
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (at <= 0 || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.')) {
    throw new PatchAuthorError(`'${email}' is not an e-mail address (local part, @, and a domain with a dot): ${FORM}`);
  }
  if (UNREACHABLE.test(domain)) throw new PatchAuthorError(`'${email}' is at a domain reserved never to exist; a patch needs an address that can take replies`);
  return { name, email };
}

/** `Name <address>` as a header or a trailer writes it. */
export const authorText = (a: PatchAuthor): string => `${a.name} <${a.email}>`;
