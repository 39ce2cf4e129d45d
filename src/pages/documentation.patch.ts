/**
 * The kernel document as a patch for `git am`, `/documentation.patch`: it
 * adds Documentation/virt/kvm/arm/device-memory.rst (the text served at
 * `/documentation.rst`) and its toctree entry (src/export/kernel-patch.ts).
 */
import type { APIRoute } from 'astro';
import { buildKernelDocument } from '../export/kernel-doc.ts';
import { buildKernelPatch } from '../export/kernel-patch.ts';

export const GET: APIRoute = async () => {
  const patch = buildKernelPatch(await buildKernelDocument(process.cwd()));
  return new Response(patch, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
