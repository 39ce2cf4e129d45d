import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { docutilsProblems, hasDocutils } from './docutils.ts';
import { commitReference } from '../engine/kvm/kernel-commits.ts';
import { commitOfExpression } from './commit-citations.ts';
import { findMail } from '../sources/mails.ts';
import { KERNEL_DOC_SOURCE, buildKernelDocument, renderKernelDocument, type KernelDocument } from './kernel-doc.ts';
import { kernelDocProblems } from './kernel-doc-rules.ts';
import { outcomeTable } from './outcome-table.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const source = readFileSync(join(root, KERNEL_DOC_SOURCE), 'utf8');
let doc: KernelDocument;

beforeAll(async () => {
  doc = await buildKernelDocument(root);
});

/** The cells of the outcome table's body rows, split on the column gaps. */
function outcomeRows(rst: string): string[][] {
  const table = rst.slice(rst.indexOf(outcomeTable()), rst.indexOf(outcomeTable()) + outcomeTable().length);
  return table
    .split('\n')
    .filter((line) => !/^=/.test(line))
    .slice(1)
    .map((line) => line.split(/ {2,}/));
}

describe('the kernel document', () => {
  it('is Documentation/virt/kvm/arm/device-memory.rst and follows the kernel rules checked offline', () => {
    expect(doc.path).toBe('Documentation/virt/kvm/arm/device-memory.rst');
    expect(kernelDocProblems(doc.rst, 'device-memory')).toEqual([]);
  });

  it('cites each commit its source names, with the table\'s subject, and the commit on one line with its id', () => {
    const named = [...source.matchAll(/\{([^{}]*)\}/g)].flatMap((m) => commitOfExpression(m[1] ?? '') ?? []);
    for (const sha of named) expect(doc.rst.replace(/\s+/g, ' ')).toContain(commitReference(sha));
    expect(doc.rst).not.toMatch(/commit\n/);
  });

  it('describes behaviour, not history: no release number, no lore link; the threads go to the Link: tags and are messages of the table', () => {
    expect(doc.rst).not.toMatch(/\b(?:Linux|v)\s?\d+\.\d+\b/);
    expect(doc.rst).not.toContain('lore.kernel.org');
    expect(doc.rst).not.toMatch(/^Discussion$/m);
    for (const msgid of doc.patch.threads) expect(findMail(msgid), msgid).toBeDefined();
  });

  it('refers to the KVM API and VFIO documents by path, which the kernel\'s Sphinx turns into cross-references', () => {
    expect(doc.rst.replace(/\s+/g, ' ')).toContain('Documentation/virt/kvm/api.rst');
    expect(doc.rst.replace(/\s+/g, ' ')).toContain('Documentation/driver-api/vfio.rst');
    expect(doc.rst).toContain('KVM_CAP_ARM_CACHEABLE_PFNMAP_SUPPORTED');
  });

  it('states its scope, the MTE consequence and the reset ordering assumption', () => {
    const text = doc.rst.replace(/\s+/g, ' ');
    // pKVM maps no device memory into any guest, protected or not (__pkvm_host_share_guest() takes RWX only).
    expect(text).toMatch(/when it does not run in protected mode/);
    expect(text).toMatch(/protected VM or not/);
    expect(text).toMatch(/In a VM with MTE enabled, KVM refuses a memslot over any VMA without ``VM_MTE_ALLOWED``/);
    expect(text).toMatch(/The assumption is that the host bridge/);
    expect(text).toMatch(/does not cover a reset through ACPI ``_RST``/);
  });

  it('holds the outcome table as the combining engine renders it', () => {
    expect(doc.rst).toContain(outcomeTable());
  });

  it('shows that stage-2 Normal-NC keeps a stage-1 Device type (D8.6.5.1) and turns Normal-WB into Normal-NC', () => {
    const rows = outcomeRows(doc.rst);
    expect(rows).toContainEqual(['VM_ALLOW_ANY_UNCACHED', '0x5 Normal-NC', 'any', 'Device-nGnRE', 'Device-nGnRE']);
    expect(rows).toContainEqual(['VM_ALLOW_ANY_UNCACHED', '0x5 Normal-NC', 'any', 'Normal-WB', 'Normal-NC']);
  });

  it('shows that FWB MemAttr 0b0110 forces Normal-WB over a stage-1 Device type (D8.6.6)', () => {
    expect(outcomeRows(doc.rst)).toContainEqual(['cacheable VMA', '0x6 Normal-WB (forced)', 'on', 'Device-nGnRE', 'Normal-WB']);
  });

  it('has between 4 and 6 rows in its outcome table', () => {
    const rows = outcomeRows(doc.rst);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.length).toBeLessThanOrEqual(6);
  });
});

describe('the kernel document source refuses what a kernel document cannot hold', () => {
  const withBody = (body: string) => source.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);

  it('a link to a site page', () => {
    expect(() => renderKernelDocument(withBody('See [the guide](/guide/overview/).'))).toThrow(/links to its own sections and to https URLs only/);
  });

  it('a widget', () => {
    expect(() => renderKernelDocument(withBody('<CombineMatrix fwb={false} />'))).toThrow(/has no place in a kernel document/);
  });

  it('a commit the table does not hold', () => {
    expect(() => renderKernelDocument(withBody("Since {commit('0123456789ab')}."))).toThrow(/0123456789ab is not in src\/engine\/kvm\/kernel-commits.ts/);
  });

  it('front matter without its threads', () => {
    expect(() => renderKernelDocument(source.replace(/threads:[\s\S]*?\n---/, '---'))).toThrow(/needs 'threads'/);
  });

  it('a link to a section gets a label prefixed with the file name', () => {
    const { rst } = renderKernelDocument(withBody('## Containment\n\nSee [above](#containment).'));
    expect(rst).toContain('.. _device-memory-containment:\n\nContainment\n===========');
    expect(rst).toContain('`above <device-memory-containment_>`__');
  });
});

describe.skipIf(!hasDocutils())('docutils', () => {
  it('accepts the kernel document with no warning or error', () => {
    expect(docutilsProblems(doc.rst)).toBe('');
  });
});

describe('an inline commit expression', () => {
  it('becomes the kernel reference with the id kept beside the word commit, and nothing else is one', async () => {
    const { commitExpressionText } = await import('./kernel-doc.ts');
    const { softSpaces } = await import('./rst-text.ts');
    const text = commitExpressionText("commit('8cc9dc1ae4fb')") ?? '';
    expect(softSpaces(text)).toBe('commit 8cc9dc1ae4fb ("KVM: arm64: Rename the device variable to s2_force_noncacheable")');
    expect(text.startsWith('commit ')).toBe(false);
    expect(commitExpressionText('someOtherCall()')).toBeUndefined();
  });
});
