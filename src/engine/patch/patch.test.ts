import { describe, expect, it } from 'vitest';
import { parseAuthor, PatchAuthorError } from './author.ts';
import { coverText } from './cover.ts';
import { recipients } from './maintainers.ts';
import { formatPatch, rfc2822Date, unauthoredPatch } from './mail.ts';
import { gitBlobId, sha1Hex } from './sha1.ts';

describe('SHA-1 and git blob ids', () => {
  it('match the FIPS 180-4 examples and git', () => {
    expect(sha1Hex(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex(new Uint8Array(0))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('the author', () => {
  it('is a name and an address, as git would write them', () => {
    expect(parseAuthor('  Ada Lovelace <ada@example.org> ')).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(parseAuthor('Doe, Jane Q. <jane@example.com>').name).toBe('Doe, Jane Q');
  });

  it('refuses anything else, saying what is wrong', () => {
    expect(() => parseAuthor('ada@example.org')).toThrow(PatchAuthorError);
    expect(() => parseAuthor('<ada@example.org>')).toThrow(/no name before the address/);
    expect(() => parseAuthor('Ada <ada>')).toThrow(/'ada' is not an e-mail address/);
    expect(() => parseAuthor('Project <docs@project.invalid>')).toThrow(/reserved never to exist/);
    expect(() => parseAuthor('A "B" C <a@b.org>')).toThrow(/quotation mark/);
  });
});

describe('the mail', () => {
  const input = { subject: 'doc: Add a file', body: 'Add it.\n', trailers: ['Link: https://lore.kernel.org/all/a@b/'], date: '2026-12-07T10:00:00Z', files: [{ path: 'Documentation/x.rst', after: 'one\n' }] };

  it('writes a UTC date as git does', () => {
    expect(rfc2822Date('2026-12-07T10:00:00Z')).toBe('Mon, 7 Dec 2026 10:00:00 +0000');
    expect(() => rfc2822Date('yesterday')).toThrow(/not an ISO date/);
  });

  it('is from the author and signed off by them, after the other trailers', () => {
    const patch = formatPatch(input, parseAuthor('Ada Lovelace <ada@example.org>'));
    expect(patch).toContain('From: Ada Lovelace <ada@example.org>\nDate: Mon, 7 Dec 2026 10:00:00 +0000\nSubject: [PATCH] doc: Add a file\n\nAdd it.\n\nLink: https://lore.kernel.org/all/a@b/\nSigned-off-by: Ada Lovelace <ada@example.org>\n---\n');
    expect(patch).toContain(' Documentation/x.rst | 1 +\n 1 file changed, 1 insertion(+)\n create mode 100644 Documentation/x.rst\n');
  });

  it('encodes a non-ASCII name and says the body is UTF-8', () => {
    const patch = formatPatch(input, parseAuthor('Björn Töpel <bjorn@kernel.org>'));
    expect(patch).toContain('From: =?UTF-8?q?Bj=C3=B6rn=20T=C3=B6pel?= <bjorn@kernel.org>');
    expect(patch).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(patch).toContain('Signed-off-by: Björn Töpel <bjorn@kernel.org>');
  });

  it('refuses a subject git would fold, and a file without a final newline', () => {
    expect(() => formatPatch({ ...input, subject: 'x'.repeat(70) }, parseAuthor('A B <a@b.org>'))).toThrow(/keep the subject shorter/);
    expect(() => formatPatch({ ...input, files: [{ path: 'y', after: 'no newline' }] }, parseAuthor('A B <a@b.org>'))).toThrow(/must end with a newline/);
  });

  it('without an author, says so first and holds no From: or Signed-off-by: line', () => {
    const text = unauthoredPatch(input, ['make it']);
    expect(text.split('\n')[0]).toBe('This patch needs an author before it can be applied or sent: the');
    expect(text).toContain('    make it');
    expect(text).not.toMatch(/^(From|Signed-off-by): /m);
  });
});

describe('the recipients', () => {
  it('send it to the KVM/arm64 maintainers, with the reviewers, the lists, KVM, Documentation and VFIO on Cc, each once', () => {
    const { to, cc } = recipients();
    expect(to).toEqual(['Marc Zyngier <maz@kernel.org>', 'Oliver Upton <oupton@kernel.org>']);
    expect(cc).toContain('kvmarm@lists.linux.dev');
    // KERNEL VIRTUAL MACHINE (KVM) owns Documentation/virt/kvm/ (MAINTAINERS, 7.3.4).
    expect(cc).toContain('Paolo Bonzini <pbonzini@redhat.com>');
    expect(cc).toContain('Sean Christopherson <seanjc@google.com>');
    expect(cc).toContain('kvm@vger.kernel.org');
    expect(cc).toContain('Jonathan Corbet <corbet@lwn.net>');
    expect(cc).toContain('linux-doc@vger.kernel.org');
    expect(cc).toContain('Alex Williamson <alex@shazbot.org>');
    expect(new Set(cc).size).toBe(cc.length);
  });

  it('are in the cover text with their source and a send-email line', () => {
    const text = coverText('0001-x.patch', 'Linux 6.12 and 7.3');
    expect(text).toContain('MAINTAINERS of Linux 7.3.4');
    expect(text).toContain("--to='Marc Zyngier <maz@kernel.org>'");
    expect(text).toContain('0001-x.patch');
  });
});
