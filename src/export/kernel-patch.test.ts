import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPatch, parseAuthor } from '../engine/patch/index.ts';
import { gitFormatPatch } from './git-format-patch.ts';
import { buildKernelDocument, type KernelDocument } from './kernel-doc.ts';
import { kernelPatchProblems } from './kernel-doc-rules.ts';
import { buildKernelPatch, patchInput } from './kernel-patch.ts';
import { ARM_INDEX_BASE, withToctreeEntry } from './kernel-tree.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasGit = spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;
const ada = parseAuthor('Ada Lovelace <ada@example.org>');

describe('the toctree entry', () => {
  it('goes in alphabetical order, first for device-memory', () => {
    const index = withToctreeEntry(ARM_INDEX_BASE, 'device-memory');
    expect(index).toContain('   :maxdepth: 2\n\n   device-memory\n   fw-pseudo-registers\n');
  });

  it('goes last when it sorts after every entry', () => {
    expect(withToctreeEntry(ARM_INDEX_BASE, 'zz-last')).toMatch(/ {3}vcpu-features\n {3}zz-last\n$/);
  });

  it('is refused when the toctree already lists it', () => {
    expect(() => withToctreeEntry(ARM_INDEX_BASE, 'hyp-abi')).toThrow(/already lists hyp-abi/);
  });
});

describe('the patch', () => {
  let doc: KernelDocument;
  beforeAll(async () => {
    doc = await buildKernelDocument(root);
  });

  it('with an author: passes the patch rules, adds exactly the served document, and is from and signed off by that author', () => {
    const patch = buildKernelPatch(doc, ada);
    expect(kernelPatchProblems(patch, doc.rst, doc.path)).toEqual([]);
    expect(patch).toMatch(/^From: Ada Lovelace <ada@example\.org>$/m);
    expect(patch).toMatch(/\nSigned-off-by: Ada Lovelace <ada@example\.org>\n---\n/);
  });

  it('without an author: says plainly that it needs one, and names nobody', () => {
    const text = buildKernelPatch(doc);
    expect(text).toMatch(/^This patch needs an author before it can be applied or sent:/);
    expect(text).toContain('npm run -s cli -- patch --author');
    expect(text).not.toMatch(/^(From|Signed-off-by): /m);
    expect(text).not.toMatch(/\.invalid\b|kvm-s2-normal-nc project/);
    expect(text).toContain(`+++ b/${doc.path}`);
  });

  it('has one Link: tag per thread, in order, and a kernel-style subject', () => {
    const patch = buildKernelPatch(doc, ada);
    expect([...patch.matchAll(/^Link: (.+)$/gm)].map((m) => m[1])).toEqual(doc.patch.threads.map((msgid) => `https://lore.kernel.org/all/${msgid}/`));
    expect(patch).toMatch(/^Subject: \[PATCH\] KVM: arm64: Document /m);
  });

  it('is the same on every build', () => {
    expect(buildKernelPatch(doc, ada)).toBe(buildKernelPatch(doc, ada));
  });

  it('adds the toctree entry with three lines of context on each side', () => {
    expect(buildKernelPatch(doc, ada)).toContain('@@ -7,6 +7,7 @@ ARM\n .. toctree::\n    :maxdepth: 2\n \n+   device-memory\n    fw-pseudo-registers\n');
  });
});

describe.skipIf(!hasGit)('the patch engine against git format-patch', () => {
  let doc: KernelDocument;
  beforeAll(async () => {
    doc = await buildKernelDocument(root);
  });

  for (const author of ['Ada Lovelace <ada@example.org>', 'Björn Töpel <bjorn@kernel.org>', 'Doe, Jane Q. <jane@example.com>', 'Łukasz Żółć-Wąsowski Grzegorzewski-Brzęczyszczykiewicz <lukasz@example.pl>']) {
    it(`writes git's bytes for ${author}`, () => {
      const a = parseAuthor(author);
      expect(formatPatch(patchInput(doc), a)).toBe(gitFormatPatch(patchInput(doc), a));
    });
  }

  it("writes git's bytes for a change that replaces and deletes lines in the middle of a file", () => {
    const before = Array.from({ length: 30 }, (_, n) => (n % 7 === 0 ? `Heading ${n}` : `  line ${n}`)).join('\n') + '\n';
    const after = before.replace('  line 15\n  line 16\n', '  line fifteen\n');
    const files = [
      { path: 'a/b.rst', before, after },
      { path: 'a/new.rst', after: 'one\ntwo\n' },
    ];
    const input = { subject: 'doc: A test change', body: 'Body.', trailers: ['Link: https://lore.kernel.org/all/x@y/'], date: '2026-12-07T10:00:00Z', files };
    expect(formatPatch(input, ada)).toBe(gitFormatPatch(input, ada));
  });
});
