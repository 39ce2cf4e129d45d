/**
 * The proposed kernel document at a stable URL, `/documentation.rst`:
 * Documentation/virt/kvm/arm/device-memory.rst as the patch at
 * `/documentation.patch` adds it, generated from
 * src/kernel-doc/device-memory.mdx at build time (src/export/kernel-doc.ts).
 */
import type { APIRoute } from 'astro';
import { buildKernelDocument } from '../export/kernel-doc.ts';

export const GET: APIRoute = async () => {
  // Astro runs from the project root, where src/kernel-doc/ lives.
  const { rst } = await buildKernelDocument(process.cwd());
  return new Response(rst, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
