/**
 * The kernel document as a patch: the new file and its toctree entry over
 * the base index.rst (kernel-tree.ts), written by the patch engine
 * (src/engine/patch/) exactly as `git format-patch` would. With an author
 * it is a mail that `git am` applies, from that author and signed off by
 * them; without one it is a text that says it needs one, since the
 * Developer's Certificate of Origin is the submitter's to give.
 */
import { formatPatch, unauthoredPatch, type PatchAuthor, type PatchInput } from '../engine/patch/index.ts';
import { loreUrl } from '../sources/mails.ts';
import type { KernelDocument } from './kernel-doc.ts';
import { ARM_INDEX_BASE, ARM_INDEX_PATH, withToctreeEntry } from './kernel-tree.ts';

/** The file name `git format-patch` gives the patch (its subject, within 64 characters). */
export const PATCH_FILE = '0001-KVM-arm64-Document-the-stage-2-memory-type-of-device-memory.patch';

/** The trees whose index.rst the checks apply the patch to (scripts/check/kernel-doc.ts, kernel-tools.ts). */
export const APPLIES_TO = 'the Documentation/virt/kvm/arm/index.rst of Linux 6.12, 7.2 and 7.3';

/** What a reader runs to make the patch under their own name. */
export const HOW_TO_SIGN = ['npm run -s cli -- patch --author "Your Name <you@example.org>"', 'or fill in the form on the Documentation patch page of the site'] as const;

/** The patch engine's input for the document: its message, one Link: tag per thread, and the two files. */
export function patchInput(doc: KernelDocument): PatchInput {
  if (!doc.path.startsWith(ARM_INDEX_PATH.replace(/index\.rst$/, ''))) {
    throw new Error(`kernel patch: ${doc.path} is not beside ${ARM_INDEX_PATH}, whose toctree the patch extends`);
  }
  const entry = doc.path.replace(/^.*\//, '').replace(/\.rst$/, '');
  return {
    subject: doc.patch.subject,
    body: doc.patch.message,
    trailers: doc.patch.threads.map((msgid) => `Link: ${loreUrl(msgid)}`),
    date: doc.patch.date,
    files: [
      { path: doc.path, after: doc.rst },
      { path: ARM_INDEX_PATH, before: ARM_INDEX_BASE, after: withToctreeEntry(ARM_INDEX_BASE, entry) },
    ],
  };
}

/** The patch from `author`, or, without one, the text that asks for one. */
export function buildKernelPatch(doc: KernelDocument, author?: PatchAuthor): string {
  const input = patchInput(doc);
  return author === undefined ? unauthoredPatch(input, HOW_TO_SIGN) : formatPatch(input, author);
}
