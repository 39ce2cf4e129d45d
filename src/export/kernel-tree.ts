/**
 * The part of the kernel tree the patch touches besides its new file:
 * Documentation/virt/kvm/arm/index.rst, whose toctree lists the arm64
 * documents. The base text is the file as of Linux v6.12 (read in
 * Debian's 6.12.118, the tree the kernel-tools check applies the patch
 * to); 7.2.13 and 7.3.4 add `pkvm` below `hypercalls`. The new entry goes
 * first in alphabetical order, so the patch's context is the toctree
 * header and its first three entries, the same in all of them: one patch
 * applies to each.
 */

export const ARM_INDEX_PATH = 'Documentation/virt/kvm/arm/index.rst';

export const ARM_INDEX_BASE = `.. SPDX-License-Identifier: GPL-2.0

===
ARM
===

.. toctree::
   :maxdepth: 2

   fw-pseudo-registers
   hyp-abi
   hypercalls
   pvtime
   ptp_kvm
   vcpu-features
`;

const ENTRY = /^ {3}[a-z0-9][\w-]*$/;

/**
 * `index` with `entry` added to its toctree in alphabetical order. Throws
 * if the file has no toctree or already lists the entry.
 */
export function withToctreeEntry(index: string, entry: string): string {
  const lines = index.split('\n');
  const start = lines.findIndex((line) => line.startsWith('.. toctree::'));
  if (start < 0) throw new Error(`${ARM_INDEX_PATH}: no toctree`);
  // Entries follow the directive's options and one blank line.
  let first = start + 1;
  while (first < lines.length && !ENTRY.test(lines[first] ?? '')) first++;
  let end = first;
  while (end < lines.length && ENTRY.test(lines[end] ?? '')) end++;
  const entries = lines.slice(first, end).map((line) => line.trim());
  if (entries.includes(entry)) throw new Error(`${ARM_INDEX_PATH}: the toctree already lists ${entry}`);
  const before = entries.findIndex((existing) => existing > entry);
  const at = before < 0 ? end : first + before;
  return [...lines.slice(0, at), `   ${entry}`, ...lines.slice(at)].join('\n');
}
