/**
 * Every page of the built sitemap at phone widths (320 and 375 px): as
 * loaded, after each of its widgets has been used (see overflow.ts for what
 * "used" means) and opened through a link with a bad parameter, nothing may
 * make the page scroll sideways or stick out past its right edge. Wide
 * things scroll inside their own container. One test a page: it loads the
 * page once per case and measures it at both widths.
 *
 * The Playwright config runs this spec once per font setup (a fontconfig
 * offering only DejaVu, whose sans is among the widest, and one offering
 * only Liberation Sans Narrow), so a layout cannot pass by the luck of the
 * machine's fonts; each test first checks that the page really renders in
 * the font its project promises.
 */
import { test, expect, type Page } from '@playwright/test';
import { sitemapPaths } from './site.ts';
import { describeOverflow, fits, installOverflowProbe, type Overflow } from './overflow.ts';

const paths = sitemapPaths();
const WIDTHS = [320, 375] as const;

/** The font family Chromium used for the page title, as the platform reports it. */
async function titleFont(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

test.describe.configure({ timeout: 180_000 });

/** Measures the page at every phone width, ending at the first. */
async function measureAtWidths(page: Page, check: (where: string, overflow: Overflow) => void, where: string): Promise<void> {
  for (const width of [...WIDTHS.slice(1), WIDTHS[0]]) {
    await page.setViewportSize({ width, height: 800 });
    // Two frames, so that whatever reacts to the resize (resize observers, media queries) has run.
    const overflow = await page.evaluate(async () => {
      for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
      return window.__overflow.measure();
    });
    check(`${where}, at ${width} px`, overflow);
  }
}

for (const path of paths) {
  test(`${path} fits ${WIDTHS.join(' and ')} px as loaded, after its widgets are used and with a bad link parameter`, async ({ page }, info) => {
    const font = info.project.metadata['fontFamily'] as string | undefined;
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.addInitScript(installOverflowProbe);
    await page.goto(path, { waitUntil: 'networkidle' });
    if (font) expect(await titleFont(page), `the page title's font under the ${info.project.name} font setup`).toEqual([font]);

    const problems: string[] = [];
    const check = (where: string, overflow: Overflow): void => {
      if (!fits(overflow)) problems.push(describeOverflow(where, overflow));
    };
    await measureAtWidths(page, check, 'as loaded');

    // Widgets are gone through at the narrowest width, every state they reach measured there; the state they
    // are left in is measured at every width. Both widths are below every breakpoint of the theme, so the same
    // rules lay them out and what fits at 320 px fits at 375.
    const islands = page.locator('astro-island:not(astro-island astro-island)');
    const count = await islands.count();
    const used: string[] = [];
    // The options of a widget kind are gone through once a page; later ones of that kind (six race figures) get the lighter pass.
    const kinds = new Set<string>();
    for (let i = 0; i < count; i++) {
      const kind = (await islands.nth(i).getAttribute('component-url')) ?? String(i);
      const worst = await islands.nth(i).evaluate((island, full) => window.__overflow.exercise(island, full), !kinds.has(kind));
      kinds.add(kind);
      used.push(`widget ${i + 1}: ${worst.states} states`);
      if (worst.overflow.offenders.length > 0) problems.push(describeOverflow(`widget ${i + 1} of ${count}, widest after ${worst.after}`, worst.overflow));
    }
    if (count > 0) await measureAtWidths(page, check, 'after using its widgets');

    // A link whose parameter is refused: the widgets that read the query say so in a message naming it.
    await page.goto(`${path}?phone-layout-check=${'x'.repeat(60)}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => !document.querySelector('astro-island[client="load"][ssr]'));
    await measureAtWidths(page, check, 'opened with an unknown, 60-character link parameter');

    info.annotations.push({ type: 'phone-layout', description: `${path}: ${used.join(', ') || 'no widgets'}` });
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
