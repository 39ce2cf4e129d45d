// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import starlightLinksValidator from 'starlight-links-validator';
import { raceGrammar } from './src/highlight/race-grammar.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin } from './src/markdown/base-links.ts';
import { ruleAnchorsPlugin } from './src/markdown/rule-anchors.ts';
import { glossaryAnchorsPlugin } from './src/markdown/glossary-anchors.ts';

// The deployed origin (SITE_URL, see the README's Deploying): the sitemap,
// canonical links and og:url use it. Without one the build writes none of
// them rather than name a local address; the widgets' copied links use the
// address the page was opened at either way.
const site = process.env.SITE_URL?.trim() || undefined;
// The path the site is served under (`/kvm-device-memory/`), or the host's root.
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Pages link each other as `/guide/fwb/`; under a base path the links get it.
  markdown: { processor: satteri({ hastPlugins: [baseLinksPlugin(base), ruleAnchorsPlugin(), glossaryAnchorsPlugin()] }) },
  integrations: [
    starlight({
      title: 'KVM/arm64 device memory',
      description:
        'What memory attributes a KVM/arm64 guest really gets for a passthrough device, and whether a device reset can race with its last writes.',
      // Internal links and anchors are checked at build time: a broken one fails the build.
      plugins: [starlightLinksValidator({ errorOnLocalLinks: false, exclude: ['/documentation.rst', '/documentation.patch', '/documentation-long.rst'] })],
      customCss: ['./src/styles/widgets.css'],
      // Hero buttons take their links from the frontmatter, which the Markdown plugin never sees.
      routeMiddleware: './src/markdown/base-route-data.ts',
      components: {
        // Starlight's search button names itself "Search" while showing
        // "Search Ctrl K": see the component for the accessible-name fix.
        Search: './src/components/Search.astro',
        // Adds the theme picker to narrow screens of pages without the sidebar's menu (the home page).
        Header: './src/components/Header.astro',
      },
      expressiveCode: {
        // Highlighting happens at build time (shiki inside Expressive Code);
        // `race` fenced blocks use our scenario grammar.
        shiki: { langs: [raceGrammar] },
      },
      sidebar: [
        { label: 'Learn', items: [{ autogenerate: { directory: 'learn' } }] },
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
