/**
 * The Documentation/ draft at a stable URL, `/documentation.rst`: the
 * guide as one kernel-style reStructuredText file, generated from the MDX
 * pages at build time (see src/export/documentation.ts).
 */
import type { APIRoute } from 'astro';
import { buildDocumentation } from '../export/documentation.ts';

export const GET: APIRoute = async ({ site }) => {
  if (site === undefined) throw new Error('documentation.rst: astro.config.mjs must set `site` for absolute links');
  // Astro runs from the project root, where the pages and scenarios/ live.
  const text = await buildDocumentation({ root: process.cwd(), siteUrl: site.href });
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
