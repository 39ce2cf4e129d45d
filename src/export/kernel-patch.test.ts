import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKernelDocument, type KernelDocument } from './kernel-doc.ts';
import { kernelPatchProblems } from './kernel-doc-rules.ts';
import { PATCH_AUTHOR, buildKernelPatch } from './kernel-patch.ts';
import { ARM_INDEX_BASE, withToctreeEntry } from './kernel-tree.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasGit = spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;

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

describe.skipIf(!hasGit)('the patch', () => {
  let doc: KernelDocument;
  let patch = '';
  beforeAll(async () => {
    doc = await buildKernelDocument(root);
    patch = buildKernelPatch(doc);
  });

  it('passes the patch rules and adds exactly the served document', () => {
    expect(kernelPatchProblems(patch, doc.rst, doc.path)).toEqual([]);
  });

  it('is authored by the project and carries no Signed-off-by of an invented person', () => {
    expect(patch).toContain(`From: ${PATCH_AUTHOR.name} <${PATCH_AUTHOR.email}>`);
    expect(patch).not.toMatch(/^Signed-off-by:/m);
  });

  it('has one Link: tag per thread, in order, and a kernel-style subject', () => {
    expect([...patch.matchAll(/^Link: (.+)$/gm)].map((m) => m[1])).toEqual(
      doc.patch.threads.map((msgid) => `https://lore.kernel.org/all/${msgid}/`),
    );
    expect(patch).toMatch(/^Subject: \[PATCH\] KVM: arm64: Document /m);
  });

  it('is the same on every build', () => {
    expect(buildKernelPatch(doc)).toBe(patch);
  });

  it('adds the toctree entry with three lines of context on each side', () => {
    expect(patch).toContain('@@ -7,6 +7,7 @@ ARM\n .. toctree::\n    :maxdepth: 2\n \n+   device-memory\n    fw-pseudo-registers\n');
  });
});
