/**
 * Pages link each other by site-absolute paths (`/guide/fwb/`), which read
 * well in the MDX and in the ReST export. When the site is built under a
 * base path (BASE_PATH, e.g. `/kvm-device-memory/`), this hast plugin of
 * the Markdown processor (Sätteri, Astro's default, which MDX shares) puts
 * the base in front of every such link in the rendered pages, so the same
 * source works at the root of a host and under a prefix. It is listed
 * before the link validator, which then checks the links as served.
 */

/** Whether an href is a site-absolute path: one slash, not a protocol-relative `//host`. */
const siteAbsolute = (href: string): boolean => href.startsWith('/') && !href.startsWith('//');

export function withBase(href: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  if (prefix === '' || !siteAbsolute(href) || href === prefix || href.startsWith(`${prefix}/`)) return href;
  return `${prefix}${href}`;
}

/** The parts of Sätteri's plugin interface this uses (satteri's HastPluginDefinition). */
interface Element {
  readonly tagName: string;
  readonly properties: Readonly<Record<string, unknown>>;
}
interface Context {
  setProperty(node: Element, key: string, value: unknown): void;
}

export function baseLinksPlugin(base: string) {
  return {
    name: 'base-links',
    element: {
      filter: ['a'],
      visit(node: Element, ctx: Context): void {
        const href = node.properties['href'];
        if (typeof href === 'string' && withBase(href, base) !== href) ctx.setProperty(node, 'href', withBase(href, base));
      },
    },
  };
}
