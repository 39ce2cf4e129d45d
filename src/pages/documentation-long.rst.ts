/**
 * The long form, `/documentation-long.rst`: the guide and reference pages
 * as one reStructuredText file for offline reading, generated from the MDX
 * pages at build time (src/export/documentation.ts). It is not the kernel
 * document; that is `/documentation.rst`.
 */
import type { APIRoute } from 'astro';
import { buildDocumentation } from '../export/documentation.ts';

export const GET: APIRoute = async () => {
  // Astro runs from the project root, where the pages and scenarios/ live.
  const text = await buildDocumentation({ root: process.cwd() });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
