// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import starlightLinksValidator from 'starlight-links-validator';
import { raceGrammar } from './src/highlight/race-grammar.ts';

// The deployed origin; sitemap and canonical links use it. Local builds
// default to the address `npm start` serves on.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'KVM/arm64 device memory',
      description:
        'What memory attributes a KVM/arm64 guest really gets for a passthrough device, and whether a device reset can race with its last writes.',
      // Internal links and anchors are checked at build time: a broken one fails the build.
      plugins: [starlightLinksValidator({ errorOnLocalLinks: false, exclude: ['/documentation.rst', '/documentation.patch', '/documentation-long.rst'] })],
      customCss: ['./src/styles/widgets.css'],
      components: {
        // Starlight's search button names itself "Search" while showing
        // "Search Ctrl K": see the component for the accessible-name fix.
        Search: './src/components/Search.astro',
      },
      expressiveCode: {
        // Highlighting happens at build time (shiki inside Expressive Code);
        // `race` fenced blocks use our scenario grammar.
        shiki: { langs: [raceGrammar] },
      },
      sidebar: [
        { label: 'Guide', items: [{ autogenerate: { directory: 'guide' } }] },
        { label: 'Playground', items: [{ autogenerate: { directory: 'play' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
    // MDX must follow Starlight, which registers its own Markdown handling first.
    mdx(),
    svelte(),
  ],
});
