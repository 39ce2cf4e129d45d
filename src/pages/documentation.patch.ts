/**
 * The kernel document as a patch, `/documentation.patch`: it adds
 * Documentation/virt/kvm/arm/device-memory.rst (the text served at
 * `/documentation.rst`) and its toctree entry (src/export/kernel-patch.ts).
 * A static file can have no author, so it is the text that says the patch
 * needs one and how to make it (the CLI's `patch --author`, or the form
 * on the Documentation patch page, which builds it in the browser).
 */
import type { APIRoute } from 'astro';
import { buildKernelDocument } from '../export/kernel-doc.ts';
import { buildKernelPatch } from '../export/kernel-patch.ts';

export const GET: APIRoute = async () => {
  const patch = buildKernelPatch(await buildKernelDocument(process.cwd()));
  return new Response(patch, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
