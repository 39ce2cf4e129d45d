/**
 * A short check on a scenario's canonical text, carried by race links
 * (`h=`) and by the scenario text of the race report (race-text.ts), so
 * that a link or a text a mail client damaged (a parameter cut at a line
 * break, a `+` lost, a title's spacing changed) is reported instead of
 * silently running something else. It guards against accidents, not forgery: 32-bit FNV-1a over the
 * UTF-8 bytes, as 8 lowercase hex digits. Pure and synchronous, the same
 * in Node and browsers.
 */

export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
