/**
 * Starlight route middleware: the splash page's hero buttons link by
 * site-absolute paths from the frontmatter (`link: /guide/overview/`);
 * under a base path they get it, as base-links.ts does for links in
 * the page body.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './base-links.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const hero = context.locals.starlightRoute.entry.data.hero;
  for (const action of hero?.actions ?? []) action.link = withBase(action.link, import.meta.env.BASE_URL);
});
